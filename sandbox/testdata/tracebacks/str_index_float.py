s = "hello"
print(s[1.5])
