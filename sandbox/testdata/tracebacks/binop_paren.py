def f():
    return (1 + 2) * "a" - 3
f()
