# Tuples of two items through the library: namedtuple, heapq, itertools,
# Counter, lru_cache, sorting keys, formatting, exceptions' args.
import heapq
import itertools
from collections import namedtuple, Counter, OrderedDict, defaultdict, deque
from functools import lru_cache, reduce

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p[1], p == (1, 2), (1, 2) == p, p._replace(x=5), tuple(p))
x, y = p
print(x + y, p._asdict())

h = []
for item in [(3, "c"), (1, "a"), (2, "b")]:
    heapq.heappush(h, item)
print([heapq.heappop(h) for _ in range(3)], heapq.nsmallest(2, [(5, 1), (4, 2), (6, 0)]))

print(list(itertools.product("ab", [1, 2]))[:3], list(itertools.combinations((1, 2, 3), 2)))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda kv: (kv[1], kv[0])))
print(Counter("abracadabra").most_common(2), dict(Counter([(1, 2), (1, 2), (3, 4)])))


@lru_cache(maxsize=None)
def grid(a, b):
    return (a, b) if a == 0 or b == 0 else grid(a - 1, b)


print(grid(3, 2), grid.cache_info().hits >= 0)
cache = {}
for key in [(1, 2), (2, 1), (1, 2)]:
    cache[key] = cache.get(key, 0) + 1
print(cache, OrderedDict([(1, "a"), (2, "b")]), reduce(lambda a, b: (a[0] + b[0], a[1] * b[1]), [(1, 2), (3, 4)]))
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append((k, v))
print(dict(dd), deque([(1, 2)], maxlen=2))
print(*(1, 2), sep=",")
e = ValueError(1, 2)
print(e.args, e.args == (1, 2), str(e), repr(e))
pairs = [(i, i * i) for i in range(5)]
print(pairs, dict(pairs), max(pairs, key=lambda t: t[1]), list(zip(*pairs)))
a, b = b, a = 1, 2
print(a, b)
t = 1, 2
t += (3,)
print(t, t * 0, (t, t)[1:], "%s and %r" % ((1, 2), "x"), "%(a)s" % {"a": (1, 2)})
matrix = [(1, 2), (3, 4)]
print([[row[i] for row in matrix] for i in range(2)], sum((x * y for x, y in matrix)))
print(sorted(set([(2, 1), (1, 2), (1, 2)])), frozenset({(0, 0)}) == frozenset([(0, 0)]))
print(list(map(lambda t: t[0] - t[1], [(5, 3), (1, 1)])), list(filter(None, [(0, 0), ()])))
print(divmod(-7, 2), (lambda *a: a)(1, 2), (lambda **k: sorted(k.items()))(b=2, a=1))
print(repr((1.5, None)), str(("a", b"b")), (True, False) == (1, 0), hash((1, 2)) == hash((True, 2)))
print([1, 2] == list((1, 2)), (1, 2) in [[1, 2]], [1, 2] in [(1, 2)], (1, 2) in {(1, 2): 0})
print(((), (1,)), ((),) * 2, ((1, 2),)[0][1], tuple((1, 2)) == (1, 2))
