# Errors of misuse, with CPython's texts.
import socket

a, b = socket.socketpair()
for bad in ("text", 5, None):
    try:
        a.sendall(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    a.send("text")
except TypeError as e:
    print("TypeError:", e)
a.sendall(bytearray(b"ok"))
print(b.recv(10))
a.close()
try:
    a.send(b"x")
except OSError as e:
    print("OSError:", e)
s = socket.socket()
try:
    s.getpeername()
except OSError as e:
    print("OSError:", e)
try:
    s.settimeout(-1)
except ValueError as e:
    print("ValueError:", e)
with socket.socket() as t:
    t.bind(("", 0))
    print("bound to", t.getsockname()[0])
print(t.fileno())
b.close()
s.close()
