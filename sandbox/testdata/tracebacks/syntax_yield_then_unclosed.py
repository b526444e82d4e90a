yield 1
x = (
