# a non-ASCII character in a bytes literal: CPython marks the token after it,
# counting its columns in bytes
import socket
s = socket.socket()
s.send(b"你好")  # greet
