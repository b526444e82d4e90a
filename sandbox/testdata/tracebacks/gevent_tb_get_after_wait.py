# g.get() waits, then re-raises the greenlet's exception
import gevent
def bad():
    gevent.sleep(0.1)
    raise ValueError("late")
g = gevent.spawn(bad)
g.get()
