# gevent.server: StreamServer, a TCP server that accepts in its own greenlet
# and runs the handler in a new greenlet for every connection.
import gevent
from gevent import socket as _socket
from gevent.event import Event


class StreamServer:
    """StreamServer(listener, handle): listener is (host, port) or a
    listening socket; handle(socket, address) runs once per connection."""

    backlog = 256

    def __init__(self, listener, handle=None, backlog=None, spawn='default', **ssl_args):
        if isinstance(listener, tuple):
            self.socket = None
            self._address = listener
        else:
            self.socket = listener
            self._address = listener.getsockname()
        if handle is not None:
            self.handle = handle
        if backlog is not None:
            self.backlog = backlog
        self._accepter = None
        self._stop_event = Event()
        self._stop_event.set()
        self._handlers = []

    @property
    def address(self):
        if self.socket is not None:
            return self.socket.getsockname()
        return self._address

    @property
    def server_host(self):
        return self.address[0]

    @property
    def server_port(self):
        return self.address[1]

    @property
    def started(self):
        return not self._stop_event.is_set()

    @property
    def closed(self):
        return self.socket is None

    def init_socket(self):
        if self.socket is None:
            sock = _socket.socket()
            sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
            sock.bind(self._address)
            sock.listen(self.backlog)
            self.socket = sock

    def start(self):
        if self.started:
            raise ValueError('Cannot start already started server')
        self.init_socket()
        self._stop_event.clear()
        self._accepter = gevent.spawn(self._accept_loop)

    def _accept_loop(self):
        while True:
            try:
                conn, addr = self.socket.accept()
            except OSError:
                return
            self._handlers.append(gevent.spawn(self._handle_one, conn, addr))

    def _handle_one(self, conn, addr):
        try:
            self.handle(conn, addr)
        finally:
            conn.close()

    def handle(self, sock, address):
        raise NotImplementedError('override handle() or pass a handle to StreamServer')

    def serve_forever(self, stop_timeout=None):
        if not self.started:
            self.start()
        self._stop_event.wait()

    def close(self):
        if self._accepter is not None:
            self._accepter.kill(block=False)
            self._accepter = None
        if self.socket is not None:
            sock, self.socket = self.socket, None
            sock.close()
        self._stop_event.set()

    def stop(self, timeout=None):
        self.close()
        live = [g for g in self._handlers if not g.dead]
        if live:
            gevent.joinall(live, timeout=timeout if timeout is not None else 1)
            gevent.killall([g for g in live if not g.dead], block=True)
        self._handlers = []

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.stop()

    def __repr__(self):
        return '<StreamServer at %s fileno=%s address=%s:%s>' % (
            hex(id(self)), self.socket.fileno() if self.socket else -1, self.address[0], self.address[1])
