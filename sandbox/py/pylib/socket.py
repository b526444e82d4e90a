# socket: TCP sockets on the run's virtual network (_net). A plain socket
# blocks its whole program while it waits (the clock moves, nothing else in
# the program runs), as a system call does; a cooperative socket (gevent's,
# or socket.socket after monkey.patch_socket) yields to the hub instead.
import _net
from _net import gaierror

AF_UNSPEC = 0
AF_UNIX = 1
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_RAW = 3
SOL_SOCKET = 1
SO_REUSEADDR = 2
SO_TYPE = 3
SO_ERROR = 4
SO_BROADCAST = 6
SO_SNDBUF = 7
SO_RCVBUF = 8
SO_KEEPALIVE = 9
SO_LINGER = 13
SO_REUSEPORT = 15
IPPROTO_IP = 0
IPPROTO_TCP = 6
IPPROTO_UDP = 17
TCP_NODELAY = 1
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
SOMAXCONN = 4096
INADDR_ANY = 0
MSG_PEEK = 2
AI_PASSIVE = 1

error = OSError
timeout = TimeoutError


def _bytes(data):
    if type(data) is bytes:
        return data
    if isinstance(data, bytearray):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


class herror(OSError):
    pass


_GLOBAL_DEFAULT_TIMEOUT = object()
_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    _default_timeout = _check_timeout(timeout)


def _check_timeout(value):
    if value is None:
        return None
    if not isinstance(value, (int, float)):
        raise TypeError("Timeout value must be int, float or None")
    if value < 0:
        raise ValueError("Timeout value out of range")
    return float(value)


def _address(address):
    if not isinstance(address, tuple) or len(address) != 2:
        raise TypeError("AF_INET address must be tuple, not %s" % type(address).__name__)
    host, port = address
    if not isinstance(host, str):
        raise TypeError("str, bytes or bytearray expected, not %s" % type(host).__name__)
    if not isinstance(port, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(port).__name__)
    return host, port


# descriptors in use: a new socket takes the lowest free number from 3 up,
# as the kernel hands them out (0, 1 and 2 are stdin, stdout and stderr)
_fds_in_use = set()


def _new_fd():
    fd = 3
    while fd in _fds_in_use:
        fd += 1
    _fds_in_use.add(fd)
    return fd


