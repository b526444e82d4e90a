package vnet

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"coroutinetour/sandbox/hub"
)

// fetcher is a Go stand-in for urlopen(url).read() on a cooperative socket.
type fetcher struct {
	n      *Network
	s      *Socket
	url    string
	resp   bytes.Buffer
	doneAt int64
	done   func(*fetcher)
	buf    [8192]byte
}

func splitURL(url string) (host, path string, port int) {
	port = 80
	if strings.HasPrefix(url, "https://") {
		port = 443
	}
	rest := url[strings.Index(url, "://")+3:]
	host, path = rest, "/"
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	return
}

func (f *fetcher) start() error {
	host, path, port := splitURL(f.url)
	f.s, _ = f.n.Socket()
	if err := f.s.Connect(host, port); err != nil {
		return err
	}
	req := fmt.Sprintf("GET %s HTTP/1.1\r\nAccept-Encoding: identity\r\nHost: %s\r\nUser-Agent: Python-urllib/3.11\r\nConnection: close\r\n\r\n", path, host)
	if k, err := f.s.Send([]byte(req)); err != nil || k != len(req) {
		return fmt.Errorf("send: %d %v", k, err)
	}
	f.read()
	return nil
}

func (f *fetcher) read() {
	for {
		k, err := f.s.Recv(f.buf[:])
		if err == ErrWouldBlock {
			f.s.WaitRead(hub.Func(f.read))
			return
		}
		if err != nil || k == 0 {
			f.s.Close()
			f.doneAt = f.n.Hub().Now()
			if f.done != nil {
				f.done(f)
			}
			return
		}
		f.resp.Write(f.buf[:k])
	}
}

func (f *fetcher) status() string {
	line, _, _ := strings.Cut(f.resp.String(), "\r\n")
	return line
}

func (f *fetcher) body() []byte {
	_, body, _ := bytes.Cut(f.resp.Bytes(), []byte("\r\n\r\n"))
	return body
}

func run(h *hub.Hub) {
	for {
		if _, ok := h.Next(); !ok {
			return
		}
	}
}

var cnblogs = []string{
	"http://www.cnblogs.com/alex3714/articles/5248247.html",
	"http://www.cnblogs.com/chen170615/p/8797609.html",
	"http://www.cnblogs.com/chen170615/p/8761768.html",
}

