s = "abc"
s.upper().lower().nope()
