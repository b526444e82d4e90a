def g():
    x = yield 1
    yield x + 1
it = g()
next(it)
it.send(None)
