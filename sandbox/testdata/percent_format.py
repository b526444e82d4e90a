# %-formatting: conversions, flags, mappings, non-ASCII text around them, and its errors
print("acct-%d" % 5, "%s-%s" % ("a", "é"), "é%dü%s" % (1, "x"), "%(a)s/%(b)d" % {"a": "A", "b": 2}, "100%%", "%5d|%-5s|" % (3, "ab"))
print("%r %a %c %x %o %e %g %f" % ("é", "é", 233, 255, 8, 1.5, 2.5, 3.25))
print(b"%d-%s" % (1, b"x"))
for bad in ["é%y", "abc%", "%(a", "%d %d"]:
    try:
        print(bad % (1,))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print("x" % ())
except Exception as e:
    print(type(e).__name__, e)
# one %d of an int, one %s of a str: the fast path, and what it must leave to the general one
print("acct-%d" % 5, "acct-%d" % -12345678901234, "a%sb" % "xyz", "%d" % 0, "x%d" % True, "%s!" % 5, "%d%%" % 3, "%d" % (7,), "%s" % ("t",), "-%d-" % 2**70, "%d" % 3.9, "%s" % None)
