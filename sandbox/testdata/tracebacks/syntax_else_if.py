x = 3
if x > 1:
    pass
else if x > 0:
    pass
