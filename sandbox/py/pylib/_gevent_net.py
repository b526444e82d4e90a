# _gevent_net: what gevent.monkey.patch_socket does to the socket module:
# socket.socket becomes gevent's cooperative socket, so every library that
# creates sockets through the module (create_connection, urllib) yields.
import gevent.socket


def patch(socket_module):
    socket_module.socket = gevent.socket.socket
    socket_module.SocketType = gevent.socket.socket
