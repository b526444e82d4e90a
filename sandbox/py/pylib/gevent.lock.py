# gevent.lock: semaphores and a reentrant lock for greenlets.
import _gevent
from _gevent import getcurrent
from gevent import _Waiter


class Semaphore:
    __module__ = 'gevent._gevent_c_semaphore'
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self.counter = value
        self._waiters = []

    def locked(self):
        return self.counter <= 0

    def ready(self):
        return self.counter > 0

    def release(self):
        self.counter += 1
        # wake the first acquirer, and the wait()ers before it
        while self._waiters:
            waiter = self._waiters.pop(0)
            waiter.switch(None)
            if not getattr(waiter, 'only_wait', False):
                break
        return self.counter

    def acquire(self, blocking=True, timeout=None):
        while self.counter <= 0:
            if not blocking:
                return False
            if not self._wait_in_line(_Waiter(), timeout):
                return False
        self.counter -= 1
        return True

    def wait(self, timeout=None):
        # gevent: wait until the semaphore can be acquired, without acquiring
        if self.counter > 0:
            return self.counter
        waiter = _Waiter()
        waiter.only_wait = True
        self._wait_in_line(waiter, timeout)
        return self.counter

    def _wait_in_line(self, waiter, timeout):
        # queued while it waits, whatever wakes it (a release, a timeout, a kill)
        self._waiters.append(waiter)
        try:
            return waiter.wait(timeout, "lock")
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    def __enter__(self):
        self.acquire()

    def __exit__(self, t, v, tb):
        self.release()

    def __repr__(self):
        return '<%s at %s counter=%s _links[%s]>' % (type(self).__name__, hex(id(self)), self.counter, len(self._waiters))


class BoundedSemaphore(Semaphore):
    __module__ = 'gevent._gevent_c_semaphore'
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self):
        if self.counter >= self._initial_value:
            raise ValueError("Semaphore released too many times")
        return Semaphore.release(self)


class DummySemaphore:
    def wait(self, timeout=None):
        return 1

    def acquire(self, *args, **kwargs):
        return True

    def release(self):
        pass

    def __enter__(self):
        pass

    def __exit__(self, *args):
        pass


class RLock:
    def __init__(self):
        self._block = Semaphore(1)
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=None):
        me = getcurrent()
        if self._owner is me:
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    def release(self):
        if self._owner is not getcurrent():
            raise RuntimeError("cannot release un-acquired lock. Owner: %r Current: %r" % (self._owner, getcurrent()))
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()


Lock = Semaphore
