# AsyncResult.get() that nothing will ever set: LoopExit
from gevent.event import AsyncResult
a = AsyncResult()
a.get()
