# gevent.pool: a Group of greenlets, and a Pool that limits how many run at once.
# The mapping methods behave as gevent 22.10's: map() runs in a greenlet of
# its own (so a failure is reported for the worker and again for that
# greenlet), imap() and imap_unordered() return a greenlet that starts the
# workers at once and hands out their results in order or as they finish.
from gevent import Greenlet, Timeout, getcurrent, joinall
from gevent.event import Event
from gevent.lock import Semaphore, DummySemaphore
from gevent.queue import Full, UnboundQueue


class _Failure:
    # what an imap queue holds for a worker that failed (or for its end);
    # a failed greenlet re-raises its exception as gevent does
    def __init__(self, exc, raise_exception=None):
        self.exc = exc
        self.raise_exception = raise_exception


class IMapUnordered(Greenlet):
    __module__ = 'gevent._gevent_c_imap'

    def __init__(self, func, iterable, spawn, maxsize=None, _zipped=False):
        Greenlet.__init__(self)
        self.spawn = spawn
        self._zipped = _zipped
        self.func = func
        self.iterable = iterable
        self.queue = UnboundQueue()
        self._result_semaphore = Semaphore(maxsize) if maxsize else None
        self._outstanding_tasks = 0
        self._max_index = -1
        self.finished = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._result_semaphore is not None:
            self._result_semaphore.release()
        value = self._inext()
        if isinstance(value, _Failure):
            if value.raise_exception is not None:
                value.raise_exception()
            raise value.exc
        return value

    def _inext(self):
        return self.queue.get()

    def _run(self):
        try:
            for item in self.iterable:
                self._max_index += 1
                if self._result_semaphore is not None:
                    self._result_semaphore.acquire()
                self._outstanding_tasks += 1
                g = self.spawn(self.func, *item) if self._zipped else self.spawn(self.func, item)
                g._imap_task_index = self._max_index
                g.rawlink(self._on_result)
            self._on_finish(None)
        except BaseException as e:
            self._on_finish(e)
            raise
        finally:
            self.spawn = self.func = self.iterable = None
            self._result_semaphore = None

    def _on_result(self, greenlet):
        self._outstanding_tasks -= 1
        last = self.ready() and self._outstanding_tasks <= 0 and not self.finished
        if last:
            self.finished = True
        if greenlet.successful():
            self.queue.put(self._entry(greenlet._imap_task_index, greenlet.value))
        else:
            self.queue.put(self._entry(greenlet._imap_task_index, _Failure(greenlet.exception, greenlet._raise_exception)))
        if last:
            self.queue.put(self._entry(self._max_index + 1, _Failure(StopIteration())))

    def _on_finish(self, exception):
        if self.finished:
            return
        if exception is not None:
            self.finished = True
            self.queue.put(self._entry(self._max_index + 1, _Failure(exception)))
        elif self._outstanding_tasks <= 0:
            self.finished = True
            self.queue.put(self._entry(self._max_index + 1, _Failure(StopIteration())))

    def _entry(self, index, value):
        return value


class IMap(IMapUnordered):
    __module__ = 'gevent._gevent_c_imap'

    def __init__(self, *args, **kwargs):
        self._results = {}
        self.index = 0
        IMapUnordered.__init__(self, *args, **kwargs)

    def _inext(self):
        # results that came early wait in _results until their turn
        if self.index in self._results:
            value = self._results.pop(self.index)
        else:
            while True:
                index, value = self.queue.get()
                if index == self.index:
                    break
                self._results[index] = value
        self.index += 1
        return value

    def _entry(self, index, value):
        return (index, value)


class GroupMappingMixin:
    def apply_cb(self, func, args=None, kwds=None, callback=None):
        result = self.apply(func, args, kwds)
        if callback is not None:
            self._apply_async_cb_spawn(callback, result)
        return result

    def apply_async(self, func, args=None, kwds=None, callback=None):
        if args is None:
            args = ()
        if kwds is None:
            kwds = {}
        if self._apply_async_use_greenlet():
            # spawn() would wait for room: a greenlet of its own does that
            return Greenlet.spawn(self.apply_cb, func, args, kwds, callback)
        greenlet = self.spawn(func, *args, **kwds)
        if callback is not None:
            greenlet.link(_PassValue(callback))
        return greenlet

    def apply(self, func, args=None, kwds=None):
        if args is None:
            args = ()
        if kwds is None:
            kwds = {}
        if self._apply_immediately():
            return func(*args, **kwds)
        return self.spawn(func, *args, **kwds).get()

    def __map(self, func, iterable):
        return [g.get() for g in [self.spawn(func, i) for i in iterable]]

    def map(self, func, iterable):
        return Greenlet.spawn(self.__map, func, iterable).get()

    def map_cb(self, func, iterable, callback=None):
        result = self.map(func, iterable)
        if callback is not None:
            callback(result)
        return result

    def map_async(self, func, iterable, callback=None):
        return Greenlet.spawn(self.map_cb, func, iterable, callback)

    def __imap(self, cls, func, *iterables, **kwargs):
        maxsize = kwargs.pop('maxsize', None)
        if kwargs:
            raise TypeError("Unsupported keyword arguments")
        return cls.spawn(func, zip(*iterables), spawn=self.spawn, _zipped=True, maxsize=maxsize)

    def imap(self, func, *iterables, **kwargs):
        return self.__imap(IMap, func, *iterables, **kwargs)

    def imap_unordered(self, func, *iterables, **kwargs):
        return self.__imap(IMapUnordered, func, *iterables, **kwargs)


