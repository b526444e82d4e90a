# Unpacking, starred displays and "in" over iterators: they read as far as
# CPython reads (one item past the targets, or up to the first match), and
# work when the iterator is a generator that waits on gevent.
import itertools
import gevent


def counting(items, wait=0):
    for x in items:
        if wait:
            gevent.sleep(wait)
        print("  yield", x)
        yield x


try:
    a, b = counting(range(5))
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = itertools.count()
except ValueError as e:
    print("ValueError:", e)
x, y = counting("xy")
print(x, y)
print(3 in counting(range(10)), "z" not in counting("abc"))


def waiting():
    a, b, c = counting([1, 2, 3], 0.1)
    print("unpacked", a, b, c)
    first, *rest = counting("abc", 0.1)
    print("starred", first, rest)
    print("list display", [0, *counting([1, 2], 0.1)])
    print("set display", sorted({*counting([2, 1, 2], 0.1)}))
    print("in", 2 in counting([1, 2, 3], 0.1))
    print("not in", 5 not in counting([1, 2], 0.1))
    try:
        p, q = counting([1, 2, 3, 4], 0.1)
    except ValueError as e:
        print("ValueError:", e)
    try:
        p, q, r = counting([1], 0.1)
    except ValueError as e:
        print("ValueError:", e)
    return "done"


def ticker():
    # ticks at 0 and 250 ms, 50 ms from any wake-up of the generators (real
    # gevent runs on the real clock: no near ties)
    for i in range(2):
        print("tick", i)
        gevent.sleep(0.25)


g = gevent.spawn(waiting)
t = gevent.spawn(ticker)
gevent.joinall([g, t])
print(g.value)
