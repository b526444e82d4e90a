# Python versions of builtins whose work calls back into user code (a class's
# __iter__ and __next__, a generator that waits, a function given to map()).
# Run as frames of the VM loop, those callbacks may switch greenlets, which a
# nested Go call could not. Frames of this module are left out of printed
# tracebacks. The engine uses them only for arguments whose iteration may
# switch; everything else keeps the Go versions.
#
# The classes at the end are named after the builtins they stand for, so this
# module must not call the builtins enumerate, zip, map or filter itself.

def list_of(it):
    result = []
    for x in it:
        result.append(x)
    return result


def tuple_of(it):
    return tuple(list_of(it))


def sorted_of(it, options):
    # CPython's sorted() also makes the whole list before it calls key or
    # checks its keywords
    result = list_of(it)
    result.sort(**options)
    return result


def sum_of(it, start):
    total = start
    for x in it:
        total = total + x
    return total


def any_of(it):
    for x in it:
        if x:
            return True
    return False


def all_of(it):
    for x in it:
        if not x:
            return False
    return True


def min_max(it, key, has_default, default, is_max, name):
    # key is called on each item as it comes, as CPython's min() and max() do
    found = False
    best = best_key = None
    for x in it:
        k = x if key is None else key(x)
        if not found:
            best, best_key, found = x, k, True
        elif is_max:
            if k > best_key:
                best, best_key = x, k
        elif k < best_key:
            best, best_key = x, k
    if found:
        return best
    if has_default:
        return default
    raise ValueError(name + "() arg is an empty sequence")


def extend_of(lst, it):
    # list.extend appends each item as it comes
    for x in it:
        lst.append(x)


def join_of(sep, it):
    # str.join makes a list of its argument first, then checks the items
    return sep.join(list_of(it))


def _take(it, into):
    # one item of it appended to into; False when it is exhausted
    for x in it:
        into.append(x)
        return True
    return False


def _enumerate(it, n):
    for x in it:
        yield (n, x)
        n += 1


def _zip(its):
    while its:
        items = []
        for it in its:
            if not _take(it, items):
                return
        yield tuple(items)


def _map(fn, its):
    while True:
        args = []
        for it in its:
            if not _take(it, args):
                return
        yield fn(*args)


def _filter(fn, it):
    for x in it:
        if fn is None:
            if x:
                yield x
        elif fn(x):
            yield x


class _Lazy:
    # an iterator made by enumerate(), zip(), map() or filter(): its items
    # come from a generator of this module, which FOR_ITER resumes in place
    def __init__(self, gen):
        self._gen = gen

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)

    def __repr__(self):
        return '<%s object at %s>' % (type(self).__name__, hex(id(self)))


class enumerate(_Lazy):
    pass


class zip(_Lazy):
    pass


class map(_Lazy):
    pass


class filter(_Lazy):
    pass


def enumerate_of(it, start):
    return enumerate(_enumerate(iter(it), start))


def zip_of(*iterables):
    return zip(_zip([iter(x) for x in iterables]))


def map_of(fn, *iterables):
    return map(_map(fn, [iter(x) for x in iterables]))


def filter_of(fn, it):
    return filter(_filter(fn, iter(it)))


def set_of(it):
    result = set()
    for x in it:
        result.add(x)
    return result


def frozenset_of(it):
    return frozenset(set_of(it))


def dict_of(it):
    # dict(pairs) as CPython checks each pair, numbered from 0
    result = {}
    i = 0
    for item in it:
        try:
            pair = iter(item)
        except TypeError:
            raise TypeError("cannot convert dictionary update sequence element #%d to a sequence" % i) from None
        pair = list_of(pair)
        if len(pair) != 2:
            raise ValueError("dictionary update sequence element #%d has length %d; 2 is required" % (i, len(pair)))
        result[pair[0]] = pair[1]
        i += 1
    return result


def unpack_of(it, limit):
    # a, b = it reads one item past its targets, and no more
    result = []
    for x in it:
        result.append(x)
        if len(result) == limit:
            break
    return result


def contains_of(it, x, negate):
    for y in it:
        if y is x or y == x:
            return not negate
    return negate


def call_star(f, it, kw):
    # f(*it, **kw) when reading it may switch greenlets
    if kw is None:
        return f(*list_of(it))
    return f(*list_of(it), **kw)
