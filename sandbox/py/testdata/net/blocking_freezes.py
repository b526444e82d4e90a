# An unpatched socket call blocks the whole program: gevent's greenlets do not
# run while it waits, and catch up afterwards.
import gevent, socket, time


def ticker():
    for i in range(3):
        print("tick", i, int((time.time() - t0) * 10))
        gevent.sleep(0.1)


t0 = time.time()
g = gevent.spawn(ticker)
gevent.sleep(0)
a, b = socket.socketpair()
a.settimeout(0.25)
try:
    a.recv(10)
except socket.timeout as e:
    print("recv:", e, int((time.time() - t0) * 10))
g.join()
