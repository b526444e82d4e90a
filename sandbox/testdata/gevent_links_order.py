# links in depth: rawlink/link/link_value/link_exception order over many greenlets, links that
# spawn or add links, an AsyncResult as a link, unlink inside a link, greenlets joining greenlets
import gevent
from gevent.event import Event, AsyncResult
from gevent.queue import Queue

log = []
def worker(n):
    gevent.sleep(0.01 * (n % 3))
    if n == 4:
        raise KeyError(n)
    return n * n

gs = [gevent.spawn(worker, i) for i in range(6)]
for g in gs:
    g.rawlink(lambda g: log.append(("raw", g.value)))
    g.link(lambda g: log.append(("link", g.value, type(g.exception).__name__)))
    g.link_value(lambda g: log.append(("value", g.value)))
    g.link_exception(lambda g: log.append(("exc", repr(g.exception))))
gevent.joinall(gs)
gevent.sleep(0)
for item in log:
    print(item)

# a link that spawns more work, and a link added from inside a link
q = Queue()
def producer():
    return "made"
def on_done(g):
    q.put(g.value)
    gevent.spawn(lambda: q.put("spawned from link"))
    g.rawlink(lambda g: q.put("added inside a link"))
p = gevent.spawn(producer)
p.rawlink(on_done)
p.join()
gevent.sleep(0.1)
while not q.empty():
    print(q.get())

# an AsyncResult as a link, an Event set by a link
r = AsyncResult()
e = Event()
g = gevent.spawn(lambda: 42)
g.link(r)
g.rawlink(lambda g: e.set())
print(r.get(), e.wait(1))

# unlink inside a callback removes a later link
g = gevent.spawn(lambda: 1)
later = lambda g: print("later ran")
g.rawlink(lambda g: g.unlink(later))
g.rawlink(later)
g.join()
gevent.sleep(0)
print("unlinked later")

# many greenlets, each joined by another greenlet
def joiner(t):
    t.join()
    return t.value + 1
targets = [gevent.spawn(worker, i) for i in (0, 1, 2, 3, 5)]
joiners = [gevent.spawn(joiner, t) for t in targets]
gevent.joinall(joiners)
print([j.value for j in joiners])
