# f(*gen) where gen waits on gevent: the call is made by a helper frame in the VM loop
import gevent

def slow(items):
    for x in items:
        gevent.sleep(0.02)
        print("  yield", x)
        yield x

def show(*args, **kw):
    print("called with", args, kw)
    return len(args)

def main():
    print(show(*slow([1, 2])))
    print(show(0, *slow("ab"), sep="-"))
    print(show(*slow([]), **{"k": 1}))
    try:
        show(*slow([1]), **{1: 2})
    except TypeError as e:
        print("TypeError:", e)
    def two(a, b):
        return a + b
    try:
        two(*slow([1, 2, 3]))
    except TypeError as e:
        print("TypeError:", e)
    return "ok"

def ticker():
    for i in range(2):
        print("tick", i)
        gevent.sleep(0.05)  # 10 ms from any wake-up above: real gevent runs on the real clock

g = gevent.spawn(main)
gevent.joinall([g, gevent.spawn(ticker)])
print(g.value)
