# g.get() on a greenlet that already failed re-raises at once
import gevent
def bad():
    raise ValueError("now")
g = gevent.spawn(bad)
gevent.sleep(0.1)
g.get()
