# a Timeout thrown into gevent.sleep shows gevent's sleep frames
import gevent
with gevent.Timeout(0.02):
    gevent.sleep(0.5)
