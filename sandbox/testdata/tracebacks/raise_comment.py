raise ValueError("x")  # comment
