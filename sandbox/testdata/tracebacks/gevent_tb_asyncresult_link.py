# an AsyncResult linked to a failing greenlet re-raises its exception
import gevent
from gevent.event import AsyncResult
def f():
    return {}["nokey"]
r = AsyncResult()
g = gevent.spawn(f)
g.link(r)
r.get()
