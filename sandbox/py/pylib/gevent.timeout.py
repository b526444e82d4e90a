from gevent import Timeout, with_timeout
