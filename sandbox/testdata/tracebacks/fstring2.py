x = 0
y = f"a {x} b {1 / x!r:>10} c"
