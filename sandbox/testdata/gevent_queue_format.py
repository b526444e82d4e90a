# How gevent's queues, events and results print (repr and str), where queue.Empty comes from,
# and the traceback of an Empty nobody catches.
import queue
import gevent
from gevent.queue import Queue, JoinableQueue, PriorityQueue, LifoQueue, Channel, Empty, Full
from gevent.event import Event, AsyncResult


def noaddr(s):
    # hide "0x7f..." addresses (they follow a space here), which differ from run to run
    return " ".join("0x..." + w.lstrip("0x123456789abcdef") if w.startswith("0x") else w for w in s.split(" "))


print(Empty, Full, Empty is queue.Empty, Full is queue.Full)
print(Empty.__module__, Full.__module__, Empty.__qualname__)
print(repr(Empty()), Empty.__mro__)
try:
    Queue().get(timeout=0.1)
except Empty as e:
    print("caught", repr(e), type(e))

for q in [Queue(), Queue(3), Queue(0), Queue(-1), JoinableQueue(), Channel(), PriorityQueue(items=[3, 1]), LifoQueue(2)]:
    print(noaddr(repr(q)), str(q), q.maxsize if not isinstance(q, Channel) else "")

q = Queue()
q.put(1)
q.put("a")
print(noaddr(repr(q)), str(q))


def getter():
    for _ in range(3):
        print("  got", q.get())


gevent.spawn(getter)
gevent.sleep(0)
print("a getter waits:", str(q))
q.put(None)

q = Queue(1)
q.put(1)
gevent.spawn(q.put, 2)
gevent.sleep(0)
print("a putter waits:", str(q))

jq = JoinableQueue()
jq.put("job")
print(str(jq))
gevent.spawn(jq.join)
gevent.sleep(0)
print("a joiner waits:", str(jq))
jq.get()
jq.task_done()
print(str(jq))

e = Event()
print(str(e), noaddr(repr(e)))
e.set()
print(str(e))
a = AsyncResult()
print(str(a), noaddr(repr(a)))
a.set(5)
print(str(a))
a = AsyncResult()
a.set_exception(ValueError("x"))
print(str(a))

print("an Empty nobody catches:")
Queue().get(timeout=0.1)
