def g():
    x = yield yield 1
