# http.client: HTTP/1.1 over the socket module, enough for urlopen. It looks
# socket.create_connection up at call time, so after monkey.patch_socket its
# requests are cooperative, as in CPython with gevent.
import socket
from http import _REASONS

HTTP_PORT = 80
HTTPS_PORT = 443
OK = 200
NOT_FOUND = 404

responses = _REASONS


class HTTPException(Exception):
    pass


class RemoteDisconnected(ConnectionResetError, HTTPException):
    pass


class BadStatusLine(HTTPException):
    def __init__(self, line):
        HTTPException.__init__(self, repr(line))
        self.line = line


class HTTPMessage:
    """Response headers: case-insensitive look-up, in the order received."""

    def __init__(self, pairs=None):
        self._pairs = list(pairs or [])

    def get(self, name, failobj=None):
        lname = name.lower()
        for k, v in self._pairs:
            if k.lower() == lname:
                return v
        return failobj

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        return self.get(name) is not None

    def get_all(self, name, failobj=None):
        lname = name.lower()
        found = [v for k, v in self._pairs if k.lower() == lname]
        return found or failobj

    def keys(self):
        return [k for k, v in self._pairs]

    def values(self):
        return [v for k, v in self._pairs]

    def items(self):
        return list(self._pairs)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self._pairs)

    def get_content_type(self):
        ctype = self.get('Content-Type', 'text/plain')
        return ctype.split(';')[0].strip().lower()

    def get_content_charset(self, failobj=None):
        ctype = self.get('Content-Type', '')
        for part in ctype.split(';')[1:]:
            k, _, v = part.strip().partition('=')
            if k.lower() == 'charset':
                return v.strip('"').lower()
        return failobj

    def as_string(self):
        return ''.join('%s: %s\n' % kv for kv in self._pairs) + '\n'

    def __str__(self):
        return self.as_string()


class HTTPResponse:
    def __init__(self, sock, method='GET', url=None):
        self.fp = sock.makefile('rb')
        self._method = method
        self.url = url
        self.closed = False
        line = self.fp.readline().decode('iso-8859-1')
        if not line:
            raise RemoteDisconnected('Remote end closed connection without response')
        parts = line.rstrip('\r\n').split(None, 2)
        if len(parts) < 2 or not parts[0].startswith('HTTP/'):
            raise BadStatusLine(line)
        self.version = 11 if parts[0] == 'HTTP/1.1' else 10
        self.status = self.code = int(parts[1])
        self.reason = parts[2] if len(parts) > 2 else ''
        pairs = []
        while True:
            h = self.fp.readline().decode('iso-8859-1').rstrip('\r\n')
            if not h:
                break
            k, _, v = h.partition(':')
            pairs.append((k, v.strip()))
        self.headers = self.msg = HTTPMessage(pairs)
        length = self.headers.get('Content-Length')
        self.length = int(length) if length is not None else None
        if method == 'HEAD' or self.status in (204, 304):
            self.length = 0

    def read(self, amt=None):
        if self.closed:
            return b''
        if self.length is None:
            data = self.fp.read() if amt is None else self.fp.read(amt)
        else:
            n = self.length if amt is None or amt < 0 else min(amt, self.length)
            data = self.fp.read(n)
            self.length -= len(data)
        if amt is None or self.length == 0 or not data:
            self.close()
        return data

    def readline(self, limit=-1):
        line = self.fp.readline()
        if self.length is not None:
            self.length -= len(line)
        return line

    def readlines(self):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return iter(self.readlines())

    def getheader(self, name, default=None):
        return self.headers.get(name, default)

    def getheaders(self):
        return self.headers.items()

    def info(self):
        return self.headers

    def geturl(self):
        return self.url

    def getcode(self):
        return self.status

    def close(self):
        if not self.closed:
            self.closed = True
            self.fp.close()
            self.fp._sock.close()

    def isclosed(self):
        return self.closed

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class HTTPConnection:
    default_port = HTTP_PORT

    def __init__(self, host, port=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None):
        if port is None and ':' in host:
            host, _, p = host.rpartition(':')
            port = int(p)
        self.host = host
        self.port = port or self.default_port
        self.timeout = timeout
        self.source_address = source_address
        self.sock = None
        self._method = 'GET'
        self._url = None

    def connect(self):
        self.sock = socket.create_connection((self.host, self.port), self.timeout, self.source_address)

    def request(self, method, url, body=None, headers={}):
        if self.sock is None:
            self.connect()
        if isinstance(body, str):
            body = body.encode('iso-8859-1')
        names = [k.lower() for k in headers]
        lines = ['%s %s HTTP/1.1' % (method, url)]
        if 'accept-encoding' not in names:
            lines.append('Accept-Encoding: identity')
        if 'host' not in names:
            host = self.host
            if self.port != self.default_port:
                host = '%s:%d' % (host, self.port)
            lines.append('Host: ' + host)
        if body is not None and 'content-length' not in names:
            lines.append('Content-Length: %d' % len(body))
        for k, v in headers.items():
            lines.append('%s: %s' % (k, v))
        data = ('\r\n'.join(lines) + '\r\n\r\n').encode('iso-8859-1')
        if body:
            data += body
        self._method = method
        self.sock.sendall(data)

    def getresponse(self):
        return HTTPResponse(self.sock, self._method)

    def close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None


class HTTPSConnection(HTTPConnection):
    """https in the sandbox: the simulated internet serves plain HTTP on 443."""
    default_port = HTTPS_PORT

    def __init__(self, host, port=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None,
                 context=None, **kwargs):
        HTTPConnection.__init__(self, host, port, timeout, source_address)


def _set_modules():
    import _net
    for cls in (HTTPException, RemoteDisconnected, BadStatusLine, HTTPMessage, HTTPResponse,
                HTTPConnection, HTTPSConnection):
        _net.set_module(cls, 'http.client')


_set_modules()
