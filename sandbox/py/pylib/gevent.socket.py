# gevent.socket: the socket module with cooperative sockets: a call that
# would block switches to the hub, so other greenlets run meanwhile.
import _net
import socket as _stdsocket
from socket import *
from socket import _GLOBAL_DEFAULT_TIMEOUT, error, timeout, gaierror, herror


class socket(_stdsocket.socket):
    _cooperative = True

    def __repr__(self):
        return "<gevent._socket3.socket at %s object, fd=%d, family=%d, type=%d, proto=%d>" % (
            hex(id(self)), self.fileno(), self.family, self.type, self.proto)


SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a, b = _net.socketpair()
    return socket(AF_INET, type, proto, _handle=a), socket(AF_INET, type, proto, _handle=b)


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None):
    host, port = address
    ip = gethostbyname(host)
    sock = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)
    try:
        if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
            sock.settimeout(timeout)
        if source_address:
            sock.bind(source_address)
        sock.connect((ip, port))
        return sock
    except BaseException:
        sock.close()
        raise


def wait_read(fileno, timeout=None):
    raise NotImplementedError("wait_read is not available in the sandbox")
