# a link() callback that raises: reported by the hub with the callback and the greenlet
import gevent
def bad(g):
    raise ValueError("in spawned link")
g = gevent.spawn(lambda: 1)
g.link(bad)
g.join()
gevent.sleep(0.1)
print("end")
