# Monkey-patched socket: socket.socket becomes cooperative, so a server
# greenlet and client greenlets interleave.
from gevent import monkey; monkey.patch_all()
import gevent, socket

print("patched:", socket.socket.__module__ if False else monkey.is_module_patched("socket"))
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]

def serve():
    for _ in range(2):
        conn, _ = srv.accept()
        gevent.spawn(echo, conn)

def echo(conn):
    while True:
        data = conn.recv(100)
        if not data:
            break
        conn.sendall(data[::-1])
    conn.close()

def client(name, delay):
    s = socket.create_connection(("127.0.0.1", port))
    gevent.sleep(delay)
    s.sendall(name.encode())
    print(name, "got", s.recv(100))
    s.close()

gevent.spawn(serve)
gevent.joinall([gevent.spawn(client, "alpha", 0.2), gevent.spawn(client, "beta", 0.1)])
srv.close()
