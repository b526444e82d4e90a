# gevent.pool (Pool, Group) and gevent.lock (Semaphore, BoundedSemaphore, RLock): results, order, limits, errors.
import gevent
from gevent.pool import Pool, Group
from gevent.lock import Semaphore, BoundedSemaphore, RLock

def work(x):
    gevent.sleep(0.01 * (x % 3))
    print("  work", x)
    return x * x

# Pool limits concurrency; spawn blocks while full
p = Pool(2)
print("size", p.size, "free", p.free_count(), "full", p.full(), "len", len(p))
gs = [p.spawn(work, i) for i in range(4)]
print("after spawning: free", p.free_count(), "full", p.full(), "len", len(p))
p.join()
print("joined: free", p.free_count(), "len", len(p), [g.value for g in gs])

# map keeps order; imap keeps order; imap_unordered yields as finished
print("map", p.map(work, [2, 1, 0]))
print("imap", list(p.imap(work, [2, 1, 0])))
print("imap_unordered", list(p.imap_unordered(work, [2, 1, 0])))
print("apply", p.apply(work, (3,)), p.apply(divmod, (7, 2)))
print("apply kwargs", p.apply(int, ("ff",), {"base": 16}))
print("map_async", p.map_async(work, [1]).get())
print("apply_async", p.apply_async(work, (2,)).get())

# Group: no limit
g = Group()
a = g.spawn(work, 1)
b = g.spawn(work, 2)
print("group len", len(g), a in g)
g.join()
print("group after join len", len(g))
print("group map", g.map(work, [4, 5]))

# adding and discarding
g = Group()
x = gevent.spawn(work, 6)
g.add(x)
print("added", len(g), x in g)
g.join()
g.discard(x)
print("after discard", len(g))

# kill
def sleeper(n):
    try:
        gevent.sleep(10)
    finally:
        print("  sleeper", n, "cleanup")
p = Pool(3)
for i in range(3):
    p.spawn(sleeper, i)
gevent.sleep(0)
p.kill()
print("killed, len", len(p), "free", p.free_count())

# join timeout, raise_error
p = Pool()
p.spawn(gevent.sleep, 1)
print("join timeout ->", p.join(timeout=0.01))
p.kill()
def fail():
    gevent.sleep(0.01)
    raise ValueError("in pool")
p = Pool()
p.spawn(fail)
try:
    p.join(raise_error=True)
except ValueError as e:
    print("raise_error:", e)

# wait_available and errors
p = Pool(1)
p.spawn(gevent.sleep, 1.0)  # far longer than the timeout: CPython's clock is real
print("wait_available ->", p.wait_available(timeout=0.001), "free", p.free_count())
p.wait_available()
print("available again, free", p.free_count())
try:
    Pool(0)
except ValueError as e:
    print("ValueError:", e)

# Semaphore
sem = Semaphore(2)
print("counter", sem.counter, "locked", sem.locked())
def user(name):
    with sem:
        print("  in", name, "counter", sem.counter)
        gevent.sleep(0.01)
    print("  out", name)
gevent.joinall([gevent.spawn(user, n) for n in "abcd"])
print("acquire", sem.acquire(), sem.acquire(), "nonblocking", sem.acquire(blocking=False), "locked", sem.locked())
print("acquire timeout", sem.acquire(timeout=0.01))
sem.release()
sem.release()
print("counter", sem.counter)
print("release returns", sem.release(), "counter", sem.counter)

s0 = Semaphore(0)
def releaser():
    gevent.sleep(0.01)
    s0.release()
gevent.spawn(releaser)
print("waited for release:", s0.acquire(), s0.counter)
print("wait ->", Semaphore(1).wait(), Semaphore(0).wait(timeout=0.01))
try:
    Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)

# BoundedSemaphore
bs = BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
print("bounded counter", bs.counter)

# RLock
lock = RLock()
with lock:
    with lock:
        print("reentered, locked:", lock.locked() if hasattr(lock, "locked") else "n/a")
print("acquire", lock.acquire(), lock.acquire(), "release", lock.release(), lock.release())
def other():
    got = lock.acquire(blocking=False)
    print("  other tries:", got)
    if got:
        lock.release()
lock.acquire()
gevent.spawn(other).join()
lock.release()
gevent.spawn(other).join()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", str(e).split(" Owner")[0])
def holder():
    with lock:
        print("  holder has it")
        gevent.sleep(1.0)  # far longer than main's timeout: CPython's clock is real
    print("  holder released")
h = gevent.spawn(holder)
gevent.sleep(0)
print("main waits", lock.acquire(timeout=0.001))
with lock:
    print("main got it")
h.join()
