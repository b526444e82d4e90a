import gevent


def fetch(urls):
    return [u.upper() for u in urls] + urls[3]


def deep():
        total = 1 + None


def short():
    x()


for fn, args in [(fetch, (["a", "b"],)), (deep, ()), (short, ())]:
    g = gevent.spawn(fn, *args)
    g.join()
    t, v, tb = g.exc_info
    try:
        raise v.with_traceback(tb)
    except Exception as e:
        print(type(e).__name__, e)


def waiter(g):
    t, v, tb = g.exc_info
    raise v.with_traceback(tb)


gevent.spawn(waiter, gevent.spawn(fetch, ["c"])).join()
g = gevent.spawn(deep)
g.join()
raise g.exc_info[1].with_traceback(g.exc_info[2])
