# Queue.get() that can never get an item: LoopExit
import gevent
from gevent.queue import Queue
q = Queue()
q.get()
