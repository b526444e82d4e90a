# Group.join(raise_error=True) re-raises a greenlet's exception
import gevent
from gevent.pool import Group
def job(n):
    return int("x" * n)
grp = Group()
grp.spawn(job, 2)
grp.join(raise_error=True)
