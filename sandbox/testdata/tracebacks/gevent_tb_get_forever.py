# g.get() on a greenlet that waits forever: LoopExit
import gevent
from gevent.event import Event
e = Event()
g = gevent.spawn(e.wait)
g.get()
