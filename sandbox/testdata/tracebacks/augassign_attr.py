class C: pass
c = C()
c.n = "a"
c.n += 1
