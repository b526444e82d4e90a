x = None
x.foo
