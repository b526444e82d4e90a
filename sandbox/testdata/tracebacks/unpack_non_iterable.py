def pair():
    return None

first, second = pair()
