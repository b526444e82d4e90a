# _gevent_net: what gevent.monkey.patch_socket does: socket.socket becomes
# gevent's cooperative socket (so create_connection, http.client and urlopen
# yield), and select.select becomes gevent.select.select.
import gevent.socket
import gevent.select


def patch(socket_module):
    socket_module.socket = gevent.socket.socket
    socket_module.SocketType = gevent.socket.socket
    import select
    select.select = gevent.select.select
