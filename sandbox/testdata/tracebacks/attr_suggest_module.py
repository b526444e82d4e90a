import time
time.sleeep(1)
