# printf-style precision on ints (at least that many digits) and str.format's nested
# automatic fields, as CPython formats them.
for f, v in [("%5.2x", 255), ("%.3d", 5), ("%+.3d", 5), ("%-6.3x|", 255), ("%#.4x", 255), ("%#.4X", 255), ("%#.4o", 8), ("%05.3d", 5), ("%-+8.4d|", -42), ("% .2d", 7), ("%.0d", 0), ("%.d", 3), ("%10.5i", -123), ("%.3u", 9), ("%3.1x", 255), ("%.30d", 10**25), ("%5d", 42), ("%-5d|", 42), ("%#x", 255), ("%05x", 255), ("%+d", 3)]:
    try:
        print(repr(f), repr(f % v))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
print("{:>{}}".format("a", 5))
print("{0:>{1}}".format("a", 5))
print("{:{}}".format("a", 5))
w=5
print(f"{'a':>{w}}")
print("{:{}}{}".format("a", 3, "b"))
print("{:{}.{}}|{}".format(3.14159, 8, 3, "z"))
print("{0:{1}}{2}".format("a", 3, "b"))
