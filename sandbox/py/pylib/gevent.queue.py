# gevent.queue: queues whose get() and put() make the greenlet wait (not the program).
import _gevent
from _gevent import getcurrent, get_hub
from greenlet import greenlet
from gevent import _Waiter
from queue import Empty, Full
import heapq as _heapq
from collections import deque


class _IterateByGet:
    # iterating gets items until StopIteration is put, as gevent's queues do
    def __iter__(self):
        return self

    def __next__(self):
        result = self.get()
        if result is StopIteration:
            raise result
        return result


class Queue(_IterateByGet):
    __module__ = 'gevent._gevent_cqueue'
    def __init__(self, maxsize=None, items=()):
        if maxsize is not None and maxsize <= 0:
            maxsize = None
        self._maxsize = maxsize
        self.getters = []
        self.putters = []
        self._init(maxsize, items)

    def _init(self, maxsize, items=()):
        self.queue = deque(items)

    def _get(self):
        return self.queue.popleft()

    def _peek(self):
        return self.queue[0]

    def _put(self, item):
        self.queue.append(item)

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self.queue)

    def __len__(self):
        return self.qsize()

    def __bool__(self):
        return True

    def empty(self):
        return not self.qsize()

    def full(self):
        return self._maxsize is not None and self.qsize() >= self._maxsize

    def _wait_for(self, waiters, timeout, reason):
        waiter = _Waiter()
        waiters.append(waiter)
        try:
            return waiter.wait(timeout, reason)
        finally:
            if waiter in waiters:
                waiters.remove(waiter)

    def _wake_one(self, waiters):
        if waiters:
            waiters.pop(0).switch(None)

    def put(self, item, block=True, timeout=None):
        while self.full():
            if not block:
                raise Full
            if not self._wait_for(self.putters, timeout, "queue"):
                raise Full
        self._put(item)
        self._wake_one(self.getters)

    def put_nowait(self, item):
        self.put(item, False)

    def get(self, block=True, timeout=None):
        # "# tb:" names a line for the tracebacks CPython prints (see libframes.go)
        while self.empty():
            if not block:
                raise Empty  # tb: q-get-empty
            if not self._wait_for(self.getters, timeout, "queue"):
                raise Empty  # tb: q-get-timeout
        item = self._get()
        self._wake_one(self.putters)
        return item

    def get_nowait(self):
        return self.get(False)

    def peek(self, block=True, timeout=None):
        while self.empty():
            if not block:
                raise Empty
            if not self._wait_for(self.getters, timeout, "queue"):
                raise Empty
        return self._peek()

    def __repr__(self):
        return '<%s at %s%s>' % (type(self).__name__, hex(id(self)), self._format())

    def __str__(self):
        return '<%s%s>' % (type(self).__name__, self._format())

    def _format(self):
        # what gevent shows: only the parts that are not empty
        parts = []
        if self._maxsize is not None:
            parts.append('maxsize=%r' % (self._maxsize,))
        if self.queue:
            parts.append('queue=%r' % (self.queue,))
        if self.getters:
            parts.append('getters[%s]' % len(self.getters))
        if self.putters:
            parts.append('putters[%s]' % len(self.putters))
        return ''.join(' ' + p for p in parts)


SimpleQueue = Queue


class UnboundQueue(Queue):
    __module__ = 'gevent._gevent_cqueue'
    def __init__(self, maxsize=None, items=()):
        Queue.__init__(self, None, items)


class PriorityQueue(Queue):
    __module__ = 'gevent._gevent_cqueue'
    def _init(self, maxsize, items=()):
        self.queue = list(items)
        _heapq.heapify(self.queue)

    def _put(self, item):
        _heapq.heappush(self.queue, item)

    def _get(self):
        return _heapq.heappop(self.queue)


class LifoQueue(Queue):
    __module__ = 'gevent._gevent_cqueue'
    def _init(self, maxsize, items=()):
        self.queue = list(items)

    def _get(self):
        return self.queue.pop()

    def _peek(self):
        return self.queue[-1]


class JoinableQueue(Queue):
    __module__ = 'gevent._gevent_cqueue'
    def __init__(self, maxsize=None, items=(), unfinished_tasks=None):
        Queue.__init__(self, maxsize, items)
        self.unfinished_tasks = len(self.queue) if unfinished_tasks is None else unfinished_tasks
        self._joiners = []

    def _put(self, item):
        Queue._put(self, item)
        self.unfinished_tasks += 1

    def _format(self):
        result = Queue._format(self)
        if self.unfinished_tasks:
            # gevent waits on an Event here, clear while tasks are unfinished
            result += ' tasks=%s _cond=<Event clear _links[%d]>' % (self.unfinished_tasks, len(self._joiners))
        return result

    def task_done(self):
        if self.unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks -= 1
        if self.unfinished_tasks == 0:
            joiners, self._joiners = self._joiners, []
            for w in joiners:
                w.switch(None)

    def join(self, timeout=None):
        if self.unfinished_tasks == 0:
            return True
        return self._wait_for(self._joiners, timeout, "queue")


class Channel(_IterateByGet):
    # gevent's Channel: put() waits until a getter takes the item; a getter
    # and a putter are paired by a callback of the hub (_unlock), which wakes
    # the getter first, then the putter
    __module__ = 'gevent._gevent_cqueue'

    def __init__(self, maxsize=1):
        if maxsize != 1:
            raise ValueError("Channels have a maxsize of 1")
        self.getters = deque()
        self.putters = deque()
        self._unlock_pending = False

    def __repr__(self):
        return '<%s at %s %s>' % (type(self).__name__, hex(id(self)), self._format())

    def __str__(self):
        return '<%s %s>' % (type(self).__name__, self._format())

    def _format(self):
        result = ''
        if self.getters:
            result += ' getters[%s]' % len(self.getters)
        if self.putters:
            result += ' putters[%s]' % len(self.putters)
        return result

    @property
    def balance(self):
        return len(self.putters) - len(self.getters)

    def qsize(self):
        return 0

    def empty(self):
        return True

    def full(self):
        return True

    def put(self, item, block=True, timeout=None):
        if not block:
            timeout = 0
        waiter = _Waiter()
        entry = (item, waiter)
        self.putters.append(entry)
        try:
            if self.getters:
                self._schedule_unlock()
            if not waiter.wait(timeout, "queue"):
                raise Full
        finally:
            if entry in self.putters:
                self.putters.remove(entry)

    def put_nowait(self, item):
        self.put(item, False)

    def get(self, block=True, timeout=None):
        if not block:
            timeout = 0
        waiter = _Waiter()
        self.getters.append(waiter)
        try:
            if self.putters:
                self._schedule_unlock()
            if not waiter.wait(timeout, "queue"):
                raise Empty
            return waiter.values.popleft()
        finally:
            if waiter in self.getters:
                self.getters.remove(waiter)

    def get_nowait(self):
        return self.get(False)

    def _unlock(self):
        self._unlock_pending = False
        while self.putters and self.getters:
            getter = self.getters.popleft()
            item, putter = self.putters.popleft()
            getter.switch(item)
            putter.switch(putter)

    def _schedule_unlock(self):
        if not self._unlock_pending:
            self._unlock_pending = True
            _gevent.schedule(greenlet(self._unlock, get_hub()))

