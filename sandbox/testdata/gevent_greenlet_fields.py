# a Greenlet's read-only attributes (gevent's compiled fields) and its name in its repr
import gevent
class W(gevent.Greenlet): pass
g=gevent.spawn(print); w=W()
for o in (g,w):
  for a in ('args','kwargs','value','exception','dead','started','name','minimal_ident','_run','foo'):
    try: setattr(o,a,1); print(a,'ok')
    except Exception as e: print(a,type(e).__name__,e)
try: del g.value
except Exception as e: print('del',type(e).__name__,e)
try:
    g.args = (1,)
except AttributeError as e:
    print(e)
gevent.joinall([g])
print(g.value, g.args)
def f(): pass
g = gevent.spawn(f)
print(repr(g).split(" at ")[0])
g.name
print(repr(g).split(" at ")[0])
h = gevent.spawn(f)
h.name = "worker"
print(repr(h).split(" at ")[0], str(h).split(" at ")[0])
k = gevent.spawn(f)
repr(k)
k.name = "late"
print(repr(k).split(" at ")[0], repr(k).split(": ")[-1])
