def f(): return None
f().x
