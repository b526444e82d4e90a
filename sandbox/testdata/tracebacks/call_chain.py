def g(x):
    return x[3]
def f():
    return g([1]) + 1
print(f())
