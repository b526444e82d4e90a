d = {}
v = d["missing"]
