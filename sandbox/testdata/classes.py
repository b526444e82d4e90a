# Classes: inheritance, super(), the MRO of a diamond, properties, class and static methods, dunders.
class Base:
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def describe(self):
        return "Base(%s)" % self.name
    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self.name)

class Left(Base):
    def describe(self):
        return "Left>" + super().describe()

class Right(Base):
    def describe(self):
        return "Right>" + super().describe()

class Both(Left, Right):
    def describe(self):
        return "Both>" + super().describe()

b = Both("x")
print(b.describe())
print([k.__name__ for k in Both.__mro__])
print(Base.count, isinstance(b, Right), issubclass(Both, Base), b)

class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
    @classmethod
    def freezing(cls):
        return cls(0)
    @staticmethod
    def unit():
        return "C"

t = Temperature.freezing()
print(t.fahrenheit, Temperature.unit())
t.fahrenheit = 212
print(round(t._c, 1))

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return (self.x, self.y) < (o.x, o.y)
    def __len__(self):
        return 2
    def __iter__(self):
        yield self.x
        yield self.y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

v = Vec(1, 2) + Vec(3, 4)
print(v, v * 2, 3 * v, list(v), len(v), Vec(1, 2) == Vec(1, 2))
print(sorted([Vec(2, 1), Vec(1, 5), Vec(1, 2)]), {Vec(1, 1), Vec(1, 1)})
try:
    Vec(1, 2) < 3
except TypeError as e:
    print("TypeError:", e)

class Ghost:
    def __getattr__(self, name):
        return name.upper()
print(Ghost().boo)
try:
    b.nmae
except AttributeError as e:
    print(e)

# __init__ written as a generator
class Vec:
    def __init__(self, a):
        yield
try:
    Vec(1)
except TypeError as e:
    print(e)
try:
    Vec()
except TypeError as e:
    print(e)
