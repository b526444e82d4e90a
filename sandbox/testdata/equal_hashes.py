# Keys whose __hash__ values are equal but which are not equal stay separate keys (dicts, sets, tuples of them).
class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash(self.x)
    def __repr__(self): return "P(%d, %d)" % (self.x, self.y)
d = {}
for y in range(4):
    d[P(1, y)] = y
d[P(2, 0)] = "other"
print(len(d), d[P(1, 2)], d[P(2, 0)], P(1, 9) in d)
del d[P(1, 1)]
print(len(d), d[P(1, 3)], d[P(1, 0)], list(d.values()))
d[P(1, 1)] = "back"
print(len(d), d[P(1, 1)], sorted(map(repr, d)))
s = {P(1, 0), P(1, 1), P(1, 0)}
t = {P(1, 1), P(1, 2)}
print(len(s), sorted(map(repr, s | t)), sorted(map(repr, s & t)), sorted(map(repr, s - t)), sorted(map(repr, s ^ t)))
e = d.copy()
del e[P(1, 0)]
print(len(e), len(d), e[P(1, 3)])
k = {(P(1, 0), 'a'): 1, (P(1, 1), 'a'): 2}
print(len(k), k[(P(1, 1), 'a')])

# all in one hash bucket: deletions move the later keys down, copies keep them
class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return 7
d = {P(0, i): i for i in range(50)}
for i in range(0, 50, 3):
    del d[P(0, i)]
print(len(d), [d[P(0, i)] for i in range(1, 50, 3)][:5], P(0, 3) in d, P(0, 4) in d)
for i in range(0, 50, 3):
    d[P(0, i)] = -i
print(len(d), d[P(0, 48)], sum(d.values()))
s = {("a#1", P(1, 0)), ("a#1", P(1, 1)), ("a#1", P(1, 0))}
print(len(s), ("a#1", P(1, 1)) in s)
e = d.copy()
for i in range(50):
    del e[P(0, i)]
print(len(e), len(d))
