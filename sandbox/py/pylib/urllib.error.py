# urllib.error: the exceptions urlopen raises, printed as CPython prints them.


class URLError(OSError):
    def __init__(self, reason, filename=None):
        self.args = (reason,)
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return '<urlopen error %s>' % self.reason


class HTTPError(URLError):
    def __init__(self, url, code, msg, hdrs, fp):
        self.args = (msg,)
        self.code = code
        self.msg = msg
        self.hdrs = hdrs
        self.fp = fp
        self.filename = url
        self.url = url

    @property
    def reason(self):
        return self.msg

    @reason.setter
    def reason(self, value):
        pass

    @property
    def headers(self):
        return self.hdrs

    @property
    def status(self):
        return self.code

    def getcode(self):
        return self.code

    def geturl(self):
        return self.url

    def info(self):
        return self.hdrs

    def read(self, amt=None):
        if self.fp is None:
            return b''
        return self.fp.read(amt)

    def close(self):
        if self.fp is not None:
            self.fp.close()

    def __str__(self):
        return 'HTTP Error %s: %s' % (self.code, self.msg)

    def __repr__(self):
        return '<HTTPError %s: %r>' % (self.code, self.msg)


class ContentTooShortError(URLError):
    def __init__(self, message, content):
        self.args = (message,)
        self.reason = message
        self.content = content


def _set_modules():
    import _net
    for cls in (URLError, HTTPError, ContentTooShortError):
        _net.set_module(cls, 'urllib.error')


_set_modules()
