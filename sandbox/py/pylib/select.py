# select: select.select over the virtual sockets. Unpatched it blocks the
# whole program while it waits; gevent.select (and select after
# monkey.patch_all) yields to the hub instead.
import _net

error = OSError
POLLIN = 1
POLLOUT = 4


def _handle(obj):
    if hasattr(obj, '_h'):
        return obj._h
    if hasattr(obj, '_sock'):
        return obj._sock._h
    raise TypeError('argument must be an int, or have a fileno() method.')


def _select(rlist, wlist, xlist, timeout, cooperative):
    if timeout is not None:
        if not isinstance(timeout, (int, float)):
            raise TypeError('timeout must be a float or None')
        if timeout < 0:
            raise ValueError('timeout must be non-negative')
    rlist, wlist, xlist = list(rlist), list(wlist), list(xlist)
    rh = [_handle(o) for o in rlist]
    wh = [_handle(o) for o in wlist]
    for o in xlist:
        _handle(o)
    deadline = None if timeout is None else _net.now() + int(timeout * 1e9)
    while True:
        ready_r = [o for o, h in zip(rlist, rh) if _net.readable(h)]
        ready_w = [o for o, h in zip(wlist, wh) if _net.writable(h)]
        if ready_r or ready_w or timeout == 0:
            return ready_r, ready_w, []
        if deadline is not None and _net.now() >= deadline:
            return [], [], []
        token = _net.waitset()
        try:
            _net.wait_any(token, rh, wh, deadline, not cooperative)
        finally:
            _net.cancel(token)


def select(rlist, wlist, xlist, timeout=None):
    return _select(rlist, wlist, xlist, timeout, False)
