# Links: rawlink callbacks run in the hub (errors reported as the hub reports
# them; blocking raises BlockingSwitchOutError), link callbacks may block,
# links run in order, late links, unlink, and the rest of the builtin exceptions.
import gevent


def work(n, fail=False):
    gevent.sleep(n / 10)
    if fail:
        raise ValueError("bad %d" % n)
    return n


def raising(g):
    print("raising link sees", g.value)
    raise ValueError("link failed")


def blocking(g):
    print("blocking link starts for", g.value)
    gevent.sleep(0.5)
    print("blocking link ends for", g.value)


def plain(name):
    def cb(g):
        print("link", name, "value", g.value, "exception", repr(g.exception))
    return cb


# a failing rawlink callback is reported; the next links still run
g = gevent.spawn(work, 1)
g.rawlink(raising)
g.rawlink(plain("after raising"))
g.join()
print("joined", g.value)

# a rawlink callback may not block; a link callback may, and the links
# after it run while it waits
g = gevent.spawn(work, 2)
g.link(plain("first"))
g.rawlink(blocking)
g.link(blocking)
g.link(plain("third"))
g.join()
gevent.sleep(1)

# link_value and link_exception pick by outcome
for fail in (False, True):
    g = gevent.spawn(work, 3, fail)
    g.link_value(plain("value"))
    g.link_exception(plain("exception"))
    g.link(plain("any"))
    gevent.joinall([g])
    gevent.sleep(0)

# a link added to a finished greenlet runs at the hub's next turn
g.link(plain("late"))
print("before the late link")
gevent.sleep(0)
print("after the late link")

# unlink removes a link() callback as well as a rawlink() one
cb = plain("unlinked")
g = gevent.spawn(work, 4)
g.link(cb)
g.rawlink(cb)
g.unlink(cb)
g.unlink(cb)
g.join()
gevent.sleep(0)

# many greenlets finishing in one turn, each with links
order = []
gs = [gevent.spawn(work, 0) for _ in range(5)]
for i, g in enumerate(gs):
    g.rawlink(lambda g, i=i: order.append(("raw", i)))
    g.link(lambda g, i=i: order.append(("spawned", i)))
gevent.joinall(gs)
gevent.sleep(0)
print(order)

# the built-in exceptions the engine never raises itself
for name in ("SystemError", "TabError", "UnicodeTranslateError", "ConnectionAbortedError",
             "FileExistsError", "IsADirectoryError", "NotADirectoryError", "ChildProcessError",
             "ProcessLookupError", "SyntaxWarning", "FutureWarning", "ImportWarning", "BytesWarning",
             "ResourceWarning", "PendingDeprecationWarning", "UnicodeWarning", "EncodingWarning"):
    cls = getattr(__builtins__, name)
    print(name, [c.__name__ for c in cls.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
try:
    raise TabError("inconsistent")
except SyntaxError as e:
    print("caught", type(e).__name__, e)
