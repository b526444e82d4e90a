from gevent import LoopExit
