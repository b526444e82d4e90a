# gevent: cooperative greenlets on the sandbox's virtual clock.
# Like the real gevent, this is Python on top of greenlet and a hub; the hub
# and its timers are native (_gevent), time is virtual, and the behaviour
# (order of wake-ups, error reports) follows gevent 22.10.
import _gevent
import _tblib
# the class is _greenlet here: gevent.greenlet is the submodule (imported at the end)
from greenlet import greenlet as _greenlet, GreenletExit
from _gevent import getcurrent, get_hub, LoopExit
from collections import deque

__version__ = '22.10.2'


sleep = _gevent.sleep  # sleep(seconds=0, ref=True)


def idle(priority=0):
    _gevent.sleep(0)


class Timeout(BaseException):
    __module__ = 'gevent.timeout'
    def __init__(self, seconds=None, exception=None, ref=True, priority=-1):
        BaseException.__init__(self)
        self.seconds = seconds
        self.exception = exception
        self.timer = None

    @property
    def pending(self):
        return self.timer is not None and self.timer.pending

    def start(self):
        if self.pending:
            raise AssertionError('%r is already started; to restart it, cancel it first' % self)
        if self.seconds is None:
            return
        if self.exception is None or self.exception is False or isinstance(self.exception, str):
            throws = self
        else:
            throws = self.exception
        self.timer = _gevent.timer(self.seconds, getcurrent(), throws, throw=True)

    @classmethod
    def start_new(cls, timeout=None, exception=None, ref=True):
        if isinstance(timeout, Timeout):
            if not timeout.pending:
                timeout.start()
            return timeout
        t = cls(timeout, exception)
        t.start()
        return t

    def cancel(self):
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def close(self):
        self.cancel()

    def __enter__(self):
        if not self.pending:
            self.start()
        return self

    def __exit__(self, typ, value, tb):
        self.cancel()
        if value is self and self.exception is False:
            return True

    def __repr__(self):
        classname = type(self).__name__
        if self.pending:
            pending = ' pending'
        else:
            pending = ''
        if self.exception is None:
            exception = ''
        else:
            exception = ' exception=%r' % (self.exception,)
        return '<%s at %s seconds=%s%s%s>' % (classname, hex(id(self)), self.seconds, exception, pending)

    def __str__(self):
        if self.seconds is None:
            return ''
        suffix = '' if self.seconds == 1 else 's'
        if self.exception is None:
            return '%s second%s' % (self.seconds, suffix)
        if self.exception is False:
            return '%s second%s (silent)' % (self.seconds, suffix)
        return '%s second%s: %s' % (self.seconds, suffix, self.exception)


def with_timeout(seconds, function, *args, **kwds):
    timeout_value = kwds.pop("timeout_value", _NONE)
    timeout = Timeout.start_new(seconds)
    try:
        try:
            return function(*args, **kwds)
        except Timeout as ex:
            if ex is timeout and timeout_value is not _NONE:
                return timeout_value
            raise
    finally:
        timeout.cancel()


class _NoneType:
    def __repr__(self):
        return '<default value>'


_NONE = _NoneType()
_TIMED_OUT = object()


class _Waiter:
    # collects values for one greenlet; it is woken only while it waits here
    def __init__(self):
        self.greenlet = None
        self.values = deque()

    def switch(self, value):
        self.values.append(value)
        if self.greenlet is not None:
            _gevent.schedule(self.greenlet, None)
            self.greenlet = None

    def wait(self, timeout=None, reason="wait"):
        """Waits until a value arrives; False when a timeout (this one, or a
        timer the caller set with _TIMED_OUT) came first."""
        timer = None
        if timeout is not None:
            timer = _gevent.timer(timeout, getcurrent(), _TIMED_OUT)
        try:
            while not self.values:
                self.greenlet = getcurrent()
                woke = _gevent.wait(reason)
                self.greenlet = None
                if woke is _TIMED_OUT:
                    break
        finally:
            self.greenlet = None
            if timer is not None:
                timer.cancel()
        return bool(self.values)


# gevent runs callbacks (a finished greenlet's links) in the hub; the engine
# runs each in a callback runner: an internal greenlet that waits idle
# between callbacks (see runCallback in gevent.go). A callback that tries
# to block gets BlockingSwitchOutError, as in gevent.
def _callback_runner():
    while True:
        function, args = _gevent.next_callback()
        function(*args)
        function = args = None


