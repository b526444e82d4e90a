print(f(1) g(2), 3)
