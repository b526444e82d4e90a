# Built-in classes cannot be changed (they are shared by every run of the engine).
import greenlet
def attempt(f):
    try:
        f()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
def a(): Exception.foo = 1
def b(): del Exception.args
def c(): greenlet.greenlet.foo = 1
def d(): int.x = 3
class Mine(Exception):
    pass
def e(): Mine.extra = 1
for f in (a, b, c, d, e):
    attempt(f)
print(hasattr(greenlet.greenlet, 'foo'), Mine.extra)
