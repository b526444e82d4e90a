# gevent.event: Event and AsyncResult, waking waiters in the order they waited.
import _gevent
from _gevent import getcurrent
from gevent import Timeout, _Waiter, _NONE


class Event:
    __module__ = 'gevent._gevent_cevent'
    def __init__(self):
        self._flag = False
        self._waiters = []

    def is_set(self):
        return self._flag

    isSet = is_set
    ready = is_set

    def set(self):
        self._flag = True
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            waiter.switch(True)

    def clear(self):
        self._flag = False

    def _wait(self, timeout):
        if self._flag:
            return True
        waiter = _Waiter()
        self._waiters.append(waiter)
        try:
            waiter.wait(timeout, "event")
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
        return self._flag

    def wait(self, timeout=None):
        return self._wait(timeout)

    def rawlink(self, callback):
        class _Link:
            def switch(_, value):
                callback(self)
        self._waiters.append(_Link())

    def __repr__(self):
        return '<%s %s _links[%d]>' % (type(self).__name__, 'set' if self._flag else 'clear', len(self._waiters))


class AsyncResult(Event):
    __module__ = 'gevent._gevent_cevent'
    def __init__(self):
        Event.__init__(self)
        self.value = None
        self._exception = _NONE

    @property
    def exception(self):
        if self._exception is _NONE:
            return None
        return self._exception

    def ready(self):
        return self._exception is not _NONE

    def successful(self):
        return self._exception is None

    def set(self, value=None):
        self.value = value
        self._exception = None
        Event.set(self)

    def set_exception(self, exception, exc_info=None):
        self._exception = exception
        Event.set(self)

    def get(self, block=True, timeout=None):
        if not self.ready():
            if not block:
                raise Timeout()
            self._wait(timeout)
            if not self.ready():
                raise Timeout(timeout)
        if self._exception is not None:
            raise self._exception
        return self.value

    def get_nowait(self):
        return self.get(block=False)

    def wait(self, timeout=None):
        self._wait(timeout)
        return self.value

    def __call__(self, source):
        if source.successful():
            self.set(source.value)
        else:
            self.set_exception(source.exception)