class Group(GroupMappingMixin):
    greenlet_class = Greenlet

    def __init__(self, *args):
        if len(args) > 1:
            raise AssertionError(args)
        self.greenlets = set(*args)
        if args:
            for greenlet in args[0]:
                greenlet.rawlink(self._discard)
        self.dying = set()
        self._empty_event = Event()
        self._empty_event.set()

    def __repr__(self):
        return '<%s at %s %s>' % (type(self).__name__, hex(id(self)), self.greenlets)

    def __len__(self):
        return len(self.greenlets)

    def __contains__(self, item):
        return item in self.greenlets

    def __iter__(self):
        return iter(self.greenlets)

    def add(self, greenlet):
        rawlink = getattr(greenlet, 'rawlink', None)
        if rawlink is not None:
            rawlink(self._discard)
        self.greenlets.add(greenlet)
        self._empty_event.clear()

    def _discard(self, greenlet):
        self.greenlets.discard(greenlet)
        self.dying.discard(greenlet)
        if not self.greenlets:
            self._empty_event.set()

    def discard(self, greenlet):
        self._discard(greenlet)
        unlink = getattr(greenlet, 'unlink', None)
        if unlink is not None:
            unlink(self._discard)

    def start(self, greenlet):
        self.add(greenlet)
        greenlet.start()

    def spawn(self, *args, **kwargs):
        greenlet = self.greenlet_class(*args, **kwargs)
        self.start(greenlet)
        return greenlet

    def join(self, timeout=None, raise_error=False):
        # waits until the group is empty once; raise_error looks at the
        # greenlets that were in it when join was called
        greenlets = list(self.greenlets) if raise_error else ()
        result = self._empty_event.wait(timeout=timeout)
        for greenlet in greenlets:
            if greenlet.exception is not None:
                if hasattr(greenlet, '_raise_exception'):
                    greenlet._raise_exception()
                raise greenlet.exception
        return result

    def kill(self, exception=None, block=True, timeout=None):
        from greenlet import GreenletExit
        if exception is None:
            exception = GreenletExit
        timer = Timeout.start_new(timeout) if timeout is not None else None
        try:
            while self.greenlets:
                for greenlet in list(self.greenlets):
                    if greenlet in self.dying:
                        continue
                    greenlet.kill(exception, block=False)
                    self.dying.add(greenlet)
                if not block:
                    break
                joinall(self.greenlets)
        except Timeout as ex:
            if ex is not timer:
                raise
        finally:
            if timer is not None:
                timer.cancel()

    def killone(self, greenlet, exception=None, block=True, timeout=None):
        from greenlet import GreenletExit
        if exception is None:
            exception = GreenletExit
        if greenlet not in self.dying and greenlet in self.greenlets:
            greenlet.kill(exception, block=False)
            self.dying.add(greenlet)
            if block:
                greenlet.join(timeout)

    def full(self):
        return False

    def wait_available(self, timeout=None):
        pass

    def _apply_immediately(self):
        # apply() from one of the group's own greenlets runs the function there
        return getcurrent() in self

    def _apply_async_cb_spawn(self, callback, result):
        Greenlet.spawn(callback, result)

    def _apply_async_use_greenlet(self):
        return self.full()


class PoolFull(Full):
    __module__ = 'gevent.pool'


class Pool(Group):
    def __init__(self, size=None, greenlet_class=None):
        if size is not None and size < 0:
            raise ValueError('size must not be negative: %r' % (size,))
        Group.__init__(self)
        self.size = size
        if greenlet_class is not None:
            self.greenlet_class = greenlet_class
        self._semaphore = DummySemaphore() if size is None else Semaphore(size)

    def wait_available(self, timeout=None):
        # gevent: wait for the semaphore, returning its counter
        return self._semaphore.wait(timeout=timeout)

    def full(self):
        return self.free_count() <= 0

    def free_count(self):
        if self.size is None:
            return 1
        return max(0, self.size - len(self))

    def start(self, greenlet, *args, **kwargs):
        self.add(greenlet, *args, **kwargs)
        greenlet.start()

    def add(self, greenlet, blocking=True, timeout=None):
        if not self._semaphore.acquire(blocking=blocking, timeout=timeout):
            raise PoolFull()
        try:
            Group.add(self, greenlet)
        except:
            self._semaphore.release()
            raise

    def _discard(self, greenlet):
        Group._discard(self, greenlet)
        self._semaphore.release()


class _PassValue:
    # apply_async's callback link: called with the value, only on success
    def __init__(self, callback):
        self.callback = callback

    def __call__(self, source):
        if source.successful():
            self.callback(source.value)

    def __repr__(self):
        return repr(self.callback)
