x = 0
print(f"value {1/x} here")
