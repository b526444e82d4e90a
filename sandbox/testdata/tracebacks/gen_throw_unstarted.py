def deco(f):
    return f

@deco
def gen():
    yield 1
g = gen()
try:
    g.throw(RuntimeError("boom"))
except RuntimeError as e:
    print("caught", e)
h = gen()
h.close()
print("closed unstarted")
g2 = gen()
g2.throw(ValueError)
