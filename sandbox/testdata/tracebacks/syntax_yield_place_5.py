def g():
    d = {yield: 1}
