# Formatting: f-strings, format specs, str.format, %-formatting, reprs of numbers.
x, name = 3.14159, "tour"
print(f"{x:.2f} {x:10.3f}| {x:<8.1f}| {x:e} {x:g} {1e20:g} {0.0001:g}")
print(f"{42:5d}|{42:<5d}|{42:^7d}|{42:05d}|{-42:+d}|{42:x}|{42:#X}|{42:b}|{1234567:,}|{1234567:_}")
print(f"{name!r} {name:>8} {name:*^10} {'x'=} {x=:.1f}")
print("{} {} {}".format(1, "a", None), "{1}{0}".format("a", "b"), "{n:>4}".format(n=7))
print("%s %r %5.1f %-4d| %x %o %e %%" % ("s", "r", 2.25, 7, 255, 8, 1234.5))
print("%(a)s-%(b)03d" % {"a": "k", "b": 5})
print(0.1 + 0.2, 1 / 3, 2 ** 0.5, 1e16, 1.5e-7, 123456789.0, float("inf"), -0.0, 10 / 2)
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** 100, 10 ** 20 // 7, divmod(-7, 2), round(2.5), round(3.5), round(2.675, 2))
print(int("  42 "), float(" 1e3"), hex(255), oct(8), bin(5), abs(-3.5), int(-3.9), 5 / 2 * 2)
print(str(1.0), repr(1.10), 3 * "ab", "a,b,,c".split(","), " x ".strip(), "Title Case".swapcase())
print(format(1234.5678, ",.2f"), format(0.25, ".1%"), format("left", "<6") + "|")
print("a%db%sc%i|%u" % (5, "x", -3, 7), "%s" % "only", "%d" % True, "%s" % 5, "%d%%" % 50, "%-3d|%3s|" % (1, "ab"))
print("%(a)s-%(b)d" % {"a": "A", "b": 2}, "%s" % (1,), "%d" % 10**20)
print(repr("% r" % ""), repr("% s" % "x"), repr("%+s" % "y"), b"% a" % b"", b"% s" % b"z")
for v in (65, "x", 0.0, "xy", -1, 0x110000):
    try:
        print("%c" % v)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    "%\x00" % ""
except ValueError as e:
    print(e)
try:
    "%é" % 1
except ValueError as e:
    print(e)
try:
    "%y" % 1
except ValueError as e:
    print(e)
