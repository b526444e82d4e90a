# Dicts change how they index keys as they grow (a scan while small, a map
# past eight entries): lookups, deletions and order must not notice.
d = {}
for i in range(20):
    d["k%d" % i] = i
    if i % 3 == 0:
        d[i] = "int %d" % i
    assert d["k%d" % i] == i
print(len(d), list(d)[:12])
for i in range(0, 20, 2):
    del d["k%d" % i]
print(len(d), list(d.items())[:6])
print("k3" in d, "k4" in d, 9 in d, d.get("k19"), d.get("k18", "gone"))

# delete and re-add around the boundary
e = {}
for round in range(3):
    for i in range(10):
        e["x%d" % i] = round
    for i in range(0, 10, 3):
        del e["x%d" % i]
print(e)

# many deletions compact the entries
f = {str(i): i for i in range(100)}
for i in range(90):
    del f[str(i)]
f["new"] = -1
print(f, f["95"], "5" in f)

# instance attributes past eight
class Many:
    def __init__(self):
        for i in range(12):
            setattr(self, "a%d" % i, i)

m = Many()
del m.a3
m.a3 = "back"
print(vars(m))
print(m.a0, m.a11, m.a3, hasattr(m, "a12"))
try:
    m.a12
except AttributeError as err:
    print(err)

# keys that are equal across types
g = {1: "int", "1": "str", 1.5: "float", (1, "a"): "tuple", None: "none", b"1": "bytes"}
g[True] = "bool replaces int"
g[1.0] = "float replaces it again"
print(g)
s = set()
for w in "the quick brown fox jumps over the lazy dog".split():
    s.add(w)
print(sorted(s), len(s))
s.discard("the")
print("the" in s, "fox" in s)
