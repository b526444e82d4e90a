# gevent.spawn, which the engine makes in Go: arguments, keyword arguments,
# run given by keyword, a run that is not callable, subclasses, and
# Greenlet being an immutable type as in gevent.
import gevent


def noaddr(x):
    # hide the address in a repr, which differs from run to run
    s = str(x)
    i = s.find(" at 0x") + 4
    return s[:i] + "0x..." + s[s.find(":", i):]


def f(a, b=2):
    gevent.sleep(0)
    return a + b


g1 = gevent.spawn(f, 1)
g2 = gevent.spawn(f, 1, b=5)
g3 = gevent.spawn(run=lambda: 7)
print(g1.args, g1.kwargs, g2.args, g2.kwargs, noaddr(g1), noaddr(g2))
print(g1.started, bool(g1), g1.ready(), g1.dead)
gevent.joinall([g1, g2, g3])
print(g1.value, g2.value, g3.value, g1.kwargs, g1.args, g1.ready(), g1.successful())
try:
    gevent.spawn(5)
except TypeError as e:
    print("TypeError:", e)
g = gevent.spawn()  # run defaults to _run, which returns None
g.join()
print("no run:", g.value, g.successful())


class Worker(gevent.Greenlet):
    def _run(self):
        return "worker ran"


w = Worker.spawn()
w.join()
print(w.value)
Worker.start = lambda self: print("a subclass may change")
Worker().start()
for name in ("start", "__init__", "anything"):
    try:
        setattr(gevent.Greenlet, name, None)
    except TypeError as e:
        print("TypeError:", e)
try:
    del gevent.Greenlet.start
except TypeError as e:
    print("TypeError:", e)
print(gevent.spawn(f, 3).get())
