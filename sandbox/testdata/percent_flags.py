# printf flags in any order (%-formatting takes them so), for ints, floats, strs and bytes.
cases = [("%0+8d|", 5), ("%0+8.3d|", 5), ("% 08d|", 5), ("%#0 8x|", 255), ("%-+5d|", 3), ("%+-5d|", 3),
         ("%0-5d|", 3), ("%-05d|", 3), ("% -5d|", 3), ("%+ d", 3), ("%0#6x", 255), ("%0 5.1f", 2.25),
         ("%+-8.2f|", 1.5), ("%+-8.3d|", 5), ("% 05.2x|", 255), ("%#-8.3o|", 8), ("%-08.3d|", -5),
         ("%#08.3x|", 255), ("%08.3i|", -42), ("%05s|", "a"), ("%-5s|", "ab"), ("%+s|", "a"), ("%5.2s|", "abc"),
         ("%-#6r|", "q"), ("%05c|", 65), ("%-3c|", "z")]
for f, v in cases:
    try:
        print(repr(f), repr(f % v))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
for f, v in [(b"%05s|", b"a"), (b"%-4b|", b"xy"), (b"%+05d|", 7), (b"%-#6x|", 255)]:
    print(f, f % v)
print(b"%-3c|" % 65, b"%3c|" % b"x")
