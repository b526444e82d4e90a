# Builtins called with missing or wrong-kind arguments raise TypeError (the messages differ from CPython; the types do not).
tests = [lambda: oct(), lambda: chr(), lambda: len(), lambda: abs(), lambda: [].append(), lambda: "x".join(), lambda: ord(5)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError")
for b in (1, 37, -1, 0, 2, 36):
    try:
        print(int("10", b))
    except ValueError as e:
        print(e)

# id() of tuples
a = (1, 2)
b = a
print(id(a) == id(b), id(()) == id(()), id((3,)) > 0, {id(a): 1}[id(b)])
