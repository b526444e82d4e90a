# functools: higher-order helpers.

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        try:
            setattr(wrapper, attr, value)
        except (AttributeError, TypeError):
            pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    def decorate(wrapper):
        return update_wrapper(wrapper, wrapped, assigned)
    return decorate


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend("%s=%r" % (k, v) for k, v in self.keywords.items())
        return "functools.partial(" + ", ".join(parts) + ")"


_missing = object()


def reduce(function, iterable, initial=_missing):
    it = iter(iterable)
    if initial is _missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo(tuple):
    pass


def lru_cache(maxsize=128, typed=False):
    def decorating(user_function):
        cache = {}
        order = []
        stats = [0, 0]

        def wrapper(*args, **kwds):
            key = args
            if kwds:
                key = args + (object,) + tuple(kwds.items())
            if key in cache:
                stats[0] += 1
                return cache[key]
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            order.append(key)
            if maxsize is not None and len(order) > maxsize:
                del cache[order.pop(0)]
            return result

        def cache_info():
            return _cache_info_type()(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            order.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, user_function)

    if callable(maxsize) and not isinstance(maxsize, int):
        user_function, maxsize = maxsize, 128
        return decorating(user_function)
    return decorating


_CacheInfo = None


def _cache_info_type():
    # made on first use: collections is imported only by programs that ask
    global _CacheInfo
    if _CacheInfo is None:
        from collections import namedtuple
        _CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
    return _CacheInfo


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


def total_ordering(cls):
    d = cls.__dict__
    if '__lt__' in d:
        if '__gt__' not in d:
            cls.__gt__ = lambda self, other: other < self
        if '__le__' not in d:
            cls.__le__ = lambda self, other: not other < self
        if '__ge__' not in d:
            cls.__ge__ = lambda self, other: not self < other
    return cls


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
    return K