// TestCrawlSyncAndAsync runs the seed's crawl: one after the other takes the
// sum of the latencies, all at once the largest, finishing in the page's order.
func TestCrawlSyncAndAsync(t *testing.T) {
	h := hub.New(hub.Options{})
	n := New(h, Options{})
	var log []string
	record := func(f *fetcher) {
		log = append(log, fmt.Sprintf("%d bytes from %s at %dms", len(f.body()), f.url, f.n.Hub().Now()/1e6))
	}
	// Synchronous: each fetch starts when the previous one ends.
	var next func(i int)
	next = func(i int) {
		if i == len(cnblogs) {
			return
		}
		f := &fetcher{n: n, url: cnblogs[i], done: func(f *fetcher) { record(f); next(i + 1) }}
		if err := f.start(); err != nil {
			t.Fatal(err)
		}
	}
	next(0)
	run(h)
	syncEnd := h.Now()
	for _, u := range cnblogs {
		f := &fetcher{n: n, url: u, done: record}
		if err := f.start(); err != nil {
			t.Fatal(err)
		}
	}
	run(h)
	got := strings.Join(log, "\n")
	want := strings.Join([]string{
		"92147 bytes from http://www.cnblogs.com/alex3714/articles/5248247.html at 290ms",
		"10930 bytes from http://www.cnblogs.com/chen170615/p/8797609.html at 480ms",
		"11853 bytes from http://www.cnblogs.com/chen170615/p/8761768.html at 600ms",
		"11853 bytes from http://www.cnblogs.com/chen170615/p/8761768.html at 720ms",
		"10930 bytes from http://www.cnblogs.com/chen170615/p/8797609.html at 790ms",
		"92147 bytes from http://www.cnblogs.com/alex3714/articles/5248247.html at 890ms",
	}, "\n")
	if got != want || syncEnd != 600e6 {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if n.Open() != 0 {
		t.Fatalf("%d sockets left open", n.Open())
	}
	if h.Stall().Reason != hub.Idle {
		t.Fatal(h.Stall())
	}
}

func TestSeedSites(t *testing.T) {
	h := hub.New(hub.Options{})
	n := New(h, Options{})
	var log []string
	for _, u := range []string{"https://www.python.org/", "https://www.yahoo.com/", "https://github.com/"} {
		f := &fetcher{n: n, url: u, done: func(f *fetcher) {
			log = append(log, fmt.Sprintf("%s %d %s", f.status(), len(f.body()), f.url))
		}}
		if err := f.start(); err != nil {
			t.Fatal(err)
		}
	}
	run(h)
	want := "HTTP/1.1 200 OK 47381 https://www.python.org/|HTTP/1.1 200 OK 440972 https://www.yahoo.com/|HTTP/1.1 200 OK 25513 https://github.com/"
	if got := strings.Join(log, "|"); got != want {
		t.Fatal(got)
	}
}

func TestCustomHostsAnd404(t *testing.T) {
	hosts, err := ParseHosts(`
# a comment
www.cnblogs.com/alex3714/articles/5248247.html 10ms size=100
teapot.example   0   status=418 body=short and stout\n
`)
	if err != nil {
		t.Fatal(err)
	}
	h := hub.New(hub.Options{})
	n := New(h, Options{Hosts: hosts})
	var log []string
	for _, u := range []string{cnblogs[0], "http://www.cnblogs.com/unknown", "http://teapot.example/pot"} {
		f := &fetcher{n: n, url: u, done: func(f *fetcher) {
			log = append(log, fmt.Sprintf("%s %d at %dms", f.status(), len(f.body()), h.Now()/1e6))
			if strings.Contains(f.url, "teapot") && string(f.body()) != "short and stout\n" {
				t.Errorf("%q", f.body())
			}
		}}
		if err := f.start(); err != nil {
			t.Fatal(err)
		}
	}
	run(h)
	want := "HTTP/1.1 418 I'm a Teapot 16 at 0ms|HTTP/1.1 404 Not Found 49 at 0ms|HTTP/1.1 200 OK 100 at 10ms" // ready together: the last woken runs first, as in libev
	if got := strings.Join(log, "|"); got != want {
		t.Fatal(got)
	}
}

func TestParseHostsErrors(t *testing.T) {
	for text, want := range map[string]string{
		"www.example.com":                 "hosts line 1: want MATCH LATENCY [status=N] [size=N] [body=TEXT]",
		"\nwww.example.com fast":          `hosts line 2: bad latency "fast" (write e.g. 120ms or 1.5s)`,
		"www.example.com 1s status=abc":   `hosts line 1: bad option "status=abc"`,
		"www.example.com 1s size":         `hosts line 1: want key=value, got "size"`,
		"http:///path 1s":                 `hosts line 1: no host name in "http:///path"`,
		"www.example.com 1s size=-1":      `hosts line 1: bad option "size=-1"`,
		"www.example.com 1s color=blue":   `hosts line 1: bad option "color=blue"`,
		"www.example.com -1s":             `hosts line 1: bad latency "-1s" (write e.g. 120ms or 1.5s)`,
		"www.example.com 1s status=99999": `hosts line 1: bad option "status=99999"`,
	} {
		if _, err := ParseHosts(text); err == nil || err.Error() != want {
			t.Errorf("ParseHosts(%q) = %v, want %s", text, err, want)
		}
	}
	hs, err := ParseHosts("a.example 1.5s status=201 size=7 body=x=y \\t z")
	if err != nil || len(hs) != 1 || hs[0].Latency != 1500*time.Millisecond || hs[0].Status != 201 || hs[0].Body != "x=y \t z" {
		t.Fatal(hs, err)
	}
}

func TestGeneratePage(t *testing.T) {
	for _, size := range []int{0, 1, 10, 99, 100, 101, 170, 1000, 47381, 440972, 92147, 10930, 11853} {
		p := GeneratePage("www.python.org/", size)
		if len(p) != size {
			t.Errorf("size %d: got %d bytes", size, len(p))
		}
		if size > 200 && (!bytes.HasPrefix(p, []byte("<!DOCTYPE html>")) || !bytes.HasSuffix(p, []byte("</html>\n"))) {
			t.Errorf("size %d: not a page", size)
		}
	}
	if !bytes.Equal(GeneratePage("a", 5000), GeneratePage("a", 5000)) {
		t.Error("not deterministic")
	}
}
