def d(f):
    return f.nope
@d
def g(): pass
