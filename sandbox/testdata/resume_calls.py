# The VM makes generator send()/__next__() and greenlet switch() calls
# itself (callResume); every form of these calls must behave as CPython's.
from greenlet import greenlet, getcurrent


def echo():
    got = None
    while True:
        got = yield got


g = echo()
print(g.__next__(), g.send(1), next(g), g.send("two"))
send = g.send
nxt = g.__next__
print(send(3), nxt(), send([4]))
for bad in (lambda: g.send(), lambda: g.send(1, 2), lambda: nxt(5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

fresh = echo()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)


def selfish():
    yield me.send(None)


me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def short():
    yield 1
    return "done"


s = short()
print(s.send(None))
try:
    s.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    s.send(None)
except StopIteration as e:
    print("StopIteration again", e.value)


def ping():
    for i in range(3):
        print("ping", i)
        sw()
    return "ping done"


def pong():
    while True:
        print("pong")
        back()


main = getcurrent()
pg = greenlet(ping)
qg = greenlet(pong)
sw = qg.switch
back = pg.switch
print(pg.switch())
print(main.switch(), getcurrent() is main)   # to itself: back at once with ()
print(pg.dead, pg.switch())                   # a dead greenlet: back to the caller
print(qg.switch.__self__ is qg, greenlet.switch(qg) if False else "ok")
