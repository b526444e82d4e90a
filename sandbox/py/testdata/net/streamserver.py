# gevent.server.StreamServer: serve_forever stopped from a greenlet, a
# handler class method, makefile lines, server_port.
import gevent
from gevent.server import StreamServer
from gevent import socket


def handle(sock, address):
    f = sock.makefile("rwb")
    for line in f:
        sock.sendall(b"> " + line)
    print("handler done for", address[0])


server = StreamServer(("127.0.0.1", 0), handle)


def client():
    s = socket.create_connection(("127.0.0.1", server.server_port))
    s.sendall(b"one\ntwo\n")
    gevent.sleep(0.1)
    print(s.recv(100))
    s.shutdown(socket.SHUT_WR)
    print(s.recv(100))
    s.close()
    gevent.sleep(0.1)
    server.stop()


gevent.spawn(client)
server.serve_forever()
print("served; started:", server.started)
