# iterating Pool.imap() reaches a failed greenlet
import gevent
from gevent.pool import Pool
def job(n):
    gevent.sleep(0.01 * n)
    return 10 // (n - 1)
p = Pool(2)
for r in p.imap(job, [0, 1, 2]):
    print(r)
