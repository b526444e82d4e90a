from gevent import get_hub, getcurrent, sleep, kill, Timeout, LoopExit
from greenlet import GreenletExit
