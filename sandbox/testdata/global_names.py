# Global and builtin names seen through the inline caches: rebinding, shadowing, deleting.
x = 1
def f():
    return x, len
print(f())
x = 2
print(f())
len = "shadow"
print(f())
del len
print(f())
g = globals()
for i in range(3):
    g["y%d" % i] = i
    print(f(), x)
del x
try:
    print(f())
except NameError as e:
    print("NameError", e)
x = 5
print(f())
def h():
    global z
    z = 10
h()
print(z)
d = {'a': 1}
d.clear()
d['b'] = 2
print(d)
class C:
    x = 'class x'
    print(x, len("ab"))
print(x)
# stores through the caches
def setg(v):
    global gv
    gv = v
for v in range(3):
    setg(v)
    print(gv)
del gv
setg("again")
print(gv, globals()["gv"])
globals()["gv"] = "direct"
print(gv)
