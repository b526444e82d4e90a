data = {"a": {"b": 1}}
print(data["a"]["c"])
