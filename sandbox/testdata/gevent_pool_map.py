# gevent.pool's mapping methods as gevent 22.10 runs them: map() in a greenlet of its own (a
# failure is reported for the worker and for that greenlet), imap() starting its workers at once,
# apply() inside the group, apply_async callbacks, PoolFull, Group's repr, kill and killone.
import gevent
from gevent.pool import Pool, Group, PoolFull


def noaddr(s):
    # hide "0x7f..." addresses (they follow a space here), which differ from run to run
    return " ".join("0x..." + w.lstrip("0x123456789abcdef") if w.startswith("0x") else w for w in s.split(" "))


def f(x):
    gevent.sleep(0.1 * x)
    print("  f", x)
    if x == 2:
        raise ValueError("bad %d" % x)
    return x * 10


p = Pool(2)
try:
    print(p.map(f, range(4)))
except ValueError as e:
    print("map raised", e, "len", len(p))
gevent.sleep(1)
g = Group()
try:
    print(g.map(f, [1, 2, 3]))
except ValueError as e:
    print("group map raised", e)
gevent.sleep(1)

# imap starts its workers when it is made, before anyone iterates
it = p.imap(f, [3, 1])
print("imap made:", type(it).__name__, len(p))
gevent.sleep(0.5)
print("after sleeping:", list(it))
print("imap_unordered:", list(p.imap_unordered(f, [3, 1, 0])))
try:
    for r in p.imap(f, [1, 2, 3]):
        print("  imap gave", r)
except ValueError as e:
    print("imap raised", e)
gevent.sleep(1)
print("imap maxsize:", list(p.imap(f, [1, 0, 1], maxsize=1)))
print("imap two iterables:", list(p.imap(lambda a, b: a + b, [1, 2], [10, 20, 30])))
try:
    p.imap(f, [1], bogus=1)
except TypeError as e:
    print("TypeError", e)

r = p.map_async(f, [1, 3], callback=lambda res: print("  map callback", res))
print("map_async:", type(r).__name__, r.get())
print("apply:", p.apply(f, (1,)), p.apply(divmod, (7, 2)), p.apply(int, ("ff",), {"base": 16}))
r = p.apply_async(f, (1,), callback=lambda v: print("  apply callback", v))
print("apply_async:", r.get())
gevent.sleep(0)


def inside():
    # apply() from a greenlet of the group runs right here
    return p.apply(lambda: gevent.getcurrent() is me)


me = None


def runner():
    global me
    me = gevent.getcurrent()
    return inside()


print("apply inside the pool:", p.spawn(runner).get())

# a full pool: add() waits, or refuses
p = Pool(1)
p.spawn(gevent.sleep, 0.2)
print("full:", p.full(), p.free_count())
try:
    p.add(gevent.Greenlet(f, 0), blocking=False)
except PoolFull as e:
    print("PoolFull", repr(e), PoolFull.__mro__[1].__name__)
try:
    p.add(gevent.Greenlet(f, 0), timeout=0.05)
except PoolFull:
    print("PoolFull after the timeout")
r = p.apply_async(f, (0,))
print("apply_async on a full pool:", r in p, r.get())
p.join()

# Group: repr, membership, join, kill, killone
g = Group()
print(noaddr(repr(g)), len(g), bool(g))
a = g.spawn(gevent.sleep, 1)
print(noaddr(repr(g)), a in g, list(g) == [a])
b = g.spawn(gevent.sleep, 1)
g.killone(a)
print("killone:", a.dead, len(g))
print("join with timeout:", g.join(timeout=0.1))
g.kill()
print("kill:", b.dead, len(g), g.join())
g = Group([gevent.spawn(f, 0)])
print("from a list:", len(g))
g.join()
print("joined:", len(g))
g.spawn(f, 2)
try:
    g.join(raise_error=True)
except ValueError as e:
    print("join raise_error:", e)
