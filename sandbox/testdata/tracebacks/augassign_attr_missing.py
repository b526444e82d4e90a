class A:
    pass
a = A()
a.total += 5
