try:
    x = 1


