# joinall(raise_error=True) re-raises a greenlet's exception
import gevent
def bad():
    raise ValueError("bad")
gevent.joinall([gevent.spawn(bad)], raise_error=True)
