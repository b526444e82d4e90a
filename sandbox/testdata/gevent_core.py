# gevent core: spawn, spawn_later, joinall options, sleep ties, kill/killall, wait, with_timeout, Timeout, get_hub.
import gevent
from gevent import Timeout

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

def worker(name, delay):
    print("start", name)
    gevent.sleep(delay)
    print("end", name)
    return name

# ties: equal sleeps wake in the order they started
gs = [gevent.spawn(worker, n, 0.05) for n in "abcd"]
gevent.joinall(gs)
print([g.value for g in gs])

# sleep(0) yields to everyone ready, in order
def spinner(name):
    for i in range(3):
        print(name, i)
        gevent.sleep(0)
gevent.joinall([gevent.spawn(spinner, "x"), gevent.spawn(spinner, "y")])
gevent.joinall([gevent.spawn(spinner, "p"), gevent.spawn(spinner, "q")])

# sleep() without arguments also yields
def noarg(name):
    print(name, "before")
    gevent.sleep()
    print(name, "after")
gevent.joinall([gevent.spawn(noarg, "n1"), gevent.spawn(noarg, "n2")])

# spawn_later and spawn ordering
later = gevent.spawn_later(0.02, worker, "later", 0)
soon = gevent.spawn(worker, "soon", 0)
gevent.joinall([later, soon])
print("spawn_later value", later.value)

# ties with timers set at different times but the same deadline order
a = gevent.spawn_later(0.03, print, "later A")
b = gevent.spawn_later(0.03, print, "later B")
c = gevent.spawn_later(0.01, print, "later C")
gevent.joinall([a, b, c])

# joinall timeout returns the finished ones
gs = [gevent.spawn(worker, "fast", 0.01), gevent.spawn(worker, "slow", 0.5)]
done = gevent.joinall(gs, timeout=0.1)
print("done", [g.value for g in done], "slow ready", gs[1].ready())
gs[1].kill()
print("killed slow: dead", gs[1].dead, "exception", repr(gs[1].exception))

# joinall count
gs = [gevent.spawn(worker, n, d) for n, d in (("c1", 0.03), ("c2", 0.01), ("c3", 0.02))]
done = gevent.joinall(gs, count=2)
print("count=2 done", [g.value for g in done])
gevent.joinall(gs)

# joinall raise_error
def fail(msg):
    gevent.sleep(0.01)
    raise ValueError(msg)
gs = [gevent.spawn(fail, "bad"), gevent.spawn(worker, "ok", 0.02)]
try:
    gevent.joinall(gs, raise_error=True)
except ValueError as e:
    print("raise_error ValueError", e)
gevent.joinall(gs)
print("without raise_error:", len(gevent.joinall([gevent.spawn(fail, "quiet")])))

# kill with a custom exception, killall
def sleeper(name):
    try:
        gevent.sleep(10)
    except KeyError as e:
        print(name, "got KeyError", e)
        raise
    finally:
        print(name, "finally")
g = gevent.spawn(sleeper, "k1")
gevent.sleep(0)
gevent.kill(g, KeyError("stop"))
print("k1 exception", repr(g.exception))
gs = [gevent.spawn(sleeper, "ka%d" % i) for i in range(3)]
gevent.sleep(0)
gevent.killall(gs)
print("killall", [type(g.exception).__name__ for g in gs], [g.dead for g in gs])
gs = [gevent.spawn(sleeper, "kb%d" % i) for i in range(2)]
gevent.sleep(0)
gevent.killall(gs, exception=KeyError)
print("killall KeyError", [repr(g.exception) for g in gs])
# killing a greenlet that never started: it does not run
g = gevent.spawn(print, "never printed")
gevent.kill(g)
print("unstarted kill: dead", g.dead, "value", g.value, repr(g.exception))

# getcurrent
main = gevent.getcurrent()
def who():
    return gevent.getcurrent()
g = gevent.spawn(who)
g.join()
print("getcurrent is the Greenlet:", g.value is g, "main is greenlet:", type(main).__name__)

