# Threads preempted in the middle of their work still exclude each other with a Lock: no update is lost.
import threading
lock = threading.Lock()
n = 0
def work():
    global n
    for i in range(30000):
        with lock:
            n += 1
ts = [threading.Thread(target=work) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(n)
