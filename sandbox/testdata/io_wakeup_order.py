# Sockets that become readable in the same loop pass wake last-ready first (libev's order).
import gevent
from gevent import socket

def reader(name, s):
    data = s.recv(100)
    print("reader", name, "got", data)

pairs = [socket.socketpair() for _ in range(4)]
gs = [gevent.spawn(reader, i, b) for i, (a, b) in enumerate(pairs)]
gevent.sleep(0)
for i, (a, b) in enumerate(pairs):
    a.sendall(b"msg%d" % i)
gevent.sleep(0.1)
print("--- again, sent in reverse")
gs = [gevent.spawn(reader, i, b) for i, (a, b) in enumerate(pairs)]
gevent.sleep(0)
for i, (a, b) in reversed(list(enumerate(pairs))):
    a.sendall(b"m%d" % i)
gevent.sleep(0.1)
print("--- timer and io in one pass")
def sleeper(n):
    gevent.sleep(0.05)
    print("sleeper", n)
gs = [gevent.spawn(reader, i, b) for i, (a, b) in enumerate(pairs[:2])]
gs += [gevent.spawn(sleeper, 1)]
gevent.sleep(0.01)
def sender():
    gevent.sleep(0.04)
    for i, (a, b) in enumerate(pairs[:2]):
        a.sendall(b"x%d" % i)
gevent.spawn(sender)
gevent.joinall(gs)
