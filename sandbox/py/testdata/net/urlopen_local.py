# urllib.request.urlopen against a local gevent server (monkey-patched, so
# urlopen yields): status, headers, geturl, HTTPError and URLError texts.
from gevent import monkey; monkey.patch_all()
import gevent
from gevent.server import StreamServer
from urllib.request import urlopen, Request
from urllib.error import URLError, HTTPError


def handle(sock, address):
    f = sock.makefile('rb')
    request_line = f.readline().decode()
    while f.readline() not in (b'\r\n', b''):
        pass
    path = request_line.split()[1]
    if path == '/missing':
        body = b'no such page'
        head = 'HTTP/1.1 404 Not Found\r\n'
    else:
        body = ('you asked for %s' % path).encode()
        head = 'HTTP/1.1 200 OK\r\n'
    head += 'Content-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n\r\n' % len(body)
    sock.sendall(head.encode() + body)


server = StreamServer(('127.0.0.1', 0), handle)
server.start()
base = 'http://127.0.0.1:%d' % server.server_port

with urlopen(base + '/hello?x=1') as resp:
    print(resp.status, resp.getcode(), resp.reason, resp.geturl() == base + '/hello?x=1')
    print(resp.headers['content-type'], resp.headers.get_content_charset())
    print(resp.read())
resp = urlopen(Request(base + '/again'))
print(resp.read(4), resp.read())
try:
    urlopen(base + '/missing')
except HTTPError as e:
    print('HTTPError:', e, e.code, e.reason, e.read())
server.stop()
try:
    urlopen(base + '/gone')
except URLError as e:
    print('URLError:', e, type(e.reason).__name__)
try:
    urlopen('ftp://example.com/')
except URLError as e:
    print('URLError:', e)
try:
    urlopen('nothing')
except ValueError as e:
    print('ValueError:', e)
