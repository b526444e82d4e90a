# import gevent alone makes gevent.hub, gevent.greenlet, gevent.timeout and gevent.exceptions
# usable, as gevent's own __init__ does; the others need their own import.
import gevent

print(gevent.hub.get_hub() is gevent.get_hub())
print(gevent.timeout.Timeout is gevent.Timeout, gevent.greenlet.Greenlet is gevent.Greenlet)
print(gevent.exceptions.LoopExit is gevent.hub.LoopExit)
print(type(gevent.greenlet).__name__)
print(gevent.getcurrent() is gevent.hub.get_hub().parent)
for name in ["queue", "pool", "event", "lock", "monkey"]:
    print(name, hasattr(gevent, name))
import gevent.queue
print("queue", hasattr(gevent, "queue"))
g = gevent.spawn(lambda: "done")
print(gevent.greenlet.Greenlet.get(g))
