# AsyncResult.get() re-raises an exception with its own traceback
from gevent.event import AsyncResult
r = AsyncResult()
try:
    {}["k"]
except KeyError as e:
    r.set_exception(e)
r.get()
