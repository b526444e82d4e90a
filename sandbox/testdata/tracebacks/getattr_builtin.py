v = getattr(1, "nope")
