# Float powers (correctly rounded, as CPython's libm gives them) and round() to digits.
import math
cases = [lambda: 2.0 ** 0.5, lambda: 10.0 ** -2, lambda: 2 ** -1, lambda: (-8.0) ** 3, lambda: (-2) ** -2, lambda: 0.0 ** 0, lambda: 1.1 ** 10000, lambda: 0 ** -1, lambda: 0.0 ** -1.5,
         lambda: math.pow(2, 0.5), lambda: math.pow(-8, 1/3), lambda: math.pow(10, 400), lambda: math.pow(0, -1), lambda: pow(2.5, 3), lambda: (-1.0) ** float("inf"), lambda: float("nan") ** 0,
         lambda: 1.0000001 ** 1e7, lambda: 3 ** 0.5 * 3 ** 0.5, lambda: (-0.5) ** 2.0, lambda: round(2.675, 2), lambda: round(1e300, -300), lambda: round(-0.5), lambda: round(12345.6789, -2), lambda: round(0.125, 2)]
for i, c in enumerate(cases):
    try:
        print(i, repr(c()))
    except Exception as e:
        print(i, type(e).__name__, e)
for a, b in [(1.1, 1e15), (0.9, 1e15), (-1.0, 1e15), (-1.1, 1e15 + 1), (1.0000001, 2.0**52), (2.0, -1e15), (-0.9, 1e15+1)]:
    try:
        print(repr(a ** b))
    except Exception as e:
        print(type(e).__name__, e)
