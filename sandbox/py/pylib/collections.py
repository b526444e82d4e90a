# collections: deque, defaultdict, Counter, OrderedDict and namedtuple.
# They are plain classes here (not subclasses of the built-in types).


class deque:
    # A list with a moving head: append and popleft are O(1) amortised. The
    # rare operations on the left or the middle compact the list first.
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError("maxlen must be non-negative")
        self._items = []
        self._head = 0
        self.maxlen = maxlen
        self.extend(iterable)

    def _compact(self):
        if self._head:
            del self._items[:self._head]
            self._head = 0

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) - self._head > self.maxlen:
            self.popleft()

    def appendleft(self, x):
        self._compact()
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if len(self._items) <= self._head:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if len(self._items) <= self._head:
            raise IndexError("pop from an empty deque")
        x = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head > 64 and self._head * 2 > len(self._items):
            self._compact()
        return x

    def rotate(self, n=1):
        self._compact()
        if self._items:
            n %= len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items = []
        self._head = 0

    def count(self, x):
        return self._items[self._head:].count(x)

    def remove(self, x):
        self._compact()
        self._items.remove(x)

    def reverse(self):
        self._compact()
        self._items.reverse()

    def copy(self):
        return deque(self._items[self._head:], self.maxlen)

    def index(self, x):
        return self._items[self._head:].index(x)

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __iter__(self):
        return iter(self._items[self._head:])

    def __reversed__(self):
        return reversed(self._items[self._head:])

    def __getitem__(self, i):
        self._compact()
        return self._items[i]

    def __setitem__(self, i, v):
        self._compact()
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items[self._head:]

    def __eq__(self, other):
        return isinstance(other, deque) and self._items[self._head:] == other._items[other._head:]

    def __repr__(self):
        items = self._items[self._head:]
        if self.maxlen is None:
            return "deque(%r)" % (items,)
        return "deque(%r, maxlen=%d)" % (items, self.maxlen)


class _DictLike:
    # the shared body of the dict-like classes below: a dict in self._d
    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if args:
            self._d.update(args[0]._d if isinstance(args[0], _DictLike) else args[0])
        self._d.update(kwargs)

    def __getitem__(self, key):
        return self._d[key]

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._d == other._d
        return self._d == other

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def clear(self):
        self._d.clear()

    def copy(self):
        new = self.__class__.__new__(self.__class__)
        new.__dict__.update(self.__dict__)
        new._d = dict(self._d)
        return new


class defaultdict(_DictLike):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        _DictLike.__init__(self, *args, **kwargs)

    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        return self.__missing__(key)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def __repr__(self):
        return "defaultdict(%r, %r)" % (self.default_factory, self._d)


class Counter(_DictLike):
    def __init__(self, iterable=None, **kwds):
        self._d = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def __getitem__(self, key):
        return self._d.get(key, 0)

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, (dict, _DictLike)):
                for elem, count in iterable.items():
                    self._d[elem] = self._d.get(elem, 0) + count
            else:
                for elem in iterable:
                    self._d[elem] = self._d.get(elem, 0) + 1
        for elem, count in kwds.items():
            self._d[elem] = self._d.get(elem, 0) + count

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, (dict, _DictLike)):
                for elem, count in iterable.items():
                    self._d[elem] = self._d.get(elem, 0) - count
            else:
                for elem in iterable:
                    self._d[elem] = self._d.get(elem, 0) - 1
        for elem, count in kwds.items():
            self._d[elem] = self._d.get(elem, 0) - count

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        for elem, count in self._d.items():
            for _ in range(count):
                yield elem

    def total(self):
        return sum(self._d.values())

    def __add__(self, other):
        result = Counter()
        for elem, count in self._d.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self._d and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for elem, count in self._d.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        return result

    def __repr__(self):
        if not self._d:
            return "Counter()"
        return "Counter({%s})" % ", ".join("%r: %r" % kv for kv in self.most_common())


class OrderedDict(_DictLike):
    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = self._d
            self._d = {key: value}
            self._d.update(rest)

    def popitem(self, last=True):
        if not self._d:
            raise KeyError('dictionary is empty')
        key = list(self._d)[-1] if last else next(iter(self._d))
        return key, self._d.pop(key)

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(%r)" % (list(self._d.items()),)


def namedtuple(typename, field_names, *, defaults=None, module=None, rename=False):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(field_names)
    for name in (typename,) + fields:
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % name)
    defaults = tuple(defaults or ())

    def __init__(self, *args, **kwargs):
        values = list(args)
        if len(values) > len(fields):
            raise TypeError("%s() takes %d positional arguments but %d were given" % (typename, len(fields) + 1, len(values) + 1))
        for name in fields[len(values):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif len(fields) - len(values) <= len(defaults):
                values.append(defaults[len(defaults) - (len(fields) - len(values))])
            else:
                missing = [f for f in fields[len(values):] if f not in kwargs]
                raise TypeError("%s() missing %d required positional argument%s: %s" % (
                    typename, len(missing), "" if len(missing) == 1 else "s",
                    " and ".join(repr(m) for m in missing)))
        if kwargs:
            raise TypeError("%s() got an unexpected keyword argument %r" % (typename, next(iter(kwargs))))
        # straight into the instance dict: __setattr__ refuses, as a tuple would
        self.__dict__['_values'] = tuple(values)
        for name, value in zip(fields, values):
            self.__dict__[name] = value

    def __repr__(self):
        return "%s(%s)" % (typename, ", ".join("%s=%r" % (n, v) for n, v in zip(fields, self._values)))

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, i):
        return self._values[i]

    def __eq__(self, other):
        if hasattr(other, "_values"):
            return self._values == other._values
        return self._values == other

    def __hash__(self):
        return hash(self._values)

    def __lt__(self, other):
        return self._values < tuple(other)

    def _asdict(self):
        return dict(zip(fields, self._values))

    def _replace(self, **kwargs):
        values = [kwargs.pop(n, v) for n, v in zip(fields, self._values)]
        return cls(*values)

    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute")

    ns = {'__init__': __init__, '__repr__': __repr__, '__iter__': __iter__, '__len__': __len__,
          '__getitem__': __getitem__, '__eq__': __eq__, '__hash__': __hash__, '__lt__': __lt__,
          '_asdict': _asdict, '_replace': _replace, '_fields': fields, '__setattr__': __setattr__}
    cls = type(typename, (), ns)

    def _make(iterable):
        return cls(*iterable)

    cls._make = staticmethod(_make)
    return cls
