# urllib.request: urlopen over http.client, on the run's simulated internet.
import socket
import http.client
from urllib.parse import urlsplit, quote
from urllib.error import URLError, HTTPError


class Request:
    def __init__(self, url, data=None, headers={}, origin_req_host=None, unverifiable=False, method=None):
        self.full_url = url
        self.data = data
        self.headers = {}
        for k, v in headers.items():
            self.add_header(k, v)
        self.method = method
        parts = urlsplit(url)
        self.type = parts.scheme
        self.host = parts.netloc
        self.selector = parts.path or '/'
        if parts.query:
            self.selector += '?' + parts.query

    def get_method(self):
        if self.method is not None:
            return self.method
        return 'POST' if self.data is not None else 'GET'

    def get_full_url(self):
        return self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def has_header(self, key):
        return key.capitalize() in self.headers

    def get_header(self, key, default=None):
        return self.headers.get(key.capitalize(), default)


def _check_url(url):
    if ':' not in url.split('/', 1)[0] or url.startswith(':'):
        raise ValueError('unknown url type: %r' % url)


def urlopen(url, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, *, context=None, **kwargs):
    if isinstance(url, Request):
        req = url
        if data is not None:
            req.data = data
    else:
        _check_url(url)
        req = Request(url, data)
    if req.type == 'http':
        conn_class = http.client.HTTPConnection
    elif req.type == 'https':
        conn_class = http.client.HTTPSConnection
    elif req.type == 'ftp':
        # no FTP servers on the simulated internet: CPython fails to reach them
        try:
            socket.gethostbyname(urlsplit(req.full_url).hostname or '')
        except OSError as err:
            raise URLError(err)
        raise URLError(ConnectionRefusedError(111, 'Connection refused'))
    else:
        raise URLError('unknown url type: %s' % req.type)
    if not req.host:
        raise URLError('no host given')
    conn = conn_class(req.host, timeout=timeout)
    headers = dict(req.headers)
    headers.setdefault('User-agent', 'Python-urllib/3.11')
    headers['Connection'] = 'close'
    try:
        conn.request(req.get_method(), quote(req.selector, safe="/?=&%:;@+$,~#"), req.data, headers)
        resp = conn.getresponse()
    except OSError as err:
        conn.close()
        raise URLError(err)
    resp.url = req.full_url
    if resp.status >= 400:
        raise HTTPError(req.full_url, resp.status, resp.reason, resp.headers, resp)
    return resp


def build_opener(*handlers):
    return OpenerDirector()


class OpenerDirector:
    addheaders = [('User-agent', 'Python-urllib/3.11')]

    def open(self, fullurl, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT):
        return urlopen(fullurl, data, timeout)


def install_opener(opener):
    pass
