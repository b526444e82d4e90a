package vnet

// This file defines the simulated internet: hosts, the default table for the
// seed documents, and the HTTP/1.1 server every simulated host runs.

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Host is one entry of the simulated internet (the same fields as
// sandbox.Host, which the engine converts).
type Host struct {
	// Match is a host name ("www.python.org") or a URL prefix
	// ("https://www.cnblogs.com/alex3714/"); the scheme is ignored.
	Match string
	// Latency is the virtual time from the moment the whole request has
	// arrived to the moment the whole response is sent.
	Latency time.Duration
	// Status is the HTTP status (200 when zero).
	Status int
	// Body is the page; when empty, Size bytes of generated HTML are served.
	Body string
	Size int
}

// DefaultHosts is the simulated internet every run has: the pages of the seed
// documents with the sizes they report. Latencies were chosen so that the
// seed's asynchronous crawls finish in the order the pages show (cnblogs:
// 8761768, 8797609, 5248247; then python.org, yahoo, github) and the
// asynchronous time (0.29 s) is close to the page's 0.288 s.
func DefaultHosts() []Host {
	return []Host{
		{Match: "www.python.org", Latency: 150 * time.Millisecond, Size: 47381},
		{Match: "www.yahoo.com", Latency: 250 * time.Millisecond, Size: 440972},
		{Match: "github.com", Latency: 320 * time.Millisecond, Size: 25513},
		{Match: "http://www.cnblogs.com/alex3714/articles/5248247.html", Latency: 290 * time.Millisecond, Size: 92147},
		{Match: "http://www.cnblogs.com/chen170615/p/8797609.html", Latency: 190 * time.Millisecond, Size: 10930},
		{Match: "http://www.cnblogs.com/chen170615/p/8761768.html", Latency: 120 * time.Millisecond, Size: 11853},
	}
}

// siteHost is one host name of the simulated internet with its pages.
type siteHost struct {
	net   *Network
	name  string // lower case
	ip    string
	pages []page // longest prefix first
}

type page struct {
	prefix string // path prefix, "" for every path
	Host
}

// splitMatch turns a Match into a lower-case host and a path prefix.
func splitMatch(m string) (host, prefix string) {
	m = strings.TrimSpace(m)
	if i := strings.Index(m, "://"); i >= 0 {
		m = m[i+3:]
	}
	host, prefix = m, ""
	if i := strings.IndexByte(m, '/'); i >= 0 {
		host, prefix = m[:i], m[i:]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return strings.ToLower(host), prefix
}

// setHosts builds the host table; later entries with the same Match replace
// earlier ones. Addresses come from 203.0.113.0/24 (reserved for
// documentation) in order of first appearance.
func (n *Network) setHosts(table []Host) {
	byName := map[string]*siteHost{}
	for _, h := range table {
		name, prefix := splitMatch(h.Match)
		if name == "" {
			continue
		}
		sh := byName[name]
		if sh == nil {
			sh = &siteHost{net: n, name: name, ip: fmt.Sprintf("203.0.113.%d", 10+len(n.hosts))}
			byName[name] = sh
			n.hosts = append(n.hosts, sh)
			n.hostByIP[sh.ip] = sh
		}
		replaced := false
		for i := range sh.pages {
			if sh.pages[i].prefix == prefix {
				sh.pages[i] = page{prefix, h}
				replaced = true
			}
		}
		if !replaced {
			sh.pages = append(sh.pages, page{prefix, h})
		}
	}
	for _, sh := range n.hosts {
		sort.SliceStable(sh.pages, func(i, j int) bool { return len(sh.pages[i].prefix) > len(sh.pages[j].prefix) })
	}
}

// find returns the page for a path, or nil.
func (sh *siteHost) find(path string) *page {
	for i := range sh.pages {
		if strings.HasPrefix(path, sh.pages[i].prefix) {
			return &sh.pages[i]
		}
	}
	return nil
}

// httpConn is the server side of one connection to a simulated host: it
// reads one request, waits the page's latency, writes the response and closes.
type httpConn struct {
	site *siteHost
	s    *Socket
	req  []byte
	resp []byte
	sent int
	busy bool // the request is complete: reading stops
	buf  [4096]byte
}

func (sh *siteHost) serve(s *Socket) {
	c := &httpConn{site: sh, s: s}
	s.setHandlers(c.readable, c.writable)
}

func (c *httpConn) readable() {
	for !c.busy {
		k, err := c.s.Recv(c.buf[:])
		if err == ErrWouldBlock {
			return
		}
		if err != nil || k == 0 {
			c.s.Close() // the client went away before finishing its request
			return
		}
		c.req = append(c.req, c.buf[:k]...)
		if len(c.req) > 64<<10 {
			c.respond(431, nil, "")
			return
		}
		if end := bytes.Index(c.req, []byte("\r\n\r\n")); end >= 0 {
			head := string(c.req[:end])
			if cl := headerValue(head, "content-length"); cl != "" {
				if want, _ := strconv.Atoi(cl); len(c.req) < end+4+want {
					continue
				}
			}
			c.busy = true
			c.handle(head)
		}
	}
	if c.sent >= len(c.resp) && c.resp != nil {
		// Drain what the client still sends, so that closing does not reset.
		for {
			if k, err := c.s.Recv(c.buf[:]); err != nil || k == 0 {
				return
			}
		}
	}
}

// handle answers the request after the page's latency.
func (c *httpConn) handle(head string) {
	line, _, _ := strings.Cut(head, "\r\n")
	parts := strings.Fields(line)
	if len(parts) != 3 || !strings.HasPrefix(parts[2], "HTTP/") {
		c.respond(400, nil, "")
		return
	}
	method, target := parts[0], parts[1]
	if i := strings.Index(target, "://"); i >= 0 { // absolute form
		target = target[i+3:]
		if j := strings.IndexByte(target, '/'); j >= 0 {
			target = target[j:]
		} else {
			target = "/"
		}
	}
	pg := c.site.find(target)
	if pg == nil {
		c.later(0, func() { c.respond(404, nil, method) })
		return
	}
	c.later(int64(pg.Latency), func() {
		status := pg.Status
		if status == 0 {
			status = 200
		}
		body := []byte(pg.Body)
		if pg.Body == "" {
			body = GeneratePage(c.site.name+target, pg.Size)
		}
		c.respond(status, body, method)
	})
}

func (c *httpConn) later(d int64, f func()) {
	if d <= 0 {
		f()
		return
	}
	h := c.s.net.hub
	if _, err := h.After(d, hubFunc(f)); err != nil {
		f()
	}
}

// respond writes the status line, headers and body, then closes.
func (c *httpConn) respond(status int, body []byte, method string) {
	if body == nil && status != 200 {
		body = []byte(fmt.Sprintf("<html><body><h1>%d %s</h1></body></html>\n", status, StatusText(status)))
	}
	ctype := "text/html; charset=utf-8"
	if len(body) > 0 && body[0] != '<' {
		ctype = "text/plain; charset=utf-8"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\nServer: coroutine-tour\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n",
		status, StatusText(status), ctype, len(body))
	if method != "HEAD" {
		b.Write(body)
	}
	c.busy = true
	c.resp = b.Bytes()
	c.writable()
}

func (c *httpConn) writable() {
	if c.resp == nil || c.s.Closed() {
		return
	}
	for c.sent < len(c.resp) {
		k, err := c.s.Send(c.resp[c.sent:])
		if err == ErrWouldBlock {
			return
		}
		if err != nil {
			c.s.Close()
			return
		}
		c.sent += k
	}
	c.readable() // drain, then close cleanly
	c.s.Close()
}

// headerValue finds a header in a request head (case-insensitive name).
func headerValue(head, name string) string {
	for _, l := range strings.Split(head, "\r\n")[1:] {
		k, v, ok := strings.Cut(l, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// StatusText is the reason phrase CPython's http.client shows for a status.
func StatusText(code int) string {
	if t, ok := statusText[code]; ok {
		return t
	}
	return "Unknown"
}

var statusText = map[int]string{
	200: "OK", 201: "Created", 204: "No Content",
	301: "Moved Permanently", 302: "Found", 304: "Not Modified",
	400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
	405: "Method Not Allowed", 408: "Request Timeout", 418: "I'm a Teapot",
	429: "Too Many Requests", 431: "Request Header Fields Too Large",
	500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
}
