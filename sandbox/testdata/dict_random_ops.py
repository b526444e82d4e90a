# Random inserts, updates, deletes and set operations on dicts and sets
# with keys of every kind (a fixed generator: the same run everywhere),
# checked against CPython at checkpoints: order, lookups, compaction.
state = 12345


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n


class P:
    def __init__(self, x):
        self.x = x

    def __hash__(self):
        return hash(self.x % 3)

    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x

    def __repr__(self):
        return "P(%d)" % self.x


points = [P(i) for i in range(6)]


def key():
    kind = rnd(8)
    n = rnd(12)
    if kind == 0:
        return n
    if kind == 1:
        return "k%d" % n
    if kind == 2:
        return float(n) if n % 2 else n + 0.5
    if kind == 3:
        return n % 2 == 0
    if kind == 4:
        return (n % 3, "t")
    if kind == 5:
        return None if n < 3 else b"b%d" % (n % 4)
    if kind == 6:
        return points[n % 6]
    return frozenset({n % 4, 10})  # ints only: its repr order never depends on str hashing


d = {}
s = set()
for step in range(3000):
    k = key()
    op = rnd(10)
    if op < 5:
        d[k] = step
        s.add(k)
    elif op < 8:
        d.pop(k, None)
        s.discard(k)
    else:
        _ = d.get(k), k in d, k in s
    if step % 500 == 499:
        print(step, len(d), len(s))
        print(list(d.items())[:12])
        print(sorted(map(repr, s))[:12])
other = set(key() for _ in range(40))
print(sorted(map(repr, s | other))[:10], len(s | other), len(s & other), len(s - other), len(s ^ other))
copy = dict(d)
print(copy == d, list(copy) == list(d), len(copy))
for k in list(d)[::2]:
    del d[k]
print(len(d), list(d.items())[:10])
