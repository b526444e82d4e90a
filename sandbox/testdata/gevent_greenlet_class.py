# gevent.Greenlet: subclassing, start/start_later, join/get, value/exception, links, kill, name, str/repr, failure report.
import gevent
from gevent import Greenlet

def noaddr(s):
    # hide "0x7f..." addresses, which differ from run to run
    out, i = [], 0
    while True:
        j = s.find("0x", i)
        if j < 0:
            return "".join(out) + s[i:]
        k = j + 2
        while k < len(s) and s[k] in "0123456789abcdef":
            k += 1
        out.append(s[i:j] + "0x...")
        i = k

def work(x, delay=0.01):
    gevent.sleep(delay)
    return x * 10

# states of a greenlet
g = Greenlet(work, 1)
print("new: started", g.started, "ready", g.ready(), "dead", g.dead, "bool", bool(g), "value", g.value)
g.start()
print("scheduled: started", g.started, "ready", g.ready(), "dead", g.dead, "bool", bool(g))
gevent.sleep(0)
print("running: started", g.started, "ready", g.ready(), "dead", g.dead, "bool", bool(g))
print("join ->", g.join())
print("done: started", g.started, "ready", g.ready(), "dead", g.dead, "bool", bool(g),
      "successful", g.successful(), "value", g.value, "exception", g.exception)
print("get ->", g.get())
g.start()
print("start again is ignored, value", g.value)

# subclass with _run
class Worker(Greenlet):
    def __init__(self, n):
        Greenlet.__init__(self)
        self.n = n
    def _run(self):
        gevent.sleep(0.01)
        return "worker %d" % self.n
    def __str__(self):
        return "Worker(%d)" % self.n
w = Worker(3)
w.start()
print("subclass:", w.get(), str(w))

# Greenlet.spawn, start_later
g = Greenlet.spawn(work, 2)
print("Greenlet.spawn ->", g.get(), type(g).__name__)
order = []
a = Greenlet(order.append, "later")
a.start_later(0.02)
b = Greenlet(order.append, "sooner")
b.start_later(0.01)
gevent.joinall([a, b])
print("start_later order", order)
w2 = Worker.spawn(4)
print("subclass spawn", w2.get())

# get(block=False), get(timeout=)
g = gevent.spawn(work, 3, 0.05)
try:
    g.get(block=False)
except gevent.Timeout as e:
    print("get(block=False):", type(e).__name__, repr(str(e)))
try:
    g.get(timeout=0.01)
except gevent.Timeout as e:
    print("get(timeout=0.01):", type(e).__name__, str(e))
print("join(timeout) ->", g.join(timeout=0.01), g.ready())
print("get ->", g.get())

# exceptions
def fail(x):
    gevent.sleep(0.01)
    raise ValueError("bad %s" % x)
g = gevent.spawn(fail, 1)
g.join()
print("failed: ready", g.ready(), "successful", g.successful(), "value", g.value, "exception", repr(g.exception))
try:
    g.get()
except ValueError as e:
    print("get re-raises", repr(e))

# links
def show(name):
    def cb(gr):
        print("link", name, "value", gr.value, "exception", repr(gr.exception))
    return cb
g = gevent.spawn(work, 4)
g.link(show("any"))
g.link_value(show("value"))
g.link_exception(show("exception"))
cb = show("unlinked")
g.link(cb)
g.unlink(cb)
g.join()
gevent.sleep(0)
g = gevent.spawn(fail, 2)
g.link(show("any"))
g.link_value(show("value"))
g.link_exception(show("exception"))
g.join()
gevent.sleep(0)
# linking to an already dead greenlet still calls back
g.link(show("late"))
gevent.sleep(0)
# a greenlet is not a callable link
try:
    gevent.spawn(work, 5).link(gevent.spawn(work, 6))
except TypeError as e:
    print("TypeError:", noaddr(str(e)))
# kill
def sleeper():
    try:
        gevent.sleep(10)
    finally:
        print("sleeper cleanup")
g = gevent.spawn(sleeper)
gevent.sleep(0)
g.kill()
print("killed: dead", g.dead, "successful", g.successful(), "value", g.value, "exception", repr(g.exception))
g = gevent.spawn(sleeper)
gevent.sleep(0)
g.kill(block=False)
print("kill(block=False): dead", g.dead)
gevent.sleep(0)
print("after a sleep: dead", g.dead)

class Stop(Exception):
    pass
def catcher():
    try:
        gevent.sleep(10)
    except Stop as e:
        print("catcher got Stop", e)
        return "stopped"
g = gevent.spawn(catcher)
gevent.sleep(0)
g.kill(Stop("now"))
print("kill(Stop) value", g.value, "exception", g.exception)
g = gevent.spawn(catcher)
gevent.sleep(0)
g.kill(exception=Stop)
print("kill(exception=Stop) value", g.value)
g = gevent.spawn(sleeper)
gevent.sleep(0)
g.kill(timeout=0.01)
print("kill(timeout=) dead", g.dead)
def stubborn():
    while True:
        try:
            gevent.sleep(10)
        except gevent.GreenletExit:
            print("stubborn ignores GreenletExit")
g = gevent.spawn(stubborn)
gevent.sleep(0)
g.kill(timeout=0.01)
print("stubborn dead", g.dead)
g.kill(gevent.Timeout)

# names, str, repr
g = Greenlet(work, 7)
print("name", g.name)
g.name = "custom"
print("renamed", g.name)
a, b = Greenlet(), Greenlet()
print("numbered when first asked:", b.name, a.name, b.minimal_ident)
print(noaddr(str(Greenlet(work, 1, delay=2))))
print(noaddr(repr(Greenlet(work, 1, delay=2))))
print(noaddr(str(Greenlet())))
print(noaddr(repr(Greenlet(print))))
def named():
    pass
g = gevent.spawn(named)
print(noaddr(repr(g)))
g.join()
print(noaddr(repr(g)))
print(noaddr(repr(w)))

# an exception killing a spawned greenlet is reported on stderr
g = gevent.spawn(fail, 9)
gevent.sleep(0.02)
print("reported, exception", repr(g.exception))
g = gevent.spawn(work, "x", 0.01)
try:
    g.get()
except TypeError:
    pass
print("value after", repr(g.value))
import greenlet
print("Greenlet is a greenlet:", isinstance(g, greenlet.greenlet), Greenlet.__mro__[1] is greenlet.greenlet)
print(Greenlet, gevent.Timeout)
