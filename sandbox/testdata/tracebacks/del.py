del undefined_x  # c
