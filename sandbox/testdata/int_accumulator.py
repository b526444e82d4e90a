# Running totals updated in place past 2**63 (the VM owns the big int only
# while no other name has seen it): every value kept on the way must stay as
# it was when kept.
def f(n, sign):
    t = sign * (2**64 - 5)
    out = []
    for i in range(n):
        t += sign * i
        if i % 3 == 0:
            out.append(t)
        t -= sign * 2
    return t, out[-3:], sum(out)

print(f(20, 1))
print(f(20, -1))

def g():
    t = 2**63
    keep = []
    for i in range(5):
        t += 1
        keep.append(t)
        t += 2**64
        k2 = t
        t -= 1
        keep.append(k2)
    print(t, keep)
g()

def h():
    t = 2**63 + 10
    x = t
    t += 1
    print(x, t)
    t += t
    print(t)
    t -= 2**64 + 2**63
    print(t)
    t -= 2**200
    print(t)
    t += 2**200 + 2**64 - 1
    print(t)
    for i in range(3):
        t += -1
        print(t, locals()['t'] is t)
    d = locals()
    t += 5
    print(d['t'], t)
h()

def gen():
    t = 2**64 - 3
    while True:
        x = yield t
        t += x

g2 = gen()
next(g2)
vals = [g2.send(i) for i in range(5)]
print(vals)

def walrus():
    t = 2**63 + 1
    t += (u := 1) + 1
    keep = t
    t += (t := t + 1) - t
    print(keep, t)
walrus()

def big_sub_neg():
    t = -(2**63) - 5
    got = []
    for i in range(5):
        t -= i
        got.append(t)
        t += -(2**64)
    print(t, got)
big_sub_neg()

def carry():
    t = 2**128 - 3
    ts = []
    for i in range(6):
        t += 1
        ts.append(t)
    print(ts)
    t = 2**64 - 2
    t += 2**64
    for i in range(4):
        t += 1
        print(t)
    t = -(2**128 - 2)
    for i in range(4):
        t -= 1
        print(t)
carry()

BIG = 2**70


class Weird:
    def __radd__(self, other):
        return BIG


def radd():
    t = 2**64 + 1
    t += 1
    t += Weird()  # the general path hands back a shared int
    t += 1
    print(t, BIG)


radd()


def rebind():
    shared = 2**65
    t = 2**64
    t += 1
    t = shared
    t += 1
    print(t, shared)
    for t in [2**66, 2**67]:
        t += 1
    print(t)
    t += 1
    a, t = 1, shared
    t += 1
    print(t, shared)
    try:
        t += 1
        raise ValueError(shared)
    except ValueError as t:
        print(t)
    t = 2**64
    t += 1
    del t
    t = shared
    t += 1
    print(t, shared)


rebind()
