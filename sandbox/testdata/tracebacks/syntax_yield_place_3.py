def g():
    return yield 1
