import gevent
def f(x):
    return x / 0   
gevent.joinall([gevent.spawn(f, 1)])
print("after")
