try:
    {}["x"]
except KeyError:
    print(undefined)
