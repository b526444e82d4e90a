y = f"a {x +} b"
