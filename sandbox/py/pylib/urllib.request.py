# urllib.request: urlopen and its opener of handlers, over http.client, on
# the run's simulated internet (and the programs' own servers).
import socket
import http.client
from urllib.parse import urlsplit, quote
from urllib.error import URLError, HTTPError


class Request:
    def __init__(self, url, data=None, headers={}, origin_req_host=None, unverifiable=False, method=None):
        self.full_url = url
        parts = urlsplit(url)
        if not parts.scheme:
            raise ValueError('unknown url type: %r' % url)
        self.type = parts.scheme
        self.host = parts.netloc
        self.selector = parts.path or '/'
        if parts.query:
            self.selector += '?' + parts.query
        self.data = data
        self.headers = {}
        self.unredirected_hdrs = {}
        for k, v in headers.items():
            self.add_header(k, v)
        self.method = method
        self.timeout = socket._GLOBAL_DEFAULT_TIMEOUT

    def get_method(self):
        if self.method is not None:
            return self.method
        return 'POST' if self.data is not None else 'GET'

    def get_full_url(self):
        return self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def add_unredirected_header(self, key, val):
        self.unredirected_hdrs[key.capitalize()] = val

    def has_header(self, key):
        return key.capitalize() in self.headers or key.capitalize() in self.unredirected_hdrs

    def get_header(self, key, default=None):
        return self.headers.get(key.capitalize(), self.unredirected_hdrs.get(key.capitalize(), default))

    def header_items(self):
        items = dict(self.unredirected_hdrs)
        items.update(self.headers)
        return list(items.items())


class BaseHandler:
    handler_order = 500

    def add_parent(self, parent):
        self.parent = parent

    def close(self):
        pass


class AbstractHTTPHandler(BaseHandler):
    def do_open(self, http_class, req, **http_conn_args):
        if not req.host:
            raise URLError('no host given')
        conn = http_class(req.host, timeout=req.timeout, **http_conn_args)
        headers = dict(req.unredirected_hdrs)
        headers.update(req.headers)
        headers.setdefault('User-Agent', 'Python-urllib/3.11')
        # the Host header names the URL's host, whatever the connection reaches (as CPython's do_request_ does)
        headers.setdefault('Host', req.host)
        headers['Connection'] = 'close'
        try:
            conn.request(req.get_method(), quote(req.selector, safe="/?=&%:;@+$,~#"), req.data, headers)
            resp = conn.getresponse()
        except OSError as err:
            conn.close()
            raise URLError(err)
        resp.url = req.get_full_url()
        resp.msg = resp.reason
        return resp


class HTTPHandler(AbstractHTTPHandler):
    def http_open(self, req):
        return self.do_open(http.client.HTTPConnection, req)


class HTTPSHandler(AbstractHTTPHandler):
    def __init__(self, debuglevel=None, context=None, check_hostname=None):
        pass

    def https_open(self, req):
        return self.do_open(http.client.HTTPSConnection, req)


class FTPHandler(BaseHandler):
    """No FTP servers on the simulated internet: fail as CPython does offline."""

    def ftp_open(self, req):
        try:
            socket.gethostbyname(urlsplit(req.full_url).hostname or '')
        except OSError as err:
            raise URLError(err)
        raise URLError(ConnectionRefusedError(111, 'Connection refused'))


class UnknownHandler(BaseHandler):
    def unknown_open(self, req):
        raise URLError('unknown url type: %s' % req.type)


class OpenerDirector:
    def __init__(self):
        self.addheaders = [('User-agent', 'Python-urllib/3.11')]
        self.handlers = []

    def add_handler(self, handler):
        i = 0
        while i < len(self.handlers) and self.handlers[i].handler_order <= handler.handler_order:
            i += 1
        self.handlers.insert(i, handler)
        handler.add_parent(self)

    def open(self, fullurl, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT):
        if isinstance(fullurl, str):
            req = Request(fullurl, data)
        else:
            req = fullurl
            if data is not None:
                req.data = data
        req.timeout = timeout
        for name, value in self.addheaders:
            if not req.has_header(name):
                req.add_unredirected_header(name, value)
        resp = None
        for method in (req.type + '_open', 'unknown_open'):
            for h in self.handlers:
                meth = getattr(h, method, None)
                if meth is not None:
                    resp = meth(req)
                    if resp is not None:
                        break
            if resp is not None:
                break
        if resp.status >= 400:
            raise HTTPError(req.full_url, resp.status, resp.reason, resp.headers, resp)
        return resp

    def close(self):
        pass


_DEFAULT_HANDLERS = [HTTPHandler, HTTPSHandler, FTPHandler, UnknownHandler]


def build_opener(*handlers):
    opener = OpenerDirector()
    given = [h() if isinstance(h, type) else h for h in handlers]
    for klass in _DEFAULT_HANDLERS:
        if not any(isinstance(h, klass) for h in given):
            opener.add_handler(klass())
    for h in given:
        opener.add_handler(h)
    return opener


_opener = None


def install_opener(opener):
    global _opener
    _opener = opener


def urlopen(url, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, *, context=None, **kwargs):
    global _opener
    if _opener is None:
        _opener = build_opener()
    return _opener.open(url, data, timeout)
