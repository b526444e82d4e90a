# gevent.pool: a Group of greenlets, and a Pool that limits how many run at once.
from gevent import Greenlet, iwait, Timeout, getcurrent
from gevent.lock import Semaphore, DummySemaphore
import _gevent


class Group:
    greenlet_class = Greenlet

    def __init__(self, *args):
        self.greenlets = set()
        self._order = []
        if args:
            for g in args[0]:
                self.add(g)

    def __len__(self):
        return len(self._order)

    def __contains__(self, item):
        return item in self._order

    def __iter__(self):
        return iter(list(self._order))

    def add(self, greenlet):
        greenlet.rawlink(self._discard)
        self._order.append(greenlet)

    def _discard(self, greenlet):
        if greenlet in self._order:
            self._order.remove(greenlet)

    def discard(self, greenlet):
        self._discard(greenlet)
        greenlet.unlink(self._discard)

    def start(self, greenlet):
        self.add(greenlet)
        greenlet.start()

    def spawn(self, *args, **kwargs):
        greenlet = self.greenlet_class(*args, **kwargs)
        self.start(greenlet)
        return greenlet

    def join(self, timeout=None, raise_error=False):
        for g in list(self._order):
            g.join(timeout)
            if raise_error and g.exception is not None:
                raise g.exception
        return not self._order

    def kill(self, exception=None, block=True, timeout=None):
        from greenlet import GreenletExit
        for g in list(self._order):
            g.kill(exception or GreenletExit, block=False)
        if block:
            for g in list(self._order):
                g.join(timeout)

    def killone(self, greenlet, exception=None, block=True, timeout=None):
        from greenlet import GreenletExit
        greenlet.kill(exception or GreenletExit, block=block, timeout=timeout)

    def apply(self, func, args=None, kwds=None):
        return self.spawn(func, *(args or ()), **(kwds or {})).get()

    def apply_async(self, func, args=None, kwds=None, callback=None):
        g = self.spawn(func, *(args or ()), **(kwds or {}))
        if callback is not None:
            g.link_value(lambda g: callback(g.value))
        return g

    def map(self, func, iterable):
        greenlets = [self.spawn(func, item) for item in iterable]
        results = []
        for g in greenlets:
            results.append(g.get())
        return results

    def imap(self, func, *iterables):
        greenlets = [self.spawn(func, *args) for args in zip(*iterables)]
        for g in greenlets:
            yield g.get()

    def imap_unordered(self, func, *iterables):
        greenlets = [self.spawn(func, *args) for args in zip(*iterables)]
        for g in iwait(greenlets):
            yield g.get()

    def map_async(self, func, iterable, callback=None):
        return Greenlet.spawn(self.map, func, iterable)

    def full(self):
        return False

    def free_count(self):
        return 1

    def wait_available(self, timeout=None):
        pass


class Pool(Group):
    def __init__(self, size=None, greenlet_class=None):
        if size is not None and size < 0:
            raise ValueError('size must not be negative: %r' % (size,))
        Group.__init__(self)
        self.size = size
        if greenlet_class is not None:
            self.greenlet_class = greenlet_class
        self._semaphore = DummySemaphore() if size is None else Semaphore(size)

    def full(self):
        return self.free_count() <= 0

    def free_count(self):
        if self.size is None:
            return 1
        return max(0, self.size - len(self))

    def wait_available(self, timeout=None):
        # gevent: wait for the semaphore, returning its counter
        return self._semaphore.wait(timeout=timeout)

    def add(self, greenlet):
        self._semaphore.acquire()
        try:
            Group.add(self, greenlet)
        except:
            self._semaphore.release()
            raise

    def _discard(self, greenlet):
        if greenlet in self._order:
            Group._discard(self, greenlet)
            self._semaphore.release()
