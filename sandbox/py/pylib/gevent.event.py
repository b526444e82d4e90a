# gevent.event: Event and AsyncResult, waking waiters in the order they waited.
import _gevent
import _tblib
from _gevent import getcurrent, get_hub
from greenlet import greenlet
from gevent import Timeout, _Waiter, _NONE


class Event:
    __module__ = 'gevent._gevent_cevent'
    def __init__(self):
        self._flag = False
        # links, notified in order and dropped at set(): waiters of wait(),
        # callables of rawlink()
        self._links = []

    def is_set(self):
        return self._flag

    isSet = is_set
    ready = is_set

    def set(self):
        self._flag = True
        self._notify(list(self._links))

    def _notify(self, links):
        for link in links:
            # gevent pops each link it notifies (a rawlink is called once)
            if link in self._links:
                self._links.remove(link)
            if isinstance(link, _Waiter):
                link.switch(True)
            elif isinstance(getattr(link, '__self__', None), _Waiter):
                # a waiter's switch only schedules its greenlet
                link(self)
            else:
                # gevent calls links from the hub, after set() returned
                _gevent.schedule(greenlet(lambda link=link: link(self), get_hub()))

    def clear(self):
        self._flag = False

    def _wait(self, timeout):
        if self._flag:
            return True
        waiter = _Waiter()
        self._links.append(waiter)
        try:
            woken = waiter.wait(timeout, "event")
        finally:
            if waiter in self._links:
                self._links.remove(waiter)
        # like gevent: True when set() woke us, even if cleared since
        return woken

    def wait(self, timeout=None):
        return self._wait(timeout)

    def rawlink(self, callback):
        if not callable(callback):
            raise TypeError('Expected callable: %r' % (callback,))
        self._links.append(callback)
        if self.ready():
            self._notify([callback])

    def unlink(self, callback):
        if callback in self._links:
            self._links.remove(callback)

    # gevent gives events a str() but keeps the default repr()
    def __str__(self):
        return '<%s %s _links[%d]>' % (type(self).__name__, 'set' if self._flag else 'clear', len(self._links))


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
        if exc_info:
            self._exc_info = (exc_info[0], exc_info[1], _tblib.dump(exc_info[2]))
        else:
            self._exc_info = (type(exception), exception, None)
        Event.set(self)

    @property
    def exc_info(self):
        if self._exception is _NONE or self._exception is None:
            return ()
        return self._exc_info

    def get(self, block=True, timeout=None):
        # "# tb:" names a line for the tracebacks CPython prints (see libframes.go)
        if not self.ready():
            if not block:
                raise Timeout()
            self._wait(timeout)
            if not self.ready():
                raise Timeout(timeout)
            if self._exception is not None:
                self._raise_exception()  # tb: ar-get-waited
            return self.value
        if self._exception is not None:
            self._raise_exception()  # tb: ar-get-ready
        return self.value

    def _raise_exception(self):
        # as gevent: with the traceback it kept at set_exception
        tb = self._exc_info[2]
        if tb is not None and tb is not self._exception.__traceback__:
            raise self._exception.with_traceback(tb)  # tb: ar-reraise-tb
        raise self._exception  # tb: ar-reraise

    def get_nowait(self):
        return self.get(block=False)

    def __str__(self):
        # as gevent's: there, only set_exception() sets the exception, so a
        # result set with a value still says 'unset'
        exc = _NONE if self._exception is None else self._exception
        result = '<%s ' % (type(self).__name__,)
        if self.value is not None or exc is not _NONE:
            result += 'value=%r ' % (self.value,)
        if exc is not _NONE:
            result += 'exception=%r ' % (exc,)
        else:
            result += 'unset '
        return result + ' _links[%d]>' % len(self._links)

    def wait(self, timeout=None):
        self._wait(timeout)
        return self.value

    def __call__(self, source):
        if source.successful():
            self.set(source.value)
        else:
            self.set_exception(source.exception, getattr(source, 'exc_info', None))
