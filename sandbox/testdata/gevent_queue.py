# gevent.queue: Queue, JoinableQueue, PriorityQueue, LifoQueue, Channel, Empty/Full with and without timeouts.
import gevent
from gevent.queue import Queue, JoinableQueue, PriorityQueue, LifoQueue, Channel, Empty, Full

q = Queue()
print("empty", q.empty(), "qsize", q.qsize(), "full", q.full(), "maxsize", q.maxsize, "len", len(q))
for i in range(3):
    q.put(i)
print("qsize", q.qsize(), "peek", q.peek(), "get", q.get(), q.get_nowait(), q.get(block=False))
try:
    q.get_nowait()
except Empty as e:
    print("Empty:", type(e).__name__, repr(str(e)))
try:
    q.get(timeout=0.01)
except Empty:
    print("Empty after timeout")
try:
    q.peek(block=False)
except Empty:
    print("peek Empty")

# bounded
q = Queue(2)
q.put("a")
q.put_nowait("b")
print("full", q.full(), "qsize", q.qsize())
try:
    q.put_nowait("c")
except Full as e:
    print("Full:", type(e).__name__, repr(str(e)))
try:
    q.put("c", timeout=0.01)
except Full:
    print("Full after timeout")
try:
    q.put("c", block=False)
except Full:
    print("Full non-blocking")

# producers wait for room, consumers for items; ties in start order
def producer(name, n):
    for i in range(n):
        q.put("%s%d" % (name, i))
        print("put", name, i)
    print("producer", name, "done")
def consumer(name, n):
    for i in range(n):
        item = q.get()
        print(name, "got", item)
        gevent.sleep(0.01)
q = Queue(1)
gevent.joinall([gevent.spawn(producer, "p", 3), gevent.spawn(consumer, "c1", 2), gevent.spawn(consumer, "c2", 1)])

# several getters waiting: served in the order they waited
q = Queue()
def getter(name):
    print(name, "got", q.get())
gs = [gevent.spawn(getter, n) for n in ("g1", "g2", "g3")]
gevent.sleep(0)
for i in range(3):
    q.put(i)
gevent.joinall(gs)

# iteration with StopIteration
q = Queue()
for x in (1, 2, StopIteration):
    q.put(x)
print("iterated", list(q))

# JoinableQueue
jq = JoinableQueue()
def worker(name):
    while True:
        item = jq.get()
        gevent.sleep(0.01)
        print(name, "did", item)
        jq.task_done()
ws = [gevent.spawn(worker, "w%d" % i) for i in range(2)]
for item in range(5):
    jq.put(item)
print("unfinished", jq.unfinished_tasks)
jq.join()
print("all done, unfinished", jq.unfinished_tasks)
gevent.killall(ws)
try:
    jq.task_done()
except ValueError as e:
    print("ValueError:", e)
print("join with timeout:", JoinableQueue().join(timeout=0.01))
jq2 = JoinableQueue()
jq2.put(1)
print("join timeout pending:", jq2.join(timeout=0.01))

# PriorityQueue
pq = PriorityQueue()
for x in (5, 1, 4, 2, 3):
    pq.put(x)
print("priority", [pq.get() for _ in range(5)])
pq.put((2, "b"))
pq.put((1, "a"))
pq.put((2, "a"))
print("tuples", [pq.get() for _ in range(3)])

# LifoQueue
lq = LifoQueue()
for x in "abc":
    lq.put(x)
print("lifo", [lq.get() for _ in range(3)], "peek empty", lq.empty())

# Channel: put waits for a getter
ch = Channel()
def chan_getter():
    for i in range(2):
        print("channel got", ch.get())
print("channel size", ch.qsize(), "empty", ch.empty(), "full", ch.full())
g = gevent.spawn(chan_getter)
for i in range(2):
    ch.put("m%d" % i)
    print("channel put done", i)
g.join()
try:
    ch.put("x", timeout=0.01)
except Full:
    print("channel Full without a getter")
try:
    ch.get(timeout=0.01)
except Empty:
    print("channel Empty without a putter")

# putter blocked on a full queue is woken by get
q = Queue(1)
q.put(0)
def blocked_putter():
    print("putter waits")
    q.put(1)
    print("putter put")
g = gevent.spawn(blocked_putter)
gevent.sleep(0.01)
print("get ->", q.get())
gevent.sleep(0)
print("get ->", q.get())
g.join()
# channel: several putters and getters pair up in order
ch = Channel()
def cput(name, item):
    print(name, "putting", item)
    ch.put(item)
    print(name, "put", item, "returned")
def cget(name):
    print(name, "waiting")
    print(name, "got", ch.get())
gs = [gevent.spawn(cput, "P1", "x"), gevent.spawn(cput, "P2", "x"), gevent.spawn(cget, "G1"), gevent.spawn(cget, "G2")]
gevent.joinall(gs)
gs = [gevent.spawn(cget, "G3"), gevent.spawn(cput, "P3", 1), gevent.spawn(cput, "P4", 2), gevent.spawn(cget, "G4")]
gevent.joinall(gs)
print("balance", ch.balance)
try:
    ch.put_nowait(1)
except Full:
    print("channel put_nowait: Full")
try:
    Channel(2)
except ValueError as e:
    print("ValueError:", e)
print("Queue(maxsize=0) is unbounded", Queue(0).maxsize, Queue(None).maxsize)
print(Empty.__mro__[1].__name__, Full.__mro__[1].__name__)
