# After monkey.patch_all() threads are greenlets: a thread that computes is never preempted.
from gevent import monkey; monkey.patch_all()
import threading
counts = {}
def spin(name):
    n = 0
    for i in range(300000):
        n += 1
        if i % 100000 == 0:
            print(name, i)
    counts[name] = n
ts = [threading.Thread(target=spin, args=(x,)) for x in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counts)
