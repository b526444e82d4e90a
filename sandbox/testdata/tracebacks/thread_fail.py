import threading
def f():
    return [][1]  
t = threading.Thread(target=f)
t.start(); t.join()
