# format() and f-string specs for ints, bools, floats and strs, with the errors CPython
# raises for specs that do not fit the type.
tests = [(3, ">5.5"), (3, ".2"), (3, "s"), (3.5, "d"), ("a", "d"), ("a", ".2"), ("abc", ".2"), (3, ",x"), (3, "_x"), (3, "=5"), ("a", "=5"), (True, ".2"), (3, "+s"), ("a", "+"), (3.5, ",.2f"), (3, ".0f"), (10**20, ".3"), (3, "#x"), (3, "c"), (-1, "c"), (3.5, "c"), ("a", "#"), (3, ",_"), (None, ">5"), (None, "d"), ([1], "")]
for v, spec in tests:
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(v), repr(spec), type(e).__name__, e)
print(repr(format(True, ">5")), repr(format(True, "d")), repr(format(False, "^7")), repr(f"{True:5}"))
