def f():
    """doc"""
    return 1
class A:
