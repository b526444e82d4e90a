# bytes % values: %s/%b take bytes-like values, %r/%a give ascii(), numbers as for str.
print(b"msg%d" % 5, b"%s and %s" % (b"x", bytearray(b"y")), b"%r %a" % ("\xe9", 1), b"%5.2f|%-4d|%x" % (3.14159, 7, 255))
print(b"%c%c" % (65, b"B"), b"\xff%d" % 1, b"%(k)s" % {b"k": b"v"} if False else b"-", b"100%%" % ())
try:
    b"%s" % "text"
except TypeError as e:
    print("TypeError:", e)
try:
    b"%c" % 300
except OverflowError as e:
    print("OverflowError:", e)
