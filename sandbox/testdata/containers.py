# Containers: slicing, comprehensions, unpacking, dict and set operations, sorting.
nums = list(range(10))
print(nums[2:8:2], nums[::-3], nums[-3:], nums[:-7], nums[5:2], nums[::-1][:3])
nums[1:3] = ["a", "b", "c"]
del nums[::4]
print(nums)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], list(zip(*matrix)))
print({k: v for k, v in zip("abc", range(3)) if v}, {x % 3 for x in range(10)})
first, *middle, last = range(6)
(a, b), c = (1, 2), 3
print(first, middle, last, a, b, c)
d = dict(a=1, b=2)
d.update(c=3)
d |= {"d": 4}
print(d, list(d.items())[-1], d.get("z", "none"), sorted(d, reverse=True))
s1, s2 = {1, 2, 3}, {2, 3, 4}
print(s1 | s2, s1 & s2, s1 - s2, s1 ^ s2, s1 <= s2, frozenset([1, 1, 2]))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(min(words, key=len), max(3, 7, 5), sum([0.5, 0.25]), any([]), all([]))
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))), list(filter(str.isupper, "aBcD")))
print(tuple(reversed((1, 2, 3))), list(enumerate("xy", 10)), [*range(3), *"ab"])
t = (1, [2, 3])
t[1].append(4)
print(t, (1, 2) + (3,), (1,) * 3, t.count(1), len(t))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
nested = {"k": [1, {"x": (2, 3)}]}
print(nested, nested["k"][1]["x"][1])
