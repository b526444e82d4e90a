# urllib.parse: splitting URLs and quoting, the parts urlopen and learners use.


class _Result:
    # A plain class rather than a tuple subclass: the engine's tuple cannot
    # be subclassed with __new__ yet. It unpacks and indexes like a tuple.
    _fields = ()

    def __init__(self, *values):
        for name, value in zip(self._fields, values):
            setattr(self, name, value)

    def _values(self):
        return tuple(getattr(self, name) for name in self._fields)

    def __iter__(self):
        return iter(self._values())

    def __getitem__(self, i):
        return self._values()[i]

    def __len__(self):
        return len(self._fields)

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(
            '%s=%r' % (n, getattr(self, n)) for n in self._fields))

    @property
    def hostname(self):
        host = self.netloc.rpartition('@')[2]
        if ':' in host:
            host = host.partition(':')[0]
        return host.lower() or None

    @property
    def port(self):
        host = self.netloc.rpartition('@')[2]
        if ':' in host:
            p = host.partition(':')[2]
            if p:
                return int(p)
        return None


class SplitResult(_Result):
    _fields = ('scheme', 'netloc', 'path', 'query', 'fragment')

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_Result):
    _fields = ('scheme', 'netloc', 'path', 'params', 'query', 'fragment')


def urlsplit(url, scheme='', allow_fragments=True):
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[:i].replace('+', 'a').replace('-', 'a').replace('.', 'a').isalnum() and url[0].isalpha():
        scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        rest = url[2:]
        end = len(rest)
        for c in '/?#':
            j = rest.find(c)
            if j >= 0 and j < end:
                end = j
        netloc, url = rest[:end], rest[end:]
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlparse(url, scheme='', allow_fragments=True):
    s = urlsplit(url, scheme, allow_fragments)
    path, params = s.path, ''
    if ';' in path:
        path, params = path.split(';', 1)
    return ParseResult(s.scheme, s.netloc, path, params, s.query, s.fragment)


def urlunsplit(parts):
    scheme, netloc, url, query, fragment = parts
    if netloc or (scheme and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + netloc + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~'


def quote(string, safe='/', encoding='utf-8', errors='strict'):
    if isinstance(string, str):
        string = string.encode(encoding)
    out = []
    for b in string:
        c = chr(b)
        if c in _SAFE or c in safe:
            out.append(c)
        else:
            out.append('%%%02X' % b)
    return ''.join(out)


def quote_plus(string, safe='', encoding='utf-8', errors='strict'):
    if isinstance(string, str) and ' ' in string:
        return quote(string, safe + ' ', encoding).replace(' ', '+')
    return quote(string, safe, encoding)


def unquote(string, encoding='utf-8', errors='replace'):
    if '%' not in string:
        return string
    parts = string.split('%')
    out = bytearray(parts[0].encode(encoding))
    for p in parts[1:]:
        try:
            out.append(int(p[:2], 16))
            out.extend(p[2:].encode(encoding))
        except ValueError:
            out.extend(('%' + p).encode(encoding))
    return bytes(out).decode(encoding, errors)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    return unquote(string.replace('+', ' '), encoding, errors)


def urlencode(query, doseq=False, safe='', encoding=None, errors=None):
    if hasattr(query, 'items'):
        query = query.items()
    parts = []
    for k, v in query:
        if doseq and isinstance(v, (list, tuple)):
            for x in v:
                parts.append(quote_plus(str(k), safe) + '=' + quote_plus(str(x), safe))
        else:
            parts.append(quote_plus(str(k), safe) + '=' + quote_plus(str(v), safe))
    return '&'.join(parts)


def parse_qs(qs, keep_blank_values=False):
    result = {}
    for k, v in parse_qsl(qs, keep_blank_values):
        result.setdefault(k, []).append(v)
    return result


def parse_qsl(qs, keep_blank_values=False):
    pairs = []
    for part in qs.replace(';', '&').split('&'):
        if not part:
            continue
        k, _, v = part.partition('=')
        if v or keep_blank_values:
            pairs.append((unquote_plus(k), unquote_plus(v)))
    return pairs


def urljoin(base, url, allow_fragments=True):
    if not base:
        return url
    if not url:
        return base
    u = urlsplit(url)
    if u.scheme:
        return url
    b = urlsplit(base)
    if url[:2] == '//':
        return b.scheme + ':' + url
    if url[:1] == '/':
        return urlunsplit((b.scheme, b.netloc, u.path, u.query, u.fragment))
    head = b.path.rpartition('/')[0]
    path = head + '/' + u.path
    segments = []
    for seg in path.split('/'):
        if seg == '..':
            if len(segments) > 1:
                segments.pop()
        elif seg != '.':
            segments.append(seg)
    return urlunsplit((b.scheme, b.netloc, '/'.join(segments), u.query, u.fragment))
