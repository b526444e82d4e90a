result = {"alpha": [1, 2, 3], "beta": (4, 5)}["gamma"]
