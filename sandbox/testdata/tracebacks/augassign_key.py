counts = {}
for w in "a b a".split():
    counts[w] += 1
