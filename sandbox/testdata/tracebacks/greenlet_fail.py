from greenlet import greenlet
def f():
    return 1 + None
greenlet(f).switch()
