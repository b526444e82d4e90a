# repr and fileno of sockets: descriptors are reused lowest first.
import socket

s = socket.socket()
print(repr(s), s.fileno())
s.bind(('127.0.0.1', 0))
s.listen()
port = s.getsockname()[1]
c = socket.create_connection(s.getsockname())
print(repr(c).replace(str(c.getsockname()[1]), 'P').replace(str(port), 'Q'))
conn, addr = s.accept()
print(conn.fileno(), conn.getsockname() == ('127.0.0.1', port))
c.close()
print(repr(c))
d = socket.socket()
print(d.fileno(), d.gettimeout(), d.getblocking())
d.setblocking(False)
print(d.gettimeout(), d.getblocking())
try:
    conn.recv(10)
    conn.setblocking(False)
    conn.recv(10)
except BlockingIOError as e:
    print("BlockingIOError:", e)
print(conn.recv(10))
for x in (d, conn, s):
    x.close()
