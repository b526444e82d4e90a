# threading: threads as greenlets on the run's hub.
# A thread runs until it waits (sleep, a lock, an event, a queue, I/O), and
# then the others run, as under CPython's GIL when a thread blocks. A thread
# that computes without waiting is preempted after a fixed number of
# instructions (CPython switches every 5 ms), the main thread included.
# After monkey.patch_thread() threads are plain greenlets: never preempted.
import _gevent
from _gevent import getcurrent
from greenlet import greenlet

_counter = 0
_by_greenlet = {}
_ident = 139800000000000


def _next_ident():
    global _ident
    _ident += 4096
    return _ident


class _Waiter:
    def __init__(self):
        self.greenlet = None
        self.woken = False

    def wake(self):
        self.woken = True
        if self.greenlet is not None:
            _gevent.schedule(self.greenlet, None)
            self.greenlet = None

    def wait(self, timeout=None, reason="lock"):
        timer = None
        if timeout is not None:
            timer = _gevent.timer(timeout, getcurrent(), "timeout")
        try:
            while not self.woken:
                self.greenlet = getcurrent()
                if _gevent.wait(reason) == "timeout":
                    break
        finally:
            self.greenlet = None
            if timer is not None:
                timer.cancel()
        return self.woken


class Lock:
    def __init__(self):
        self._locked = False
        self._waiters = []

    def acquire(self, blocking=True, timeout=-1):
        while self._locked:
            if not blocking:
                return False
            w = _Waiter()
            self._waiters.append(w)
            try:
                if not w.wait(None if timeout is None or timeout < 0 else timeout):
                    return False
            finally:
                if w in self._waiters:
                    self._waiters.remove(w)
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        if self._waiters:
            self._waiters.pop(0).wake()

    def locked(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return '<%s %s object at %s>' % ('locked' if self._locked else 'unlocked', '_thread.lock', hex(id(self)))


allocate_lock = Lock


class RLock:
    def __init__(self):
        self._block = Lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if self._block.acquire(blocking, timeout):
            self._owner, self._count = me, 1
            return True
        return False

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()


class Condition:
    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        w = _Waiter()
        self._waiters.append(w)
        self._lock.release()
        try:
            return w.wait(timeout, "lock")
        finally:
            if w in self._waiters:
                self._waiters.remove(w)
            self._lock.acquire()

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            if not self.wait(timeout) and timeout is not None:
                return predicate()
            result = predicate()
        return result

    def notify(self, n=1):
        for w in self._waiters[:n]:
            self._waiters.remove(w)
            w.wake()

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if not self._cond.wait(timeout) and timeout is not None:
                    return False
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, *args):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        Semaphore.release(self, n)


class Event:
    def __init__(self):
        self._flag = False
        self._waiters = []

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True
        waiters, self._waiters = self._waiters, []
        for w in waiters:
            w.wake()

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        w = _Waiter()
        self._waiters.append(w)
        try:
            w.wait(timeout, "event")
        finally:
            if w in self._waiters:
                self._waiters.remove(w)
        return self._flag


class local:
    def __init__(self):
        object.__setattr__(self, '_data', {})

    def __getattr__(self, name):
        d = object.__getattribute__(self, '_data').get(get_ident(), {})
        if name in d:
            return d[name]
        raise AttributeError("'_thread._local' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        object.__getattribute__(self, '_data').setdefault(get_ident(), {})[name] = value


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        global _counter
        if name is None:
            _counter += 1
            name = "Thread-%d" % _counter
            if target is not None and getattr(target, '__name__', None):
                name += " (%s)" % target.__name__
        self._target = target
        self._name = str(name)
        self._args = args
        self._kwargs = kwargs or {}
        self._daemonic = bool(daemon) if daemon is not None else current_thread().daemon
        self._ident = None
        self._started = Event()
        self._done = Event()
        self._greenlet = None

    def start(self):
        if self._started.is_set() or self._greenlet is not None:
            raise RuntimeError("threads can only be started once")
        self._greenlet = greenlet(self._bootstrap, _gevent.get_hub())
        _gevent.trace_spawn(self._greenlet, self._name, "thread")
        _gevent.thread_greenlet(self._greenlet)
        _by_greenlet[id(self._greenlet)] = self
        _gevent.thread_started()
        _gevent.schedule(self._greenlet)
        self._started.wait()

    def _bootstrap(self):
        self._ident = _next_ident()
        self._started.set()
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as exc:
            _gevent.write_stderr("Exception in thread %s:\n" % self._name)
            _gevent.print_exception(exc)
        finally:
            _gevent.thread_finished()
            self._done.set()
            del _by_greenlet[id(self._greenlet)]

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        self._done.wait(timeout)

    def is_alive(self):
        return self._started.is_set() and not self._done.is_set()

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    native_id = ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, value):
        self._daemonic = bool(value)

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, value):
        self._daemonic = bool(value)

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._done.is_set():
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = _next_ident()


class _DummyThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="Dummy-%d" % (_counter + 1), daemon=True)
        self._started.set()
        self._ident = _next_ident()


_main = _MainThread()
_main_greenlet = getcurrent()


def main_thread():
    return _main


def current_thread():
    g = getcurrent()
    t = _by_greenlet.get(id(g))
    if t is not None:
        return t
    if g is _main_greenlet:
        return _main
    return _main


currentThread = current_thread


def get_ident():
    return current_thread().ident


get_native_id = get_ident


def active_count():
    return 1 + len(_by_greenlet)


activeCount = active_count


def enumerate():
    return [_main] + list(_by_greenlet.values())


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def _shutdown():
    # as CPython does when the main thread ends: wait for the non-daemon threads
    for t in list(_by_greenlet.values()):
        if not t.daemon and t.is_alive():
            t.join()


TIMEOUT_MAX = 9223372036.0


def settrace(func):
    pass


def setprofile(func):
    pass


def stack_size(size=0):
    return 0
