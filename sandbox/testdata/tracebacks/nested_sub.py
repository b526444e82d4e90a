x = {"k": [1]}
print(x["k"][5])