_gevent.callback_runner(_callback_runner)


def _report_hub_error(context, exc):
    # the hub's report of a failed callback, as gevent's Hub.handle_error
    if isinstance(exc, GreenletExit):
        return
    if isinstance(exc, (KeyboardInterrupt, SystemExit, SystemError)):
        raise exc
    _gevent.print_exception(exc, True)  # as the traceback module prints
    _gevent.write_stderr('%s %r failed with %s\n\n' % (_gevent.timestamp(), context, type(exc).__name__))


class _SpawnedLink:
    # link()'s callbacks run in a greenlet of their own, so they may block
    # (rawlink()'s run in the hub, and may not): the callbacks after it go
    # on when it finishes or first waits. success: only when the greenlet
    # succeeded (True) or failed (False).
    def __init__(self, callback, success=None):
        self.callback = callback
        self.success = success

    def __call__(self, source):
        if self.success is None or source.successful() == self.success:
            _gevent.run_spawned(self.callback, source)  # tb: spawned-link

    def __eq__(self, other):
        return self.callback == getattr(other, 'callback', other)

    def __hash__(self):
        return hash(self.callback)

    def __repr__(self):
        # the hub's error report names the callback
        return repr(self.callback)


def _lane_name(g):
    # the timeline's name for a greenlet: its function, with its arguments if any
    return g._formatinfo()


# how many Greenlets were made: a module global, not a class attribute,
# because changing a class attribute clears the engine's attribute caches
_greenlet_counter = 0


