def g():
    print(yield 1)
