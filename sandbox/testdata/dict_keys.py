# Dict and set keys of every kind: values that spell alike never collide.
d = {(1, (2, 3)): 'a', (1, (4, 5)): 'b'}
print(len(d), d[(1, (2, 3))], d[(1, (4, 5))])
e = {b"a": 1, "bytes:a": 2, 2**70: 3, "big:" + str(2**70): 4}
print(len(e), e[b"a"], e["bytes:a"], e[2**70])
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, K) and self.n == o.n
a, b = K(1), object()
g = {(a, 1): 1, (b, 1): 2, (a, 2): 3, ((1, 2), frozenset({1, 2})): 4, ((1, 2), frozenset({1, 3})): 5}
print(len(g), g[(b, 1)], g[((1, 2), frozenset({2, 1}))])
print({1: 'int', 1.0: 'float', True: 'bool'}, {(1, 2): 0, (1.0, 2): 1})
s = {(1, 'a'), (1, 'a'), ('1', 'a'), (None, 1.5), (None, 1.5)}
print(len(s))
d = {}
for i in range(100):
    d[(i, str(i))] = i
    d[("k%d" % i).encode()] = -i
for i in range(0, 100, 1):
    if i % 3:
        del d[(i, str(i))]
        del d[("k%d" % i).encode()]
print(len(d), d[(99, "99")], d[b"k99"], list(d)[:4])
s = set(range(50)) | {(1, 2)}
s -= set(range(40))
print(sorted(x for x in s if isinstance(x, int)), (1, 2) in s)

# Copies and set operators reuse the stored hashes: __hash__ runs once per new key.
class K:
    def __init__(self, n): self.n = n
    def __hash__(self):
        print("hash", self.n)
        return self.n
    def __eq__(self, o): return self.n == o.n
    def __repr__(self): return "K(%d)" % self.n
d = {K(1): 'a', K(2): 'b'}
e = d.copy()
print(len(e), e[K(2)])
s = {K(3), K(5)}
print(sorted((s.copy() | {K(4)}), key=lambda k: k.n), s & {K(5)}, s - {K(5)}, s ^ {K(5), K(6)})
for i in range(40):
    d[K(10 + i)] = i
for i in range(35):
    del d[K(10 + i)]
print(len(d), sorted(v for v in d.values() if isinstance(v, int)))
def f(**kw): return kw
print(f(**{'a': 1, 'b': 2}), f(**{}), f(x=1, y=2))

# unhashable values
for v in (bytearray(b"a"), [1], {1: 2}, {3}):
    try:
        hash(v)
    except TypeError as e:
        print(e)
    try:
        {v: 1}
    except TypeError as e:
        print(e)
