print(sep="-", "a")
