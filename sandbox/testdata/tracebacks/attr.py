x = None
print(x.foo)
