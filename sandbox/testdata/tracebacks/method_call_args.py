class C:
    def m(self, x):
        return x.y
C().m(1)
