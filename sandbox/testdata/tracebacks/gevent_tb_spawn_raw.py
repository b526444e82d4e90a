# spawn_raw greenlets that fail: the hub reports them with the callback that started them
import gevent
def f(x=None):
    raise ValueError("raw %s" % x)
gevent.spawn_raw(f)
gevent.spawn_raw(f, 5)
gevent.sleep(0.1)
print("end")
