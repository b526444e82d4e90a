# while True / while 1 compile to no test at all (as CPython): break, continue, else, return and yield inside
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("never")
while 1:
    n -= 1
    if n == 0:
        break
print(n)
def g():
    i = 0
    while True:
        i += 1
        if i == 2:
            continue
        if i > 4:
            return i
        yield i
print(list(g()))
while True:
    try:
        raise ValueError
    except ValueError:
        break
print("done")