class Greenlet(_greenlet):
    __module__ = 'gevent._gevent_cgreenlet'
    # defaults that most greenlets keep all their life live on the class:
    # an instance stores only what it changes
    value = None
    _exception = _NONE
    _exc_tb = None  # the traceback as gevent pickles it, for re-raising
    _start_timer = None
    _started = False
    _notifier = None
    _formatted = None
    _kill_exc = None
    _deferred_report = None
    _name = None
    _ident = None
    _kwargs = None  # most greenlets have no keyword arguments: no dict until asked

    @property
    def kwargs(self):
        kwargs = self._kwargs
        if kwargs is None:
            kwargs = self._kwargs = {}
        return kwargs

    def __init__(self, run=None, *args, **kwargs):
        _greenlet.__init__(self, None, get_hub())
        if run is not None:
            self._run = run
        if not callable(self._run):
            raise TypeError("The run argument or self._run must be callable")
        self.args = args
        if kwargs:
            self._kwargs = kwargs
        self._links = []

    @property
    def minimal_ident(self):
        # gevent numbers a greenlet when first asked (its hub's IdentRegistry);
        # it also reuses the numbers of greenlets freed since, which the
        # engine cannot tell (no reference counts)
        if self._ident is None:
            global _greenlet_counter
            self._ident = _greenlet_counter
            _greenlet_counter += 1
        return self._ident

    @property
    def name(self):
        if self._name is None:
            self._name = 'Greenlet-%d' % (self.minimal_ident,)
        return self._name

    @name.setter
    def name(self, value):
        self._name = value

    def _run(self):
        return None

    @property
    def exception(self):
        if self._exception is _NONE:
            return None
        return self._exception

    @property
    def started(self):
        # scheduled to start, or running
        return (self._started and not self.dead and not _greenlet.__bool__(self) and self._exception is _NONE) or bool(self)

    def ready(self):
        return self.dead or self._exception is not _NONE

    def successful(self):
        return self._exception is None

    def __bool__(self):
        return self._started and not self.dead and self._exception is _NONE

    def _formatinfo(self):
        func = self._run
        im_self = getattr(func, '__self__', None)
        if type(im_self) is type(_gevent) and im_self.__name__.startswith(('gevent', '_gevent')):
            # gevent's own functions (sleep...) are Python functions in gevent:
            # described by their name, not as bound to a module
            im_self = None
        if im_self is self:
            result = '_run'
        elif im_self is not None:
            result = repr(func)
        else:
            result = getattr(func, '__name__', '') or repr(func)
        args = [repr(x)[:50] for x in self.args]
        args.extend('%s=%s' % (key, repr(value)[:50]) for key, value in (self._kwargs or {}).items())
        if args:
            result += '(' + ', '.join(args) + ')'
        return result

    def __repr__(self):
        # gevent describes a greenlet once, at its first repr
        if self._formatted is None:
            self._formatted = self._formatinfo()
        classname = type(self).__name__
        if self._name is not None:
            # a name given, or made when first asked for, is shown
            return '<%s "%s" at %s: %s>' % (classname, self._name, hex(id(self)), self._formatted)
        return '<%s at %s: %s>' % (classname, hex(id(self)), self._formatted)

    __str__ = __repr__

    def start(self):
        if not self._started and self._start_timer is None and not self.dead:
            self._started = True
            _gevent.trace_spawn(self, _lane_name)
            _gevent.schedule(self)

    def start_later(self, seconds):
        if not self._started and self._start_timer is None:
            self._started = True
            _gevent.trace_spawn(self, _lane_name)
            self._start_timer = _gevent.timer(seconds, self, None)

    @classmethod
    def spawn(cls, *args, **kwargs):
        g = cls(*args, **kwargs)
        g.start()
        return g

    @classmethod
    def spawn_later(cls, seconds, *args, **kwargs):
        g = cls(*args, **kwargs)
        g.start_later(seconds)
        return g

    def run(self):
        # The engine starts a greenlet whose run is this one by calling
        # _run itself, then _finish or _fail (so a waiting greenlet holds no
        # frame of run); run is called only when a program calls it.
        try:
            result = self._run(*self.args, **(self._kwargs or {}))
        except BaseException as e:
            self._fail(e)
            return
        self._finish(result)

    def _finish(self, result):
        try:
            self._report_result(result)
        finally:
            self._clean_up()

    def _fail(self, e):
        try:
            # an exception thrown in by kill() is reported after the clean-up
            self._report_error(e, defer=self._kill_exc is not None)
        finally:
            self._clean_up()

    def _clean_up(self):
        self.__dict__.pop('_run', None)
        self.args = ()
        if self._kwargs:
            self._kwargs.clear()  # as gevent does: the same dict, emptied
        if self._deferred_report is not None:
            exc, self._deferred_report = self._deferred_report, None
            self._print_error(exc)

    def _report_result(self, result):
        self._exception = None
        self.value = result
        self._schedule_links()

    def _report_error(self, exc, defer=False):
        if isinstance(exc, GreenletExit):
            self._report_result(exc)
            return
        self._exception = exc
        self._exc_tb = _tblib.dump(exc)
        self._schedule_links()
        if not isinstance(exc, SystemExit):
            if defer:
                self._deferred_report = exc
            else:
                self._print_error(exc)

    def _print_error(self, exc):
        _gevent.print_exception(exc, True)  # as the traceback module prints
        _gevent.write_stderr('%s %r failed with %s\n\n' % (_gevent.timestamp(), self, type(exc).__name__))

    def _schedule_links(self):
        if self._links and self._notifier is None:
            self._notifier = True
            _gevent.run_callback(Greenlet._notify_links, self)

    def _notify_links(self):
        # as gevent: a link may remove later links or add new ones
        while self._links:
            link = self._links.pop(0)
            try:
                link(self)
            except BaseException as e:
                _report_hub_error((link, self), e)
        self._notifier = None

    def rawlink(self, callback):
        if not callable(callback):
            raise TypeError('Expected callable: %r' % (callback,))
        self._links.append(callback)
        if self.ready():
            self._schedule_links()

    def link(self, callback, SpawnedLink=None):
        if not callable(callback):
            raise TypeError('Expected callable: %r' % (callback,))
        self.rawlink(_SpawnedLink(callback))

    def unlink(self, callback):
        # usually already gone: the links were notified
        if callback in self._links:
            self._links.remove(callback)

    def unlink_all(self):
        del self._links[:]

    def link_value(self, callback, SpawnedLink=None):
        self.rawlink(_SpawnedLink(callback, True))

    def link_exception(self, callback, SpawnedLink=None):
        self.rawlink(_SpawnedLink(callback, False))

    def join(self, timeout=None):
        if self.ready():
            return
        waiter = _Waiter()
        self.rawlink(waiter.switch)
        try:
            waiter.wait(timeout, "join")
        finally:
            self.unlink(waiter.switch)

    def get(self, block=True, timeout=None):
        # "# tb:" names a line for the tracebacks CPython prints (see libframes.go)
        if self.ready():
            if self.successful():
                return self.value
            raise self._reraisable()  # tb: get-ready
        if not block:
            raise Timeout()
        self.join(timeout)  # tb: get-wait
        if self.ready():
            if self.successful():
                return self.value
            raise self._reraisable()  # tb: get-after-wait
        raise Timeout(timeout)

    @property
    def exc_info(self):
        if self._exception is _NONE or self._exception is None:
            return None
        return (type(self._exception), self._exception, self._exc_tb)

    def _reraisable(self):
        # gevent re-raises with the traceback it kept when the greenlet failed
        if self._exc_tb is not None:
            return self._exception.with_traceback(self._exc_tb)
        return self._exception

    def _raise_exception(self):
        raise self._reraisable()

    def kill(self, exception=GreenletExit, block=True, timeout=None):
        if self._start_timer is not None:
            self._start_timer.cancel()
            self._start_timer = None
        if not _greenlet.__bool__(self) and not self.dead:
            # never started: it will not run; it dies with the exception as its outcome
            _gevent.mark_dead(self)
            if self._exception is _NONE:
                if isinstance(exception, type):
                    exception = exception()
                self._report_error(exception)
            return
        if not self.dead:
            self._kill_exc = exception
            _gevent.throw_soon(self, exception)
            if block:
                self.join(timeout)