class socket:
    _cooperative = False

    def __init__(self, family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None, _handle=None):
        if family == -1:
            family = AF_INET
        if type == -1:
            type = SOCK_STREAM
        if family != AF_INET or type != SOCK_STREAM:
            raise OSError(97, "Address family not supported by protocol")
        self.family = family
        self.type = type
        self.proto = proto
        self._h = _handle if _handle is not None else _net.socket()
        self._timeout = _default_timeout
        self._closed = False
        self._fd = _new_fd()

    def __repr__(self):
        if self._closed:
            return "<socket.socket [closed] fd=-1, family=%d, type=%d, proto=%d>" % (
                self.family, self.type, self.proto)
        text = "<socket.socket fd=%d, family=%d, type=%d, proto=%d, laddr=%r" % (
            self._fd, self.family, self.type, self.proto, _net.getsockname(self._h))
        try:
            text += ", raddr=%r" % (_net.getpeername(self._h),)
        except OSError:
            pass
        return text + ">"

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    # waiting

    def _deadline(self):
        if self._timeout is None:
            return None
        return _net.now() + int(self._timeout * 1e9)

    def _wait(self, mode, deadline):
        if self._timeout == 0.0:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        if deadline is not None and _net.now() >= deadline:
            raise timeout("timed out")
        _net.wait(self._h, mode, deadline, not self._cooperative)

    # the calls

    def fileno(self):
        if self._closed:
            return -1
        return self._fd

    def bind(self, address):
        host, port = _address(address)
        _net.bind(self._h, host, port)

    def listen(self, backlog=128):
        _net.listen(self._h, backlog)

    def accept(self):
        deadline = self._deadline()
        while True:
            r = _net.accept(self._h)
            if r is not None:
                h, addr = r
                conn = type(self)(self.family, self.type, self.proto, _handle=h)
                if self._timeout is not None and _default_timeout is None and not self._cooperative:
                    conn._timeout = None
                return conn, addr
            self._wait('r', deadline)

    def _connect(self, address):
        host, port = _address(address)
        deadline = self._deadline()
        while True:
            if _net.connect(self._h, host, port):
                return
            self._wait('w', deadline)

    def connect(self, address):
        if self._cooperative:
            # a non-blocking connect always waits for one poll of the loop
            try:
                self._connect(address)
            except OSError:
                _net.poll_yield()
                raise
            _net.poll_yield()
        else:
            self._connect(address)

    def connect_ex(self, address):
        try:
            self.connect(address)
        except OSError as exc:
            if exc.errno is None:
                return 11
            return exc.errno
        return 0

    def recv(self, bufsize, flags=0):
        data = _net.recv(self._h, bufsize)
        if data is not None:
            return data
        deadline = self._deadline()
        while True:
            self._wait('r', deadline)
            data = _net.recv(self._h, bufsize)
            if data is not None:
                return data

    def recv_into(self, buffer, nbytes=0, flags=0):
        n = nbytes or len(buffer)
        data = self.recv(n, flags)
        # item by item: the engine's bytearray has no slice assignment yet
        for i in range(len(data)):
            buffer[i] = data[i]
        return len(data)

    def recvfrom(self, bufsize, flags=0):
        return self.recv(bufsize, flags), None

    def send(self, data, flags=0):
        data = _bytes(data)
        deadline = self._deadline()
        while True:
            n = _net.send(self._h, data)
            if n is not None:
                return n
            self._wait('w', deadline)

    def sendall(self, data, flags=0):
        if type(data) is not bytes:
            data = _bytes(data)
        n = _net.send(self._h, data)
        if n == len(data):
            return None
        if n is not None:
            data = data[n:]
        deadline = self._deadline()
        while data:
            n = _net.send(self._h, data)
            if n is None:
                self._wait('w', deadline)
                continue
            data = data[n:]
        return None

    def shutdown(self, how):
        _net.shutdown(self._h, how)

    def close(self):
        if not self._closed:
            self._closed = True
            _fds_in_use.discard(self._fd)
            _net.close(self._h)

    def detach(self):
        self._closed = True
        _fds_in_use.discard(self._fd)
        return -1

    def getsockname(self):
        return _net.getsockname(self._h)

    def getpeername(self):
        return _net.getpeername(self._h)

    def setsockopt(self, level, optname, value, optlen=None):
        return None

    def getsockopt(self, level, optname, buflen=None):
        if optname == SO_TYPE:
            return SOCK_STREAM
        return 0

    def settimeout(self, value):
        self._timeout = _check_timeout(value)

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    @property
    def timeout(self):
        return self._timeout

    def makefile(self, mode="r", buffering=None, encoding=None, errors=None, newline=None):
        return SocketFile(self, mode, encoding or "utf-8")


class SocketFile:
    """The file object makefile() returns: buffered reads, direct writes."""

    def __init__(self, sock, mode, encoding):
        self._sock = sock
        self.mode = mode
        self._binary = 'b' in mode
        self._encoding = encoding
        self._buf = b""
        self._eof = False
        self.closed = False

    def _out(self, data):
        if self._binary:
            return data
        return data.decode(self._encoding)

    def _fill(self):
        if self._eof:
            return False
        data = self._sock.recv(8192)
        if not data:
            self._eof = True
            return False
        self._buf += data
        return True

    def readline(self, size=-1):
        while True:
            i = self._buf.find(b"\n")
            if i >= 0:
                line, self._buf = self._buf[:i + 1], self._buf[i + 1:]
                return self._out(line)
            if not self._fill():
                line, self._buf = self._buf, b""
                return self._out(line)

    def read(self, size=-1):
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._buf = self._buf, b""
            return self._out(data)
        while len(self._buf) < size and self._fill():
            pass
        data, self._buf = self._buf[:size], self._buf[size:]
        return self._out(data)

    def readlines(self):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        if not self._binary:
            data = data.encode(self._encoding)
        self._sock.sendall(data)
        return len(data)

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a, b = _net.socketpair()
    return socket(AF_INET, type, proto, _handle=a), socket(AF_INET, type, proto, _handle=b)


def gethostname():
    return _net.gethostname()


def gethostbyname(name):
    return _net.resolve(name)


def getfqdn(name=""):
    return name or _net.gethostname()


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    ip = _net.resolve(host) if host is not None else "127.0.0.1"
    return [(AF_INET, SOCK_STREAM, IPPROTO_TCP, "", (ip, port))]


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


def create_server(address, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    sock = socket(family, SOCK_STREAM)
    sock.bind(address)
    if backlog is None:
        sock.listen()
    else:
        sock.listen(backlog)
    return sock


_net.set_module(herror, 'socket')
_net.set_module(socket, 'socket')
