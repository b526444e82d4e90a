# Event.wait() that nothing will ever set: LoopExit
import gevent
from gevent.event import Event
e = Event()
e.wait()
print("never")
