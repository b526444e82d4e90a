# A rawlink callback that raises: the hub reports it with the link and the
# greenlet, and the greenlet's other links still run.
import gevent


def work():
    return 42


def check(g):
    total = g.value + None
    print("never", total)


g = gevent.spawn(work)
g.rawlink(check)
g.rawlink(lambda g: print("second link", g.value))
g.join()
print("joined", g.value)
