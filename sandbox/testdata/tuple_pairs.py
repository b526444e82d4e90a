# Two-item tuples written in the program, next to the same tuples made by
# builtins (zip, enumerate, divmod, tuple()): everything a tuple does must not
# tell them apart.
import sys


def pair(a, b):
    return a, b


p = (1, 2)
z = list(zip([1], [2]))[0]
print(p, z, str(p), repr(z), p == z, z == p, p != z, p is z)
print(type(p), type(p) is tuple, isinstance(p, tuple), len(p), bool(p))
print(hash(p) == hash(z), hash(p) == hash((1, 2)), {p: "a"}[z], {z: "b"}[p])
print(p < (1, 3), (1, 3) > p, p <= z, sorted([(2, 1), (1, 2), z, (1, 1)]))
print(p + (3,), (0,) + p, p + z, p * 2, 2 * p, p[0], p[-1], p[::-1], p[1:])
print(1 in p, 3 in p, p.index(2), p.count(1), list(p), set([p, z]), tuple(p) is p)
a, b = p
print(a, b, *p, [*p, *z], max(p), min([p, (0, 9)]), sum(p))
print("%s-%s" % p, "%d:%d" % pair(3, 4), "{}|{}".format(*p), f"{p}")
print("hello".startswith(("x", "he")), "hello".endswith(("lo", "zz")))
print(isinstance(3, (str, int)), issubclass(bool, (str, int)))
try:
    raise KeyError("k")
except (ValueError, KeyError) as e:
    print("caught", repr(e))
print(divmod(7, 2) == (3, 1), list(enumerate("ab")) == [(0, "a"), (1, "b")])
print(dict([(1, 2), (3, 4)]), dict([p, z]))


def defaults(x=1, y=2):
    return x, y


print(defaults(), defaults.__defaults__, defaults(*p), defaults(*pair(5, 6)))


def outer():
    u, v = 1, 2

    def inner():
        return u + v
    return inner


print(outer()())
X = type("X", (int, object), {"k": 1})
print(X.__name__, X.k, X.__bases__)
q = ((1, 2), (3, 4))
print(q, q[1][0], [x for x, _ in q], {k: v for k, v in q})
nested = ((p, z), (z, p))
print(nested == ((z, p), (p, z)), hash(nested) == hash(((1, 2), (1, 2))))
g = (x for x in p)
print(next(g), list(g))


def gen():
    yield 1, 2
    return 3, 4


it = gen()
print(next(it))
try:
    next(it)
except StopIteration as s:
    print(s.value, s.args)
print(sys.version_info[:2] == (3, 11), (1, 2) == [1, 2], p == (1, 2, 3))
print(id(p) == id(p), [p].index((1, 2)), [z].count(p))
try:
    p + [3]
except TypeError as e:
    print(e)
try:
    p[2]
except IndexError as e:
    print(e)
try:
    p[0] = 5
except TypeError as e:
    print(e)
try:
    p * 1.5
except TypeError as e:
    print(e)
try:
    print(p < (1, "x"))
except TypeError as e:
    print(e)
print(min((3, "b"), (3, "a")), sorted({(2, 1): 0, (1, 2): 0}))
