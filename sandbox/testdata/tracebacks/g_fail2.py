import gevent
def f(d):
    return d["k"] + 1
g = gevent.spawn(f, {})
g.join()
