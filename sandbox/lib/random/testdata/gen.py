# Regenerates golden.txt from CPython 3.11: python3 sandbox/lib/random/testdata/gen.py
# For each seed, one line per call, in order: "name result" (floats as repr).
import os, sys, random

here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
seeds = [0, 1, 2, 42, 12345, -7, 2**80 + 3, 'hello', b'abc', '']
with open(os.path.join(here, 'golden.txt'), 'w') as out:
    for sd in seeds:
        random.seed(sd)
        out.write('seed %r\n' % (sd,))
        w = lambda name, v: out.write('%s %r\n' % (name, v))
        for _ in range(5):
            w('random', random.random())
        for _ in range(5):
            w('randint', random.randint(1, 100))
        w('randint_big', random.randint(-10**30, 10**30))
        for _ in range(5):
            w('choice', random.choice(range(10)))
        x = list(range(10)); random.shuffle(x); w('shuffle', x)
        w('sample', random.sample(range(100), 5))
        w('sample_small', random.sample(range(10), 3))
        w('sample_big', random.sample(range(1000), 30))
        w('getrandbits', random.getrandbits(70))
        w('getrandbits5', random.getrandbits(5))
        w('randrange', random.randrange(0, 100, 7))
        w('randrange_neg', random.randrange(100, 0, -3))
        w('randrange1', random.randrange(50))
        w('choices', random.choices(range(10), k=5))
        w('choices_w', random.choices(range(10), weights=range(1, 11), k=5))
        for _ in range(3):
            w('gauss', random.gauss(0, 1))
        w('normalvariate', random.normalvariate(1, 2))
        w('expovariate', random.expovariate(2))
        w('uniform', random.uniform(1, 5))
        w('triangular', random.triangular(0, 10, 3))
        st = random.getstate()
        w('state', (st[1][0], st[1][623], st[1][624]))
