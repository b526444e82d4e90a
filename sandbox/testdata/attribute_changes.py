# Attribute and method lookups seen through the inline caches while classes change.
class A:
    def m(self):
        return "m1"
class B(A):
    pass
def show(objs):
    return [(o.m(), getattr(o, "x", None)) for o in objs]
a, b = A(), B()
for step in range(2):
    print(show([a, b]))
A.m = lambda self: "m2"
print(show([a, b]))
B.m = lambda self: "mB"
print(show([a, b]))
a.m = lambda: "instance"
print(a.m(), b.m())
del B.m
print(show([b]))
A.x = "class x"
print(show([a, b]))
b.x = "inst x"
print(show([a, b]))
class P(A):
    x = property(lambda self: "prop x")
A.x = P.__dict__["x"]
print(show([a, b]))
try:
    b.x = 5
except AttributeError as e:
    print("AttributeError", e)
class C:
    def __init__(self):
        self.v = 1
c = C()
for i in range(3):
    c.v += 1
print(c.v)
def sa(self, k, v):
    object.__setattr__(self, k, v * 10)
C.__setattr__ = sa
c.v = 2
print(c.v)
class E(Exception):
    pass
e = E("a")
for i in range(2):
    e.args = ("b", i)
print(e.args, str(e))