# wait
gs = [gevent.spawn(worker, "w%d" % i, 0.01 * (3 - i)) for i in range(3)]
ready = gevent.wait(gs, count=1)
print("wait count=1:", [g.value for g in ready])
ready = gevent.wait(gs)
print("wait all:", sorted(g.value for g in ready))
gevent.spawn(worker, "bg", 0.01)
print("wait() with no args:", gevent.wait())
print("wait timeout:", gevent.wait([gevent.spawn(gevent.sleep, 1)], timeout=0.01))

# with_timeout
print("with_timeout ok", gevent.with_timeout(0.1, worker, "wt", 0.01))
try:
    gevent.with_timeout(0.01, worker, "wt2", 1)
except Timeout as e:
    print("Timeout raised:", str(e), type(e).__name__)
print("timeout_value", gevent.with_timeout(0.01, worker, "wt3", 1, timeout_value="default"))

# Timeout as a context manager
try:
    with Timeout(0.01):
        gevent.sleep(1)
except Timeout as e:
    print("ctx Timeout:", e)
with Timeout(0.01, False):
    gevent.sleep(1)
    print("not printed")
print("silent timeout passed")
with Timeout(0.5) as t:
    gevent.sleep(0.01)
    print("pending inside", t.pending)
print("pending after", t.pending)

class MyErr(Exception):
    pass
try:
    with Timeout(0.01, MyErr("custom")):
        gevent.sleep(1)
except MyErr as e:
    print("custom exception:", e)
try:
    with Timeout(0.01, MyErr):
        gevent.sleep(1)
except MyErr as e:
    print("custom class:", repr(e))

# start / cancel / pending / start_new
t = Timeout(0.02)
print("pending before start", t.pending)
t.start()
print("pending after start", t.pending)
try:
    gevent.sleep(1)
except Timeout as e:
    print("caught", e is t, str(e))
print("pending after firing", t.pending)
t = Timeout(0.01)
t.start()
t.cancel()
gevent.sleep(0.02)
print("cancelled: pending", t.pending)
t = Timeout.start_new(0.01)
try:
    gevent.sleep(1)
except Timeout as e:
    print("start_new caught", e is t)
t.close()
t = Timeout.start_new(0.01, MyErr)
try:
    gevent.sleep(1)
except MyErr as e:
    print("start_new custom", repr(e))

# str / repr
print(str(Timeout(1)))
print(str(Timeout(2.5)))
print(str(Timeout(None)))
print(str(Timeout(1, False)))
print(str(Timeout(1, MyErr)))
print(str(Timeout(1, MyErr("x"))))
print(noaddr(repr(Timeout(1))))
print(noaddr(repr(Timeout(1, False))))
print(noaddr(repr(Timeout(1, MyErr))))
print(noaddr(repr(Timeout())))
print("Timeout bases:", [c.__name__ for c in Timeout.__mro__])

# Timeout(None) never fires
with Timeout(None):
    gevent.sleep(0.01)
print("None timeout ok")

# nested timeouts: the inner fires first
try:
    with Timeout(0.05, MyErr("outer")):
        try:
            with Timeout(0.01):
                gevent.sleep(1)
        except Timeout:
            print("inner fired")
        gevent.sleep(1)
except MyErr as e:
    print("outer fired", e)

# get_hub
hub = gevent.get_hub()
print("hub type", type(hub).__name__, hub is gevent.get_hub(), "hub parent", hub.parent is not None)
print("main greenlet parent is hub:", gevent.getcurrent().parent is None)

# a fired Timeout can be started again; starting a pending one is an error
t = Timeout(0.01)
for i in range(2):
    t.start()
    try:
        gevent.sleep(1)
    except Timeout as e:
        print("round", i, "fired", e is t)
t.start()
try:
    t.start()
except AssertionError as e:
    print("AssertionError:", noaddr(str(e)))
t.cancel()
try:
    with Timeout(0.01, "a message"):
        gevent.sleep(1)
except Timeout as e:
    print("str exception:", str(e))
print("sleep returns", gevent.sleep(0), gevent.sleep(0.01))
