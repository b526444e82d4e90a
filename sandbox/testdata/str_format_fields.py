# str.format's field numbering, conversions and unfinished fields: CPython's results and messages.
cases = [
    ('"{!}".format(1)', lambda: "{!}".format(1)),
    ('"{!rr}".format(1)', lambda: "{!rr}".format(1)),
    ('"{!x}".format(1)', lambda: "{!x}".format(1)),
    ('"{".format(1)', lambda: "{".format(1)),
    ('"{0".format(1)', lambda: "{0".format(1)),
    ('"{}{0}".format(1, 2)', lambda: "{}{0}".format(1, 2)),
    ('"{0}{}".format(1, 2)', lambda: "{0}{}".format(1, 2)),
    ('"{:{}}{0}".format(1, 2)', lambda: "{:{}}{0}".format(1, 2)),
    ('"{a}{}".format(1, a=2)', lambda: "{a}{}".format(1, a=2)),
    ('"{!r:>5}".format(1)', lambda: "{!r:>5}".format(1)),
    ('"{:>{}}".format("a", 5)', lambda: "{:>{}}".format("a", 5)),
    ('"{0:{1}}{2}".format("a", 3, "b")', lambda: "{0:{1}}{2}".format("a", 3, "b")),
    ('"{0[1]}{0[0]}".format("ab")', lambda: "{0[1]}{0[0]}".format("ab")),
    ('"{x.real}".format(x=3)', lambda: "{x.real}".format(x=3)),
    ('"{}}".format(1)', lambda: "{}}".format(1)),
    ('"{{}}{}".format(1)', lambda: "{{}}{}".format(1)),
]
for text, make in cases:
    try:
        print(text, "->", repr(make()))
    except Exception as e:
        print(text, "->", type(e).__name__, e)
