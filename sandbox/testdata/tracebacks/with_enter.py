class C:
    def __enter__(self):
        return 1 / 0
    def __exit__(self, *a): pass
with C() as c:
    pass
