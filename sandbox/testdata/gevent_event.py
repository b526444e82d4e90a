# gevent.event: Event set/clear/wait/is_set and AsyncResult set/get/set_exception/ready, with timeouts and wake order.
import gevent
from gevent.event import Event, AsyncResult

ev = Event()
print("is_set", ev.is_set(), ev.isSet(), ev.ready())
def waiter(name, timeout=None):
    r = ev.wait(timeout)
    print(name, "woke with", r)
gs = [gevent.spawn(waiter, n) for n in ("w1", "w2", "w3")]
gevent.sleep(0.01)
print("setting")
ev.set()
print("set returned, is_set", ev.is_set())
gevent.joinall(gs)
print("wait on a set event:", ev.wait(), ev.wait(0))
ev.clear()
print("cleared", ev.is_set())
print("wait timeout ->", ev.wait(0.01))
g = gevent.spawn(waiter, "wt", 0.01)
g.join()
# set then clear before the waiter runs: it still wakes with True
g = gevent.spawn(waiter, "wc")
gevent.sleep(0)
ev.set()
ev.clear()
g.join()
print("after set/clear:", ev.is_set())

# rawlink callbacks
ev2 = Event()
ev2.rawlink(lambda e: print("callback, is_set", e.is_set()))
ev2.set()
print("before the callback runs")
gevent.sleep(0)

# AsyncResult
ar = AsyncResult()
print("ready", ar.ready(), "successful", ar.successful(), "value", ar.value, "exception", ar.exception)
def getter(name):
    try:
        print(name, "got", ar.get())
    except Exception as e:
        print(name, "raised", repr(e))
gs = [gevent.spawn(getter, n) for n in ("a1", "a2")]
gevent.sleep(0.01)
ar.set(42)
gevent.joinall(gs)
print("ready", ar.ready(), "successful", ar.successful(), "value", ar.value, "get", ar.get(), "get_nowait", ar.get_nowait())
print("wait ->", ar.wait())

ar = AsyncResult()
try:
    ar.get(block=False)
except gevent.Timeout as e:
    print("get(block=False): Timeout", repr(str(e)))
try:
    ar.get_nowait()
except gevent.Timeout:
    print("get_nowait: Timeout")
try:
    ar.get(timeout=0.01)
except gevent.Timeout as e:
    print("get(timeout=0.01): Timeout", str(e))
print("wait(timeout) ->", ar.wait(0.01))

ar = AsyncResult()
gs = [gevent.spawn(getter, n) for n in ("e1", "e2")]
gevent.sleep(0.01)
ar.set_exception(KeyError("missing"))
gevent.joinall(gs)
print("ready", ar.ready(), "successful", ar.successful(), "exception", repr(ar.exception), "value", ar.value)
try:
    ar.get()
except KeyError as e:
    print("get re-raises", repr(e))
print("exc_info type:", ar.exc_info[0].__name__ if ar.exc_info else None)

# set() without a value, and set twice
ar = AsyncResult()
ar.set()
print("set() value", ar.value, ar.get())
ar.set(2)
print("set again value", ar.get())

# AsyncResult as a link target
def compute():
    gevent.sleep(0.01)
    return "computed"
ar = AsyncResult()
g = gevent.spawn(compute)
g.link(ar)
print("linked result", ar.get())
def broken():
    raise IndexError("no")
ar = AsyncResult()
g = gevent.spawn(broken)
g.link(ar)
try:
    ar.get()
except IndexError as e:
    print("linked exception", repr(e))

# gevent.wait on events and results
e1, e2 = Event(), AsyncResult()
gevent.spawn_later(0.02, e1.set)
gevent.spawn_later(0.01, e2.set, "r")
print("first ready:", [type(x).__name__ for x in gevent.wait([e1, e2], count=1)])
print("all ready:", len(gevent.wait([e1, e2])))
print("Event wait in a greenlet order:")
e3 = Event()
def order(name):
    e3.wait()
    print(" ", name)
gs = [gevent.spawn(order, n) for n in "abc"]
gevent.spawn(print, "  plain greenlet before set")
gevent.sleep(0)
gevent.spawn(print, "  spawned before set")
e3.set()
gevent.spawn(print, "  spawned after set")
gevent.joinall(gs)
gevent.sleep(0)
# a rawlink is called once: set() drops it
e4 = Event()
cb = lambda e: print("  link called, set:", e.is_set())
e4.rawlink(cb)
e4.set(); gevent.sleep(0)
e4.clear(); e4.set(); gevent.sleep(0)
e4.unlink(cb)
e4.clear(); e4.set(); gevent.sleep(0)
print("unlinked: no more calls")
