# gevent.monkey: make the standard library cooperative. In the sandbox,
# patching replaces time.sleep with gevent.sleep (and, as the network and
# threads arrive, socket and threading) in this program's modules.
import sys

_patched = {}


def is_module_patched(name):
    return name in _patched


def is_object_patched(module, name):
    return module in _patched


def patch_time():
    import time
    import gevent
    if 'time' not in _patched:
        _patched['time'] = time.sleep
        time.sleep = gevent.sleep


def patch_socket(dns=True, aggressive=True):
    _patched['socket'] = True
    try:
        import socket
        import _gevent_net
        _gevent_net.patch(socket)
    except ImportError:
        pass


def patch_thread(threading=True, _threading_local=True, Event=True, logging=True, existing_locks=True):
    _patched['threading'] = True
    _patched['thread'] = True
    import _gevent
    _gevent.threads_patched()
    try:
        import _gevent_threads
        _gevent_threads.patch()
    except ImportError:
        pass


def patch_select(aggressive=True):
    _patched['select'] = True


def patch_ssl():
    _patched['ssl'] = True


def patch_os():
    _patched['os'] = True


def patch_queue():
    _patched['queue'] = True


def patch_signal():
    _patched['signal'] = True


def patch_all(socket=True, dns=True, time=True, select=True, thread=True, os=True, ssl=True,
              subprocess=True, sys=False, aggressive=True, Event=True, builtins=True, signal=True,
              queue=True, contextvars=True, **kwargs):
    if os:
        patch_os()
    if time:
        patch_time()
    if thread:
        patch_thread()
    if sys:
        pass
    if socket:
        patch_socket()
    if select:
        patch_select()
    if ssl:
        patch_ssl()
    if signal:
        patch_signal()
    if queue:
        patch_queue()
    return True
