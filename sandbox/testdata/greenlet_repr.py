# repr() of greenlets as greenlet 2.0 prints it: type, address, thread state ("otid", none before
# the start) and state words (current/suspended, active, pending/started, main, dead); gevent's hub.
import greenlet
from greenlet import greenlet as G, getcurrent
import gevent

HEX = "0123456789abcdef"


def shape(s):
    # addresses differ from run to run: "0x7f3a..." shows as "0x?" ("0x(nil)" stays)
    parts = s.split("0x")
    return parts[0] + "".join("0x?" + p.lstrip(HEX) if p and p[0] in HEX else "0x" + p for p in parts[1:])


main = getcurrent()
print(shape(repr(main)))
print(shape(str(main)), shape(f"{main}"), shape(format(main, "")))
g = G(lambda: main.switch("paused"))
print("new:", shape(repr(g)))
print(g.switch())
print("suspended:", shape(repr(g)))


def inside():
    print("inside:", shape(repr(getcurrent())))
    print("main seen from inside:", shape(repr(main)))
    print("parent seen from a child:", shape(repr(getcurrent().parent)))


G(inside).switch()
g.switch()
print("finished:", shape(repr(g)))
g = G(lambda: None)
try:
    g.throw(ValueError)
except ValueError:
    print("killed before its start:", shape(repr(g)), g.dead)
print("in a list:", shape(str([G()])))


class Worker(G):
    pass


print("subclass:", shape(repr(Worker(lambda: None))))


class Named(G):
    def __repr__(self):
        return "Named(" + G.__repr__(self).split(" ")[0] + ")"


print("own repr:", repr(Named()), shape(G.__repr__(Named())))
print(type(main), type(main).__name__, type(main).__module__)

# addresses are the same each time a greenlet is shown
a, b = repr(main).split(" ")[3], repr(getcurrent()).split(" ")[3]
print("same address:", a == b)
started = [main, g, getcurrent()]
otids = {repr(x).split("otid=")[1].split(" ")[0] for x in started}
print("one otid for the thread:", len(otids), "0x(nil)" in otids)

# gevent: its Greenlet and its hub print their own way
gl = gevent.spawn(lambda: None)
print(shape(repr(gl)), shape(str(gl)))
print(shape(G.__repr__(gl)))
print(shape(repr(gevent.get_hub()))[:40])
print(type(gevent.get_hub()))
gevent.sleep(0)
print(shape(repr(gl)), gl.dead)
