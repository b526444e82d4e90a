from gevent import Greenlet
