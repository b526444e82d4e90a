# Queue.get_nowait() on an empty queue
from gevent.queue import Queue, Empty
q = Queue()
try:
    q.get(timeout=0.02)
except Empty:
    print("empty")
q.get_nowait()
