# gevent.select: select.select that yields to the hub while it waits.
import select as _select_module

error = OSError


def select(rlist, wlist, xlist, timeout=None):
    return _select_module._select(rlist, wlist, xlist, timeout, True)
