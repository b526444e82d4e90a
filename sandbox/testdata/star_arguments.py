# f(*iterable) and f(**mapping): any iterable, and CPython's messages when the value is not one.
def f(*a, **k): return a, k
print(f(*(1, 2)), f(*[3], **{'x': 1}), f(*"ab", **{}), f(*(i for i in range(3))))
class C:
    def m(self, *a): return a
print(C().m(*(1,)), print(*[1, 2], sep="-"))
def g(it):
    return f(*it)
print(g({1: 2}), g(x for x in "xy"))
for bad in (5, None):
    try:
        f(*bad)
    except TypeError as e:
        print(e)
try:
    print(*5)
except TypeError as e:
    print(e)
try:
    f(*[1], **5)
except TypeError as e:
    print(e)
try:
    f(**5)
except TypeError as e:
    print(e)
