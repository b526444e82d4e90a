# Golden: the engine's output against the default simulated internet (CPython
# would need the internet): a synchronous crawl takes the sum of the pages'
# latencies (0.29 + 0.19 + 0.12 s), a monkey-patched asynchronous one the largest.
from gevent import monkey; monkey.patch_all()
import gevent, time
from urllib.request import urlopen

urls = ['http://www.cnblogs.com/alex3714/articles/5248247.html',
        'http://www.cnblogs.com/chen170615/p/8797609.html',
        'http://www.cnblogs.com/chen170615/p/8761768.html']


def f(url):
    data = urlopen(url).read()
    print('%d bytes from %s' % (len(data), url))


t = time.time()
for u in urls:
    f(u)
print("sync: %.2f" % (time.time() - t))
t = time.time()
gevent.joinall([gevent.spawn(f, u) for u in urls])
print("async: %.2f" % (time.time() - t))
