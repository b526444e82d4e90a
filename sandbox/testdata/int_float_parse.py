# int() and float() of text: CPython's rules (Unicode digits, no 0-prefixed octal, underscores
# only between digits), and of bytes.
cases = [("010", 0), ("0_1", 10), (" 1 ", 10), ("١٢٣", 10), ("+-1", 10), ("1__0", 10), ("0x_1f", 0), ("0x1f", 16), ("1f", 16), ("z", 36), ("0b102", 0), ("  -0o17 ", 0), ("00", 0), ("0_0", 0), ("1_", 10), ("", 10), ("\t12\n", 10), ("12", 1), ("12", 37), ("٣.١", 10), ("1e3", 10), ("0X1F", 0), ("0B11", 2), ("９", 10)]
for s, b in cases:
    try:
        print(repr(s), b, repr(int(s, b)))
    except ValueError as e:
        print(repr(s), b, "ValueError", e)
for s in ["١٢٣.٥", " 1_0.5e1 ", "1__0", "nan", "-iNF", "1e", "٣"]:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for c in [lambda: int(b"12"), lambda: int(b"0x1f", 0), lambda: int(b" 7 "), lambda: int(b"abc"), lambda: float(b"1.5"), lambda: int("12", 1), lambda: int("9", 8), lambda: int(" ", 10), lambda: float(""), lambda: float("1e500"), lambda: int(bytearray(b"42"))]:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__, e)
try:
    float(b"x")
except ValueError as e:
    print(e)
try:
    int(bytearray(b"q"))
except ValueError as e:
    print(e)
