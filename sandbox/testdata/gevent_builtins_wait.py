# Builtins that consume a generator (or a class's __next__) which waits: sorted, sum, min, max,
# any, all, str.join, list.extend, enumerate, zip, map, filter, set, frozenset, dict. They wait as in CPython, keep
# CPython's error messages, and stop iterating where CPython stops.
import collections
import gevent
from gevent.pool import Pool


def slow(items):
    for x in items:
        gevent.sleep(0.01)
        print("  yield", repr(x))
        yield x


def fails(n):
    for i in range(n):
        gevent.sleep(0.01)
        yield i
    raise KeyError("gen broke")


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        gevent.sleep(0.01)
        self.n -= 1
        return self.n


def show(name, f):
    try:
        print(name, "->", repr(f()))
    except Exception as e:
        print(name, "raised", type(e).__name__, e)


show("sorted", lambda: sorted(slow([3, 1, 2])))
show("sorted mixed", lambda: sorted(slow([1, "a"])))
show("sorted key reverse", lambda: sorted(slow([3, 1, 2]), key=lambda x: -x, reverse=True))
show("sorted bad keyword", lambda: sorted(slow([3]), foo=1))
show("sorted class", lambda: sorted(Countdown(3)))
show("sum", lambda: sum(slow([1, 2, 3])))
show("sum class", lambda: sum(Countdown(4)))
show("sum str start", lambda: sum(slow(["a"]), ""))
show("sum mixed", lambda: sum(slow([1, "a", 3])))
show("sum start", lambda: sum(slow([1.5, 2]), start=10))
show("min", lambda: min(slow([2, 1, 3])))
show("min empty", lambda: min(slow([])))
show("max empty", lambda: max(slow([])))
show("min default", lambda: min(slow([]), default="none"))
show("max key", lambda: max(slow(["bb", "a", "ccc"]), key=len))
show("min mixed", lambda: min(slow([1, "a"])))
show("max ties", lambda: max(slow([(1, "a"), (1, "b")]), key=lambda t: t[0]))
show("any stops early", lambda: any(slow([0, 1, 2])))
show("all stops early", lambda: all(slow([1, 0, 2])))
show("any keyword", lambda: any(slow([0]), x=1))
show("all class", lambda: all(Countdown(2)))
show("join", lambda: ", ".join(slow(["a", "b"])))
show("join bad item", lambda: ", ".join(slow(["a", 2, "c"])))
show("enumerate", lambda: list(enumerate(slow("ab"))))
show("enumerate start", lambda: list(enumerate(slow("ab"), 5)))
show("zip shortest", lambda: list(zip(slow("abc"), [1, 2])))
show("zip not iterable", lambda: list(zip(slow("abc"), 3)))
show("map", lambda: list(map(lambda a, b: a + b, slow("ab"), "xyz")))
show("map function waits", lambda: list(map(lambda x: gevent.sleep(0.01) or x * 2, [1, 2])))
show("filter", lambda: list(filter(lambda x: x % 2, slow([1, 2, 3]))))
show("filter None", lambda: list(filter(None, slow([0, 1, "", "a"]))))
show("sum error in generator", lambda: sum(fails(2)))
show("sorted error in generator", lambda: sorted(fails(2)))
show("set", lambda: sorted(set(slow([3, 1, 3]))))
show("frozenset", lambda: sorted(frozenset(Countdown(3))))
show("dict", lambda: dict(slow([("a", 1), ("b", 2)])))
show("dict of a mapping", lambda: dict(collections.OrderedDict([("k", slow([1]))])).keys())
show("dict bad element", lambda: dict(slow([("a", 1), 5])))
show("dict bad length", lambda: dict(slow(["ab", "xyz"])))
show("set error in generator", lambda: set(fails(1)))
l = [0]
l.extend(slow([1, 2]))
print("extend", l)
print(repr(enumerate(slow([])))[:20], type(enumerate([])).__name__)
for i, x in enumerate(slow("xy")):
    print("for enumerate", i, x)
for a, b in zip(Countdown(2), slow("pq")):
    print("for zip", a, b)


# the idioms with a pool: its imap and imap_unordered are generators that wait
def worker(n):
    gevent.sleep(0.1 * n)
    return n


p = Pool(2)
print("sorted imap_unordered", sorted(p.imap_unordered(worker, [3, 1, 2])))
print("sum imap", sum(p.imap(worker, [1, 2, 3])))
print("max imap", max(p.imap(worker, [1, 2, 3])))
print("join imap", "+".join(map(str, p.imap(worker, [2, 1]))))
print("in a greenlet", gevent.spawn(lambda: sum(slow([4, 5]))).get())
print("uncaught, in min():")
print(min(fails(3)))
