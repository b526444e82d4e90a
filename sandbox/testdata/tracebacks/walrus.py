if (n := 1 / 0):
    pass
