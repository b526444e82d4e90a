def g():
    f(x=yield 1)
