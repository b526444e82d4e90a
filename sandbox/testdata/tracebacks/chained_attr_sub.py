class A: pass
a = A()
a.items = [1]
print(a.items[3])
