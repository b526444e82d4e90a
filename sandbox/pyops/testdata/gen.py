# Regenerates the golden files in this folder from CPython 3.11:
#   python3 sandbox/pyops/testdata/gen.py
# Each line of floatrepr.txt is "float.hex(x) repr(x)".
import os, random, struct

here = os.path.dirname(os.path.abspath(__file__))

def floats():
    fixed = [0.0, -0.0, 0.1, 1.0, 1e16, 1.5e-05, float('inf'), float('-inf'), float('nan'),
             123456789012345.0, 1e22, 1e-4, 9.999e-5, 1e15, 9999999999999998.0, 1e17, 2.5,
             5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 1/3, 2/3, 100.0, 0.3,
             1234567890123456.7, 12345678901234567.0, 0.001, 1e-5, 3.14159, -2.75, 1e100]
    for x in fixed:
        yield x
    rng = random.Random(7)
    for _ in range(3000):
        yield struct.unpack('<d', rng.getrandbits(64).to_bytes(8, 'little'))[0]
    for _ in range(2000):
        yield rng.uniform(-1, 1) * 10 ** rng.randint(-25, 25)
    for _ in range(500):
        yield float(rng.randint(-10**18, 10**18)) / 10 ** rng.randint(0, 20)

with open(os.path.join(here, 'floatrepr.txt'), 'w') as out:
    for x in floats():
        out.write('%s %r\n' % (float.hex(x), x))
