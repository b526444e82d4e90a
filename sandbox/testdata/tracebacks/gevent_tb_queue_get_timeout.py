# Queue.get(timeout=...) that times out
from gevent.queue import Queue
q = Queue()
q.get(timeout=0.01)
