# g.join() on a greenlet that waits forever: LoopExit through gevent's frames
import gevent
from gevent.event import Event
e = Event()
g = gevent.spawn(e.wait)
g.join()
print("joined")
gevent.joinall([g])
print("joinall returned")
g.get()
