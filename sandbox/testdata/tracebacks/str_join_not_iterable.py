s = "  Hello, World  "
print(s.strip().lower().split(", "), s.count("l"), s.find("W"), s.replace("l", "L", 2))
print("-".join(["a", "b"]), "abc".center(9, "."), "x".zfill(4), "Title Case".swapcase())
print(" ".join(3))
