def f(xs):
    return [x.y for x in xs]
f([1])
