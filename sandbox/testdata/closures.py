# Closures, nonlocal, global, default arguments and late binding.
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
print(c(), c(), c(5))

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

total = 0
def add(x):
    global total
    total += x
add(3); add(4)
print(total)

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())

def make_adders():
    return {name: (lambda v, k=k: v + k) for name, k in [("one", 1), ("ten", 10)]}
adders = make_adders()
print(adders["one"](5), adders["ten"](5))

def kw(a, b=2, *args, c, d=4, **rest):
    return (a, b, args, c, d, sorted(rest.items()))
print(kw(1, c=3))
print(kw(1, 5, 6, 7, c=8, e=9, f=10))
try:
    kw(1)
except TypeError as e:
    print(e)
try:
    kw(1, 2, c=3, a=4)
except TypeError as e:
    print(e)
