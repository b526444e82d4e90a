# Golden: not CPython (it needs the internet) but the sizes the seed document shows,
# served by the default simulated internet.
# Seed 000, example 2: "Automatically switch tasks when IO blocking is encountered".
# oracle-run: no (see README.md)
# FAITHFUL reconstruction. Needs the internet; see s000_02_crawl_offline.py for the
# runnable, deterministic variant.
from gevent import monkey; monkey.patch_all()
import gevent
from urllib.request import urlopen

def f(url):
    print('GET:%s' % url)
    resp = urlopen(url)
    data = resp.read()
    print('%d bytes received from %s.' % (len(data), url))

gevent.joinall([
    gevent.spawn(f, 'https://www.python.org/'),
    gevent.spawn(f, 'https://www.yahoo.com/'),
    gevent.spawn(f, 'https://github.com/'),
])
