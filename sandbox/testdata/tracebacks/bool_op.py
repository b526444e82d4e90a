v = 0 or 1/0