def spawn(*args, **kwargs):
    g = Greenlet(*args, **kwargs)
    g.start()
    return g


# the same, in Go, while Greenlet keeps its __init__ and start
spawn = _gevent.fast_spawn(Greenlet, spawn, _lane_name)


def spawn_later(seconds, run, *args, **kwargs):
    return Greenlet.spawn_later(seconds, run, *args, **kwargs)


class _RawCallback:
    # the callback gevent switches into a spawn_raw greenlet with, as the
    # hub's error report names it
    def __init__(self, args):
        self.args = args

    def __repr__(self):
        return '<callback at %s args=%r>' % (hex(id(self)), self.args)


def spawn_raw(function, *args, **kwargs):
    # gevent's hub starts the greenlet from a callback and reports its
    # error; here the greenlet's run reports it, as the hub would
    def _raw_run():
        try:
            function(*args, **kwargs)  # tb: raw-run
        except BaseException as e:
            _report_hub_error(_RawCallback(() if kwargs else args), e)
    g = _greenlet(_raw_run, get_hub())
    _gevent.schedule(g)
    return g


def iwait(objects, timeout=None, count=None):
    objects = list(objects)
    if count is None:
        count = len(objects)
    waiter = _Waiter()
    switch = waiter.switch  # one bound method for every link, not one each
    for obj in objects:
        obj.rawlink(switch)
    # one timer for the whole wait: waiter.wait stops when it fires
    timer = None
    if timeout is not None:
        timer = _gevent.timer(timeout, getcurrent(), _TIMED_OUT)
    try:
        for _ in range(count):
            if not waiter.wait(reason="join"):
                return
            yield waiter.values.popleft()
    finally:
        if timer is not None:
            timer.cancel()
        for obj in objects:
            obj.unlink(switch)


def wait(objects=None, timeout=None, count=None):
    if objects is None:
        _gevent.wait_idle()
        return True
    done = []
    for obj in iwait(objects, timeout, count):
        done.append(obj)
    return done


def joinall(greenlets, timeout=None, raise_error=False, count=None):
    # no copy here: iwait makes the one gevent makes
    if not raise_error:
        return wait(greenlets, timeout=timeout, count=count)
    done = []
    for obj in iwait(greenlets, timeout=timeout, count=count):
        if getattr(obj, 'exception', None) is not None:
            if hasattr(obj, '_raise_exception'):
                obj._raise_exception()
            raise obj.exception
        done.append(obj)
    return done


def kill(greenlet, exception=GreenletExit):
    if hasattr(greenlet, 'kill'):
        greenlet.kill(exception=exception, block=False)
    elif not greenlet.dead:
        _gevent.throw_soon(greenlet, exception)


def killall(greenlets, exception=GreenletExit, block=True, timeout=None):
    greenlets = list(greenlets)
    for g in greenlets:
        if not g.dead:
            g.kill(exception, block=False)
    if block:
        for g in greenlets:
            g.join(timeout)


def signal_handler(*args, **kwargs):
    raise NotImplementedError("signals are not available in the sandbox")


def reinit():
    pass


def getswitchinterval():
    return 0.005


def setswitchinterval(interval):
    pass


# import gevent makes these submodules attributes of gevent, as gevent's
# own __init__ does (gevent.hub.get_hub() works without importing gevent.hub)
import gevent.hub
import gevent.greenlet
import gevent.timeout
import gevent.exceptions
