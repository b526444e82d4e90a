def f(a, b):
    return a[b]
v = f(
    [1],
    5)
