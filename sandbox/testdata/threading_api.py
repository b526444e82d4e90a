# threading: Thread, current_thread, Lock, RLock, Event, Condition, Semaphore, Timer, local, active_count, and queue with threads.
import threading
import queue
import time

log = []
def worker(n, delay, out=None):
    time.sleep(delay)
    log.append(n)
    if out is not None:
        out.append(threading.current_thread().name)

t1 = threading.Thread(target=worker, args=(1, 0.4), name="first")
t2 = threading.Thread(target=worker, args=(2, 0.2), kwargs={"out": []}, daemon=True)
print(t1.name, t1.daemon, t2.daemon, t1.is_alive(), t1.ident is None)
t1.start(); t2.start()
print(t1.is_alive(), type(t1.ident).__name__, threading.active_count())
t1.join(); t2.join()
print(log, t1.is_alive(), threading.active_count(), threading.current_thread().name)
print(threading.main_thread() is threading.current_thread(), isinstance(threading.get_ident(), int))
try:
    t1.start()
except RuntimeError as e:
    print("RuntimeError:", e)

# Lock and RLock
lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(blocking=False), lock.acquire(timeout=0.05))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
rl = threading.RLock()
with rl:
    with rl:
        print("re-entered")
counter = 0
def add():
    global counter
    for _ in range(1000):
        with lock:
            counter += 1
ts = [threading.Thread(target=add) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("counter", counter)

# Event and Condition
ev = threading.Event()
def setter():
    time.sleep(0.1)
    ev.set()
threading.Thread(target=setter).start()
print(ev.is_set(), ev.wait(1), ev.is_set(), ev.wait(0))
ev.clear()
print(ev.wait(0.05))
cond = threading.Condition()
items = []
def consumer():
    with cond:
        while not items:
            cond.wait()
        print("consumed", items.pop())
c = threading.Thread(target=consumer)
c.start()
time.sleep(0.05)
with cond:
    items.append("x")
    cond.notify()
c.join()
with cond:
    print(cond.wait(timeout=0.05))

# Semaphore, Timer, local
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release(); sem.release()
bs = threading.BoundedSemaphore(1)
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
fired = []
tm = threading.Timer(0.1, lambda: fired.append("timer"))
tm.start(); tm.join()
tm2 = threading.Timer(0.1, lambda: fired.append("cancelled"))
tm2.start(); tm2.cancel(); tm2.join()
print(fired)
data = threading.local()
data.x = "main"
def show():
    data.x = "thread"
    log.append(data.x)
th = threading.Thread(target=show); th.start(); th.join()
print(data.x, log[-1], hasattr(threading.local(), "x"))

# queue with threads
q = queue.Queue(maxsize=2)
results = []
def producer():
    for i in range(5):
        q.put(i)
    q.put(None)
def drain():
    while True:
        item = q.get()
        if item is None:
            break
        results.append(item * 10)
        q.task_done()
p = threading.Thread(target=producer); d = threading.Thread(target=drain)
p.start(); d.start(); p.join(); d.join()
print(results, q.empty(), q.qsize())
try:
    queue.Queue().get(timeout=0.05)
except queue.Empty:
    print("Empty")
fq = queue.Queue(1); fq.put(1)
try:
    fq.put(2, block=False)
except queue.Full:
    print("Full")
lq = queue.LifoQueue(); pq = queue.PriorityQueue()
for v in (3, 1, 2):
    lq.put(v); pq.put(v)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
