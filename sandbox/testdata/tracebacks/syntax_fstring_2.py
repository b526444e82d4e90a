x = f"{x!z}" + "a"
