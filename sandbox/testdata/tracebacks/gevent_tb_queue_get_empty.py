# Queue.get(block=False) on an empty queue
from gevent.queue import Queue, Empty
q = Queue()
q.get(block=False)
