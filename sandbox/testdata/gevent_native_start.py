# gevent greenlets whose run is gevent's own start in their _run (the engine
# calls it directly); every way a greenlet ends must look as in gevent.
import gevent
from gevent import Greenlet, GreenletExit


def work(n, scale=1):
    gevent.sleep(0.01 * n)
    return n * scale


def loops():
    while True:
        gevent.sleep(0.01)


g1 = gevent.spawn(work, 2, scale=10)
g2 = gevent.spawn(loops)
g3 = gevent.spawn(loops)
g4 = gevent.spawn(gevent.sleep, 0.02)          # a _run written in Go
gevent.sleep(0.005)
g2.kill()
g3.kill(exception=KeyError("stop"), block=True)
gevent.joinall([g1, g4])
print(g1.value, g1.successful(), g1.dead)
print(type(g2.value).__name__, g2.successful(), g2.exception)
print(repr(g3.exception), g3.successful(), g3.value)
print(g4.value, g4.successful())


class Squares(Greenlet):
    def __init__(self, n):
        Greenlet.__init__(self)
        self.n = n

    def _run(self):
        gevent.sleep(0.01)
        return [i * i for i in range(self.n)]


class OwnRun(Greenlet):
    def run(self):
        print("OwnRun.run", self.args, self.kwargs)
        return "ignored"


s = Squares.spawn(4)
o = OwnRun.spawn(lambda: None, 1, k=2)
gevent.joinall([s])   # o's own run skips gevent's bookkeeping: o is never ready
gevent.sleep(0)
print(s.value, o.value, o.dead, o.ready())

links = []
g5 = gevent.spawn(work, 1)
g5.link(lambda g: links.append(("done", g.value)))
g5.link_exception(lambda g: links.append("never"))
g6 = gevent.spawn(work, "x")
g6.link_exception(lambda g: links.append(("failed", type(g.exception).__name__)))
gevent.joinall([g5, g6])
gevent.sleep(0)
print(links)

with gevent.Timeout(0.015, False):
    g7 = gevent.spawn(loops)
    g7.join()
print("timeout left g7 running:", not g7.dead)
g7.kill()
print(g7.dead, repr(g7.exception))


def direct():
    return "called directly"


g8 = Greenlet(direct)
print(g8.run() is None, g8.value, g8.ready())
