# Regenerates the golden files in this folder from CPython 3.11:
#   python3 sandbox/pyops/testdata/gen.py
# Each line of floatrepr.txt is "float.hex(x) repr(x)".
import os, sys, random, struct

here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

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

# arith.txt: "op|a|b|c|result", ints in decimal, floats as float.hex, result as repr or
# "!Type: message".
def fmt(v):
    if isinstance(v, float):
        return float.hex(v)
    return str(v)

def res(f):
    try:
        v = f()
    except Exception as e:
        return '!%s: %s' % (type(e).__name__, e)
    if isinstance(v, str):
        return v
    if isinstance(v, tuple):
        return ','.join(fmt(x) for x in v)
    return fmt(v)

rng = random.Random(11)
def rint():
    return rng.choice([0, 1, -1, 2, -2, 3, 7, -7, 2**63 - 1, -2**63, 10**20, -10**20,
                       rng.randint(-1000, 1000), rng.randint(-2**70, 2**70), rng.randint(-50, 50)])
def rfloat():
    return rng.choice([0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 0.5, 1e300, -1e300, float('inf'),
                       float('-inf'), float('nan'), 3.0, rng.uniform(-100, 100),
                       rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20)])
lines = []
for _ in range(1500):
    a, b = rint(), rint()
    lines.append(('ifloordiv', a, b, 0, res(lambda: a // b)))
    lines.append(('imod', a, b, 0, res(lambda: a % b)))
    lines.append(('idivmod', a, b, 0, res(lambda: divmod(a, b))))
    lines.append(('itruediv', a, b, 0, res(lambda: a / b)))
    e = abs(b) % 70
    lines.append(('ipow', a, e, 0, res(lambda: a ** e)))
    c = rint()
    lines.append(('ipowmod', a, b, c, res(lambda: pow(a, b, c))))
    s = b % 100 - 5
    lines.append(('ilshift', a, s, 0, res(lambda: a << s)))
    lines.append(('irshift', a, s, 0, res(lambda: a >> s)))
    n = rng.randint(-25, 3)
    lines.append(('iround', a, n, 0, res(lambda: round(a, n))))
    lines.append(('itofloat', a, 0, 0, res(lambda: float(a))))
for _ in range(1500):
    a, b = rfloat(), rfloat()
    lines.append(('ffloordiv', a, b, 0, res(lambda: a // b)))
    lines.append(('fmod', a, b, 0, res(lambda: a % b)))
    lines.append(('fdivmod', a, b, 0, res(lambda: divmod(a, b))))
    lines.append(('ftruediv', a, b, 0, res(lambda: a / b)))
    lines.append(('fpow', a, b, 0, res(lambda: (lambda r: 'complex' if isinstance(r, complex) else r)(a ** b))))
    lines.append(('fround', a, 0, 0, res(lambda: round(a))))
    n = rng.randint(-10, 20)
    lines.append(('froundn', a, n, 0, res(lambda: round(a, n))))
    lines.append(('ftoint', a, 0, 0, res(lambda: int(a))))
with open(os.path.join(here, 'arith.txt'), 'w') as out:
    for op, a, b, c, r in lines:
        out.write('%s|%s|%s|%s|%s\n' % (op, fmt(a), fmt(b), fmt(c), r))

# format.txt: "kind|value|spec|result", kind i/f/s, floats as float.hex, result escaped with
# unicode_escape, or "!Type: message".
specs_num = ['', 'd', 'x', 'X', 'o', 'b', '#x', '#o', '#b', '+d', ' d', '-d', '10', '<10', '>10',
             '^10', '=10', '010', '*^12', '+010', ',', '_', '_x', '_b', '015,', '015_', '#010x',
             'c', 'e', 'E', 'f', 'F', 'g', 'G', '%', '.2f', '.0f', '#.0f', '.3e', '.0e', '#.0e',
             '.3g', '.10g', '#g', '#.3g', '.2%', ',.2f', '015,.2f', '+.1f', 'z.1f', 'z.0f', ' g',
             '.1', '.3', '.12', '#', 'n', '.17g', '.20f', '.30e', '12.3f', '-^15.4e', '.5G',
             'q', 'abc', '.', ',_', ',c', '+c', '#c', 'z', 's', '=10s', '.2', ',n', '0>8', 'x<8',
             '€>8', '08.3f', 'zd', '.999999999999999999999f', '999999999999999999999']
specs_str = ['', 's', '10', '<10', '>10', '^10', '*^9', '.2', '10.3', '+', '=5', '05', ',',
             '#', 'z', 'd', '€^7']
def esc(s):
    return s.encode('unicode_escape').decode('ascii').replace('|', '\\x7c')
ints = [0, 1, -1, 7, -7, 42, 255, -255, 1234567, -1234567, 10**20, -10**25, 65, 0x10ffff,
        0x110000, 2**64]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 1.5, 0.1, -0.0001, 1e-5, 123.456, 1234567.891,
          1e16, 1e22, 1.5e-10, 1e100, float('inf'), float('-inf'), float('nan'), 100.0,
          0.00012345, 9.9999, 999999.5, 1e15, 0.125, -123456789.125, 5e-324, -0.004]
with open(os.path.join(here, 'format.txt'), 'w') as out:
    for kind, vals, specs in (('i', ints, specs_num), ('f', floats, specs_num), ('s', ['', 'abc', 'héllo', 'a\u20acb', 'longer string here'], specs_str)):
        for v in vals:
            for s in specs:
                r = res(lambda: format(v, s))
                out.write('%s|%s|%s|%s\n' % (kind, fmt(v) if kind != 's' else esc(v), esc(s), r if r.startswith('!') else esc(r)))

# percent.txt: "format|args|result" (escaped). args: "T" + items for a tuple, "M" + items as
# key=value pairs for a dict, or one item; items are i:int, f:float.hex, s:str, b:bool,
# joined by ';'.
def enc(v):
    if isinstance(v, bool):
        return 'b:%d' % v
    if isinstance(v, int):
        return 'i:%d' % v
    if isinstance(v, float):
        return 'f:' + float.hex(v)
    return 's:' + esc(v).replace(';', '\\x3b').replace('=', '\\x3d')
def encargs(a):
    if isinstance(a, tuple):
        return 'T' + ';'.join(enc(x) for x in a)
    if isinstance(a, dict):
        return 'M' + ';'.join(k + '=' + enc(v) for k, v in a.items())
    return enc(a)
pcases = [('%d', 'a'), ('%x', 1.5), ('%f', 'a'), ('%c', 'ab'), ('%c', 1.5), ('%c', -1), ('%c', 'x'),
          ('%c', 233), ('%d %d', (1,)), ('%d', (1, 2)), ('%(a)s', (1,)), ('%(a)s', {'b': 1}),
          ('%(a)s-%(b)d', {'a': 'x', 'b': 2}), ('%q', 1), ('%', 1), ('%(a', {}), ('%*d', (1.5, 2)),
          ('%.*f', ('a', 1.0)), ('%s', ()), ('%s %s', {'a': 1}), ('%x', -255), ('%#x', 255),
          ('%#X', 255), ('%#o', 8), ('%o', 8), ('%e', 1e100), ('%5.1s', 'abc'), ('%-5d|', 3),
          ('%05d', -3), ('%+.2e', 0.0), ('%r', 'a'), ('%a', 'é'), ('%i', True), ('%u', 3.9),
          ('%g', 1e-05), ('%%', ()), ('abc', 1), ('abc', ()), ('%#g', 1.0), ('% d', 5),
          ('%s and %s', ('a', 'b')), ('%10.3f|', 3.14159), ('%-10s|', 'hi'), ('%*d', (5, 42)),
          ('%-*d|', (5, 42)), ('%.3d', 5), ('%+d', 5), ('%.2f%%', 12.345), ('%s', 1.5),
          ('%r', 1e16), ('%d', 2**70), ('%x', 2**70), ('%.1f', 0.25), ('%.0f', 2.5),
          ('%5s|%-5s|', ('a', 'b')), ('%s', 'é€'), ('%3c|', 'é'), ('%ld', 3), ('%E', 12345.678),
          ('%G', 1e-10), ('%d', 'x'), ('%s %d', ('a', 'b')), ('%(x)s %%', {'x': 1})]
with open(os.path.join(here, 'percent.txt'), 'w') as out:
    for f, a in pcases:
        r = res(lambda: f % a)
        out.write('%s|%s|%s\n' % (esc(f), encargs(a), r if r.startswith('!') else esc(r)))

# text.txt: "op|input|result" (escaped). ops: srepr, brepr (input as latin-1 escaped bytes),
# int<base>, float.
trng = random.Random(5)
samples = ["", "a", "it's", 'say "hi"', 'both \' and "', "tab\tnl\nret\r", "back\\slash",
           "\x00\x1f\x7f\x80\x9f\xa0\xad", "é€😀", "\u200b\u2028\u2029\u3000\ufeff", "\ud7ff\ue000",
           "\U000e0001\U0010ffff", "\u0378\u0380", "café"]
for _ in range(400):
    samples.append(''.join(chr(trng.choice([trng.randint(0, 0x7f), trng.randint(0x80, 0x3000),
                                            trng.randint(0, 0x10ffff)])) for _ in range(6)))
samples = [x for x in samples if not any(0xd800 <= ord(c) < 0xe000 for c in x)]
tlines = []
for x in samples:
    tlines.append(('srepr', esc(x), esc(repr(x))))
for bs in [b"", b"abc", b"it's", b"\x00\xff\n\t\\", b'"\'', bytes(range(256))]:
    tlines.append(('brepr', esc(bs.decode('latin-1')), esc(repr(bs))))
ints = ['0', '12', ' -12 ', '+7', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101',
        '010', '000', '0_0', 'abc', '', ' ', '12a', '١٢', '0x', '0x_1', 'z', 'Z', '-0', '9' * 5000,
        '\t42\n', '1 2', '++1', '0b2']
for x in ints:
    for base in (10, 0, 16, 2, 36, 8, 1, 37):
        if len(x) > 100 and base in (16, 2, 8):
            continue  # parses, but the result has too many digits to print
        r = res(lambda: int(x, base))
        tlines.append(('int%d' % base, esc(x), r if r.startswith('!') else esc(r)))
flts = ['1', '1.5', ' -2.5e3 ', '1_000.5', '1__0', '_1', '1e', '1e+', '.5', '5.', '.', 'inf', '-Infinity',
        'nan', '+NaN', 'infx', '1e400', '-1e400', '1e-400', 'abc', '', '0x1p3', '1_e5', '1e1_0',
        '1.2.3', '--1', '1_000_000.000_1', '\n3.25\t', 'e5', '1.e5', '٣']
for x in flts:
    r = res(lambda: float(x))
    tlines.append(('float', esc(x), r if r.startswith('!') else esc(r)))
with open(os.path.join(here, 'text.txt'), 'w') as out:
    for op, x, r in tlines:
        out.write('%s|%s|%s\n' % (op, x, r))

# hash.txt: "kind|value|hash(value)|bin|oct|hex" for ints, "f|hex|hash" for floats.
hrng = random.Random(3)
with open(os.path.join(here, 'hash.txt'), 'w') as out:
    for v in [0, 1, -1, -2, 2**61 - 1, 2**61, -2**61, 2**63 - 1, -2**63, 2**64, 10**30, -10**30] + \
             [hrng.randint(-2**200, 2**200) for _ in range(200)]:
        out.write('i|%d|%d|%s|%s|%s\n' % (v, hash(v), bin(v), oct(v), hex(v)))
    for v in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 1e300, 1e-300, float('inf'), float('-inf'), 2.0**61, 2.0**62] + \
             [hrng.uniform(-1, 1) * 10 ** hrng.randint(-30, 30) for _ in range(300)]:
        out.write('f|%s|%d\n' % (float.hex(v), hash(v)))

# strmethods.txt: "op|args...|result" with strings escaped and lists joined by '\x1e'.
def joinl(xs):
    return '\x1e'.join(esc(x) for x in xs) if xs else '<empty>'
smp = ['', '  a b  c ', 'a,b,,c', '\ta\u3000b\x1c c\n', 'one\r\ntwo\rthree\nfour\x85five\u2028six\v', 'abc',
       ',,a,,', 'x\n\n', 'a\tbc\td\n\tz', '  lead', 'trail  ', '\u00a0nbsp\u00a0']
with open(os.path.join(here, 'strmethods.txt'), 'w') as out:
    for x in smp:
        for sep in (None, ',', ' ', 'ab'):
            for mx in (-1, 0, 1, 2):
                out.write('split|%s|%s|%d|%s\n' % (esc(x), '<None>' if sep is None else esc(sep), mx, joinl(x.split(sep, mx))))
                out.write('rsplit|%s|%s|%d|%s\n' % (esc(x), '<None>' if sep is None else esc(sep), mx, joinl(x.rsplit(sep, mx))))
        for ke in (False, True):
            out.write('splitlines|%s|%d|%s\n' % (esc(x), ke, joinl(x.splitlines(ke))))
        for ch in (None, ' ,', 'a'):
            out.write('strip|%s|%s|%s|%s|%s\n' % (esc(x), '<None>' if ch is None else esc(ch), esc(x.strip(ch)), esc(x.lstrip(ch)), esc(x.rstrip(ch))))
        for ts in (8, 4, 0, 1):
            out.write('expandtabs|%s|%d|%s\n' % (esc(x), ts, esc(x.expandtabs(ts))))
