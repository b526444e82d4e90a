# %-formatting with a mapping: after a %(key) conversion, none takes the argument itself.
cases = [
    ("'%(a)s %s' % {'a': 1}", lambda: '%(a)s %s' % {'a': 1}),
    ("'%s %(a)s' % {'a': 1}", lambda: '%s %(a)s' % {'a': 1}),
    ("'%s' % {'a': 1}", lambda: '%s' % {'a': 1}),
    ("'%s %s' % {'a': 1}", lambda: '%s %s' % {'a': 1}),
    ("'%(a)s' % {'a': 1}", lambda: '%(a)s' % {'a': 1}),
    ("'%(a)s %(a)s' % {'a': 1}", lambda: '%(a)s %(a)s' % {'a': 1}),
    ("'%(a)s %%' % {'a': 1}", lambda: '%(a)s %%' % {'a': 1}),
    ("'%(a)s' % ({'a': 1},)", lambda: '%(a)s' % ({'a': 1},)),
    ("'%s %d' % (1, 2)", lambda: '%s %d' % (1, 2)),
    ("'%s' % (1, 2)", lambda: '%s' % (1, 2)),
    ("'%(a)s' % {'b': 1}", lambda: '%(a)s' % {'b': 1}),
]
for text, make in cases:
    try:
        print(text, "->", repr(make()))
    except Exception as e:
        print(text, "->", type(e).__name__, e)
