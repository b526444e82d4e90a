# Exceptions: handlers, else/finally order, chaining, custom classes, with.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

def risky(n):
    try:
        if n == 0:
            raise AppError(7, "zero")
        r = 10 / n
    except AppError as e:
        print("handled", e.code, e, e.args)
        return "from except"
    else:
        print("else", r)
        return "from else"
    finally:
        print("finally", n)

print(risky(0))
print(risky(2))

def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError(1, "bad number") from e

try:
    convert("x")
except AppError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)

try:
    try:
        {}["k"]
    except KeyError:
        [][1]
except IndexError as e:
    print("context:", repr(e.__context__))

class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return typ is KeyError

with Managed("a") as a, Managed("b"):
    print("inside", a.name)
with Managed("c"):
    raise KeyError("swallowed")
print("after with")

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)

def gen_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
g = gen_cleanup()
print(next(g))
g.close()
assert True, "never"
try:
    assert 1 > 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
print(issubclass(ZeroDivisionError, ArithmeticError), KeyError.__mro__[1].__name__)
