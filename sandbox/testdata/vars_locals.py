# vars() without an argument is locals(): a function's bound locals, a class body's
# namespace, a module's globals.
def f(a, b=2):
    c = a + b
    print(vars())
    print(locals() == vars())


f(1)


class K:
    x = 1
    print(sorted(vars()))


print(vars() is globals(), vars(K)["x"])
