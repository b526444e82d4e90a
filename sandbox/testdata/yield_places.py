# Where a yield expression may stand: statements, after =, in parentheses.
def g():
    x: int = yield 3
    y = z = yield 4
    w = (yield 5)
    yield
    yield from [6]
    print(f"{(yield 7)}")
    t = ((yield 8), 2)
    x = 0
    x += (yield 9) or 1
    return (yield 10)


print(list(g()))
it = g()
print(next(it), it.send("a"), it.send("b"), it.send("c"), it.send("d"))
