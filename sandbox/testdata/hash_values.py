# hash() of numbers, tuples, frozensets and objects with __hash__: the values CPython
# prints (str hashes vary from run to run in CPython, so none is printed).
print(hash((1, 2)) == hash((True, 2)), {(1, 2): 0}.get((True, 2)), hash(1) == hash(True), {1: "a"}[True], hash((1, 2, 3)) == hash((True, 2, 3)), hash((1.0, 2)) == hash((1, 2)))
print(hash((1, 2)), hash(()), hash((1,)), hash(("a", 1)) == hash(("a", 1)))
print(hash(1.5), hash(-2.25), hash(2**70), hash(-1), hash(True), hash(1.0), hash(float("inf")))
class A:
    def __hash__(self):
        return 7
print(hash(A()), hash((A(), 1)), hash((1, (2, 3))), hash((1.5, -1)), hash((2**70,)))
print(hash(frozenset()), hash((None,)) == hash((None,)))
class A:
    def __hash__(self):
        return 1
d = {A(): 1, A(): 2}
print(len(d))
class B:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, B) and o.v == self.v
print(len({B(1), B(1), B(2)}), B(1) in {B(1)}, hash(B(5)), hash(B(2**70)))
class C:
    def __hash__(self): return 2**70
print(hash(C()))
class D:
    def __hash__(self): return "x"
try:
    hash(D())
except TypeError as e:
    print(e)
print(hash(frozenset()), hash(frozenset([1])), hash(frozenset([1, 2, 3])), hash(frozenset({(1, 2), 3.5, -1})))
print(hash(frozenset([frozenset([1]), 2])), hash((frozenset(), ())), hash(frozenset(range(100))))
try:
    hash({1})
except TypeError as e:
    print(e)
try:
    hash(([1], 2))
except TypeError as e:
    print(e)
