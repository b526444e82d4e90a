# socket: the everyday calls and the errors CPython raises, on loopback (no port numbers printed).
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print(host, type(port).__name__, port > 0)

other = socket.socket()
try:
    other.bind(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
other.close()

c = socket.create_connection(("127.0.0.1", port))
conn, addr = srv.accept()
print(addr[0], conn.getpeername() == c.getsockname(), c.getpeername() == (host, port))
c.sendall(b"hello")
print(conn.recv(100))
conn.sendall(b"a")
conn.sendall(b"b")
got = b""
while len(got) < 2:
    got += c.recv(1)
print(got)
buf = bytearray(4)
conn.sendall(b"xyz")
print(c.recv_into(buf), buf)
c.shutdown(socket.SHUT_WR)
print(conn.recv(100))
try:
    c.send(b"more")
except OSError as e:
    print(type(e).__name__, e.errno)
conn.close()
print(c.recv(100))
c.close()
try:
    c.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)

refused = socket.socket()
try:
    refused.connect(("127.0.0.1", port + 1 if port < 65535 else port - 1))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError", e)
print(refused.connect_ex(("127.0.0.1", port + 1 if port < 65535 else port - 1)))
refused.close()

t = socket.create_connection(("127.0.0.1", port))
a, _ = srv.accept()
t.settimeout(0.1)
print(t.gettimeout())
try:
    t.recv(10)
except socket.timeout as e:
    print("timeout:", e, isinstance(e, TimeoutError), socket.timeout is TimeoutError)
t.setblocking(False)
try:
    t.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
t.setblocking(True)
f = a.makefile("rwb")
t.sendall(b"line one\nline two\n")
print(f.readline(), f.readline())
f.write(b"reply\n"); f.flush()
print(t.recv(100))
f.close(); a.close(); t.close()

x, y = socket.socketpair()
x.sendall(b"pair")
print(y.recv(10))
x.close()
print(y.recv(10))
y.close()
with socket.socket() as s:
    print(s.fileno() >= 0)
print(s.fileno())
try:
    socket.gethostbyname("no-such-host.invalid")
except socket.gaierror as e:
    print("gaierror", isinstance(e, OSError))
print(socket.gethostbyname("localhost"), isinstance(socket.gethostname(), str))
srv.close()
