# AsyncResult.get() re-raises an exception set before it (no traceback)
from gevent.event import AsyncResult
r = AsyncResult()
r.set_exception(ValueError("early"))
r.get()
