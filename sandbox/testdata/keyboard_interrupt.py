# An uncaught KeyboardInterrupt ends with status 130, as CPython killed by SIGINT
print("before")
raise KeyboardInterrupt
