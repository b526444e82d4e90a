# greenlet: construction, switch values both ways, throw, parent, dead/bool, main greenlet, errors, per-greenlet exc state.
import sys
import greenlet
from greenlet import greenlet as G, getcurrent, GreenletExit

main = getcurrent()
print("main parent:", main.parent)
print("main bool:", bool(main), "dead:", main.dead)
print("main is current:", getcurrent() is main)

# values both ways
def f(*args, **kwargs):
    print("f got", args, kwargs)
    r = main.switch("from f")
    print("f resumed with", r)
    r = main.switch()
    print("f resumed with", repr(r))
    r = main.switch(1, 2)
    print("f resumed with", r)
    r = main.switch(a=1)
    print("f resumed with", r)
    r = main.switch(1, b=2)
    print("f resumed with", r)
    return "f done"

g = G(f)
print("before start: bool", bool(g), "dead", g.dead, "parent is main", g.parent is main)
print("switch ->", g.switch(1, 2, k=3))
print("bool while suspended:", bool(g), "dead", g.dead)
print("switch ->", repr(g.switch()))
print("switch ->", g.switch())
print("switch ->", g.switch(7))
print("switch ->", g.switch(8, 9))
print("switch ->", g.switch(x=1))
print("switch ->", g.switch((1,), {"y": 2}))
print("after end: bool", bool(g), "dead", g.dead)
# switching to a dead greenlet returns to... itself immediately with the args
print("dead switch ->", g.switch("again"))
print("dead switch kw ->", g.switch(z=5))

# run attribute
def r1():
    return "r1"
g = G()
print("run missing:", hasattr(g, "run"))
g.run = r1
print("run set:", g.run is r1)
print("switch ->", g.switch())
try:
    g.run = r1
except AttributeError as e:
    print("AttributeError:", e)

g = G(run=r1)
print("run kw ->", g.switch())

# subclass with run method
class MyG(G):
    def run(self, x):
        return x * 2
print("subclass ->", MyG().switch(21))

# uncaught exception goes to the parent
def boom():
    raise ValueError("boom")
g = G(boom)
try:
    g.switch()
except ValueError as e:
    print("parent got ValueError:", e, "dead", g.dead)

# child parent chain: return value goes to the parent, not the switcher
def child():
    print("child runs, parent is p:", getcurrent().parent is p)
    return "child result"
def pfun():
    c = G(child, parent=getcurrent())
    r = c.switch()
    print("p got", r)
    return "p result"
p = G(pfun)
print("main got", p.switch())

# parent settable
def c2():
    return "to new parent"
def newparent():
    v = main.switch("np paused")
    print("newparent got", v)
    return "np done"
np_ = G(newparent)
print(np_.switch())
c = G(c2)
c.parent = np_
print("parent set:", c.parent is np_)
print("main got", c.switch())

# cyclic parent chain
a = G(lambda: None)
b = G(lambda: None, parent=a)
try:
    a.parent = b
except ValueError as e:
    print("ValueError:", e)
try:
    a.parent = a
except ValueError as e:
    print("ValueError:", e)
try:
    a.parent = 5
except TypeError as e:
    print("TypeError:", e)
try:
    main.parent = a
except AttributeError as e:
    print("AttributeError:", e)

# throw
def catcher():
    try:
        main.switch("waiting")
    except KeyError as e:
        print("catcher caught KeyError", e)
        return "caught"
g = G(catcher)
print(g.switch())
print("throw ->", g.throw(KeyError, "k"))

g = G(catcher)
print(g.switch())
try:
    g.throw(IndexError("idx"))
except IndexError as e:
    print("propagated IndexError", e, "dead", g.dead)

# throw GreenletExit default
def exiting():
    try:
        main.switch()
    except GreenletExit as e:
        print("got GreenletExit", repr(e))
        raise
g = G(exiting)
g.switch()
r = g.throw()
print("throw() result:", repr(r), "dead", g.dead)
print("GreenletExit bases:", GreenletExit.__mro__[1].__name__)

# throw into not-started greenlet
g = G(lambda: print("never"))
try:
    g.throw(ValueError("early"))
except ValueError as e:
    print("not started throw:", e, "dead", g.dead)
r = G(lambda: print("never")).throw()
print("not started GreenletExit:", repr(r))

# GreenletExit returned as value
def ge():
    raise GreenletExit("bye")
g = G(ge)
r = g.switch()
print("GreenletExit result:", type(r).__name__, r)

# greenlet.error
print("error:", greenlet.error.__name__, greenlet.error.__mro__[1].__name__)
try:
    G(lambda: None, parent=5)
except TypeError as e:
    print("TypeError:", e)

# per-greenlet exception state
def other():
    print("other sees exc_info:", sys.exc_info())
    main.switch()
    print("other again:", sys.exc_info())
o = G(other)
try:
    raise KeyError("main's")
except KeyError:
    o.switch()
    print("main still sees:", repr(sys.exc_info()[1]))
    o.switch()
print("after:", sys.exc_info())

def inner_exc():
    try:
        raise ZeroDivisionError("inner")
    except ZeroDivisionError:
        main.switch()
        print("inner still:", repr(sys.exc_info()[1]))
i = G(inner_exc)
i.switch()
print("main sees:", sys.exc_info())
i.switch()

# gr_frame, throw wrong args
try:
    G(lambda: None).throw(1)
except TypeError as e:
    print("TypeError:", e)
print("getcurrent in child:", G(lambda: getcurrent() is not main).switch())
for bad in (int, "x"):
    try:
        G(lambda: None).throw(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    G(lambda: None).throw(KeyError("a"), 1)
except TypeError as e:
    print("TypeError:", e)
print("throw class+value:", repr(G(lambda: main.switch()).throw(KeyError, "v") if False else None))
def waiter():
    try:
        main.switch()
    except KeyError as e:
        return repr(e)
w = G(waiter)
w.switch()
print("throw class+value ->", w.throw(KeyError, "v"))
