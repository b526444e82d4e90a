# kill(exc) of a greenlet in gevent.sleep, and a Timeout in a patched time.sleep
import gevent
class Stop(Exception):
    pass
def sleeper():
    gevent.sleep(10)
g = gevent.spawn(sleeper)
gevent.sleep(0)
g.kill(Stop("now"))
print("killed", g.dead)
from gevent import monkey
monkey.patch_all()
import time
with gevent.Timeout(0.1):
    time.sleep(1)
