# select.select over sockets: timeouts, readiness, and a cooperative select
# after monkey patching that lets another greenlet send.
from gevent import monkey; monkey.patch_all()
import gevent, select, socket, time

t0 = time.time()
a, b = socket.socketpair()
r, w, x = select.select([a], [b], [], 0)
print(r, w == [b], x)
r, w, x = select.select([a], [], [], 0.2)
print("timeout:", r, w, x, int((time.time() - t0) * 10))


def later():
    gevent.sleep(0.3)
    b.sendall(b"ping")


gevent.spawn(later)
r, w, x = select.select([a], [], [])
print("ready:", r == [a], a.recv(10), int((time.time() - t0) * 10))
a.close()
b.close()
