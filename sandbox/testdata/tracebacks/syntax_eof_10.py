if x:
    pass
elif y:

# c
