# Plain (blocking) sockets in one program: connect queues, accept, stream
# semantics, half-close, errors as CPython prints them.
import socket

print(socket.AF_INET, socket.SOCK_STREAM, socket.SHUT_WR, socket.timeout is TimeoutError)
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print("listening on", host, port > 0)

c = socket.create_connection(("localhost", port))
conn, addr = srv.accept()
print("accepted from", addr[0], addr[1] == c.getsockname()[1])
print("peer", conn.getpeername() == c.getsockname())
c.sendall(b"hello ")
c.sendall(b"world")
print("recv merged:", conn.recv(100))
conn.send(b"abcdef")
buf = bytearray(4)
print("recv_into:", c.recv_into(buf), bytes(buf))
print("rest:", c.recv(10))
c.shutdown(socket.SHUT_WR)
print("after SHUT_WR:", conn.recv(10), conn.recv(10))
try:
    c.send(b"x")
except BrokenPipeError as e:
    print("BrokenPipeError:", e)
conn.close()
c.close()

with socket.socket() as s2:
    try:
        s2.bind(("127.0.0.1", port))
    except OSError as e:
        print("OSError:", e)
srv.close()

s3 = socket.socket()
try:
    s3.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("refused:", e, e.errno)
print("connect_ex:", socket.socket().connect_ex(("127.0.0.1", port)))

try:
    socket.gethostbyname("no.such.host.invalid")
except socket.gaierror as e:
    print("gaierror:", e)
print(socket.gethostbyname("localhost"))

a, b = socket.socketpair()
a.settimeout(0.25)
print("timeout", a.gettimeout())
try:
    a.recv(1)
except socket.timeout as e:
    print("timeout:", e, type(e).__name__)
b.sendall(b"line1\nline2\n")
b.close()
f = a.makefile("r")
print(repr(f.readline()), repr(f.read()))
a.close()
