x = {(yield i): 1 for i in range(3)}
