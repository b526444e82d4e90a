# gevent.pywsgi: a small WSGI server on StreamServer (HTTP/1.1, one request
# per connection, Connection: close), enough for local test servers.
from gevent.server import StreamServer


class WSGIServer(StreamServer):
    def __init__(self, listener, application=None, backlog=None, spawn='default', log='default',
                 error_log='default', handler_class=None, environ=None, **ssl_args):
        StreamServer.__init__(self, listener, backlog=backlog, spawn=spawn)
        self.application = application
        self.environ = dict(environ or {})

    def handle(self, sock, address):
        reader = sock.makefile('rb')
        request_line = reader.readline().decode('latin-1').rstrip('\r\n')
        if not request_line:
            sock.close()
            return
        parts = request_line.split()
        method, target, protocol = (parts + ['', '', 'HTTP/1.0'])[:3]
        path, _, query = target.partition('?')
        environ = dict(self.environ)
        environ.update({'REQUEST_METHOD': method, 'PATH_INFO': path, 'QUERY_STRING': query,
                        'SERVER_PROTOCOL': protocol, 'SERVER_NAME': str(self.server_host),
                        'SERVER_PORT': str(self.server_port), 'REMOTE_ADDR': str(address[0]),
                        'SCRIPT_NAME': '', 'wsgi.url_scheme': 'http', 'wsgi.input': reader})
        length = 0
        while True:
            line = reader.readline().decode('latin-1').rstrip('\r\n')
            if not line:
                break
            name, _, value = line.partition(':')
            name, value = name.strip(), value.strip()
            key = name.upper().replace('-', '_')
            if key == 'CONTENT_LENGTH':
                environ['CONTENT_LENGTH'] = value
                length = int(value or 0)
            elif key == 'CONTENT_TYPE':
                environ['CONTENT_TYPE'] = value
            else:
                environ['HTTP_' + key] = value
        reply = {}

        def start_response(status, headers, exc_info=None):
            reply['status'] = status
            reply['headers'] = headers
            return sock.sendall

        body = self.application(environ, start_response)
        data = b''.join(body)
        head = 'HTTP/1.1 %s\r\n' % reply.get('status', '500 Internal Server Error')
        names = set()
        for name, value in reply.get('headers', []):
            head += '%s: %s\r\n' % (name, value)
            names.add(name.lower())
        if 'content-length' not in names:
            head += 'Content-Length: %d\r\n' % len(data)
        head += 'Connection: close\r\n\r\n'
        sock.sendall(head.encode('latin-1') + data)
        sock.close()

    def serve_forever(self, stop_timeout=None):
        StreamServer.serve_forever(self)


WSGIHandler = None
