# The VM fuses common runs of instructions (compile/fuse.go). Each fused run
# must behave exactly as its instructions one by one, in the common case and
# in every other: unbound locals, big ints, floats, objects, errors and lines.

def arith(a, b):
    s = a + b
    d = a - 1
    p = a * b
    q = a // 2
    m = b % 3
    x = a & b | 1 ^ b
    return s, d, p, q, m, x

print(arith(7, 5))
print(arith(2**62, 2**62))          # the sum leaves the small ints
print(arith(-2**63, 3))
print(arith(True, False))

def floats(a, b):
    return a + b, a - 1, a * b, a // 2, b % 3, a < b, a == 7.5

print(floats(7.5, 2.0), floats(7, 2.5))

def concat(a, b):
    return a + b, a * 2

print(concat("ab", "cd"), concat([1], [2]), concat((1,), (2,)))

def compare(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= 2:
        out.append("le2")
    if not a == b:
        out.append("ne")
    if a > b:
        out.append("gt")
    while a >= 0:
        a -= 1
    out.append(a)
    flag = a != b
    out.append(flag)
    return out

print(compare(1, 2), compare(3, 2), compare(2.5, 2))
print("a" < "b", "b" <= "a", [1] < [2])

def unbound_second(flag):
    if flag:
        b = 1
    a = 2
    return a + b

try:
    unbound_second(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def unbound_first(flag):
    if flag:
        a = 1
    return a < 3

try:
    unbound_first(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def inplace(items, n):
    total = 0
    alias = items
    for i in range(n):
        total += i * i
        items += [i]           # a list's += is in place: alias sees it
    t = (1,)
    t2 = t
    t += (2,)
    return total, alias is items, alias, t, t2

print(inplace([], 4))

class Counter:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Counter(self.v + other)
    def __iadd__(self, other):
        self.v += other * 10
        return self
    def __lt__(self, other):
        return self.v < other
    def __repr__(self):
        return "Counter(%r)" % self.v

def objects(c):
    d = c + 1
    c += 1
    return c, d, c < 100, d < 3

print(objects(Counter(1)))

def loops(n):
    seen = []
    for i in range(n):
        if i == 3:
            continue
        if i > 6:
            break
        seen.append(i)
    else:
        seen.append("no break")
    for j in range(10, 0, -3):
        seen.append(j)
    for k in range(0):
        seen.append("never")
    for c in "ab":
        seen.append(c)
    return seen

print(loops(5), loops(10))

def shadow(n):
    i = "before"
    for i in range(n):
        pass
    return i

print(shadow(0), shadow(3))

def gen(n):
    total = 0
    for i in range(n):
        total += yield total + i
    return total

g = gen(3)
print(next(g), g.send(10), g.send(20))
try:
    g.send(30)
except StopIteration as e:
    print("returned", e.value)

def zero(a, b):
    x = a % b
    return x

try:
    zero(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def bigmul(a):
    return a * a, a - -1, a // -7, a % -7

print(bigmul(2**40), bigmul(-3**39))

# loops at module level store their variable as a global
total = 0
for k in range(5):
    total += k
print(k, total)
for k in range(0):
    pass
print(k)
for name in ["a", "b"]:
    pass
print(name)


class Table:
    rows = []
    for r in range(3):      # a class body's loop stores in the class namespace
        rows.append(r * r)


print(Table.rows, Table.r, "r" in globals())


def fails(a, b):
    r = a - b
    return r

fails(5, "x")
