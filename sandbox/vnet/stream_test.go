package vnet

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"coroutinetour/sandbox/hub"
)

// pair returns a connected client c and server s on a fresh network.
func pair(t testing.TB, opts Options) (*Network, *Socket, *Socket) {
	t.Helper()
	n := New(hub.New(hub.Options{}), opts)
	l, _ := n.Socket()
	if err := l.Bind("127.0.0.1", 0); err != nil {
		t.Fatal(err)
	}
	l.Listen(5)
	c, _ := n.Socket()
	if err := c.Connect("127.0.0.1", l.LocalAddr().Port); err != nil {
		t.Fatal(err)
	}
	s, _, err := l.Accept()
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	return n, c, s
}

// result formats an outcome as CPython prints it in the experiments.
func result(v string, err error) string {
	if err != nil {
		e := err.(*Error)
		return e.Class + " " + e.Error()
	}
	return "ok " + v
}

func pyBytes(b []byte) string { return "b'" + string(b) + "'" }

// TestStreamScripts replays sequences measured with CPython 3.11 over real
// loopback on Linux (see the package doc); each line is "sock op [arg] => result".
func TestStreamScripts(t *testing.T) {
	scripts := map[string]string{
		"peer closed, send twice": `
			c close => ok
			s recv 10 => ok b''
			s send abc => ok 3
			s send abc => BrokenPipeError [Errno 32] Broken pipe
			s send abc => BrokenPipeError [Errno 32] Broken pipe
			s recv 10 => ok b''`,
		"seed server after client exit": `
			c close => ok
			s recv 1024 => ok b''
			s send - => ok 0
			s shutdown 1 => ok
			s recv 1024 => ok b''
			s send - => BrokenPipeError [Errno 32] Broken pipe
			s send x => BrokenPipeError [Errno 32] Broken pipe`,
		"own SHUT_WR": `
			s shutdown 1 => ok
			s send - => BrokenPipeError [Errno 32] Broken pipe
			s send x => BrokenPipeError [Errno 32] Broken pipe
			c recv 10 => ok b''
			s shutdown 1 => ok`,
		"peer closes with unread data, recv first": `
			s send unread => ok 6
			c close => ok
			s recv 10 => ConnectionResetError [Errno 104] Connection reset by peer
			s recv 10 => ok b''
			s send x => BrokenPipeError [Errno 32] Broken pipe
			s send x => BrokenPipeError [Errno 32] Broken pipe`,
		"peer closes with unread data, send first": `
			s send unread => ok 6
			c close => ok
			s send x => ConnectionResetError [Errno 104] Connection reset by peer
			s send x => BrokenPipeError [Errno 32] Broken pipe
			s recv 10 => ok b''`,
		"data then close": `
			c send data => ok 4
			c close => ok
			s recv 2 => ok b'da'
			s recv 10 => ok b'ta'
			s recv 10 => ok b''`,
		"reset while holding unread data": `
			s send abc => ok 3
			c send xyz => ok 3
			c close => ok
			s recv 10 => ok b'xyz'
			s recv 10 => ConnectionResetError [Errno 104] Connection reset by peer
			s recv 10 => ok b''`,
		"own SHUT_RD": `
			s shutdown 0 => ok
			s recv 10 => ok b''
			c send late => ok 4
			s recv 10 => ok b'late'
			s send y => ok 1
			c recv 10 => ok b'y'`,
		"own SHUT_RDWR": `
			s shutdown 2 => ok
			s recv 10 => ok b''
			s send y => BrokenPipeError [Errno 32] Broken pipe
			c recv 10 => ok b''
			c send z => ok 1
			c send z => BrokenPipeError [Errno 32] Broken pipe`,
		"peer SHUT_WR, we still send": `
			c shutdown 1 => ok
			s recv 10 => ok b''
			s send q => ok 1
			c recv 10 => ok b'q'`,
		"peer SHUT_WR then close": `
			c shutdown 1 => ok
			s recv 10 => ok b''
			c close => ok
			s send a => ok 1
			s send a => BrokenPipeError [Errno 32] Broken pipe
			s recv 10 => ok b''`,
		"closed socket": `
			c close => ok
			c recv 1 => OSError [Errno 9] Bad file descriptor
			c send 1 => OSError [Errno 9] Bad file descriptor
			c close => ok
			c shutdown 2 => OSError [Errno 9] Bad file descriptor`,
		"merged and split": `
			s recv 10 => BlockingIOError [Errno 11] Resource temporarily unavailable
			c send ab => ok 2
			c send cdef => ok 4
			s recv 3 => ok b'abc'
			s recv 0 => ok b''
			s recv 10 => ok b'def'`,
	}
	names := make([]string, 0, len(scripts))
	for name := range scripts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			_, c, s := pair(t, Options{})
			for _, line := range strings.Split(strings.TrimSpace(scripts[name]), "\n") {
				cmd, want, _ := strings.Cut(strings.TrimSpace(line), " => ")
				f := strings.Fields(cmd)
				sock := map[string]*Socket{"c": c, "s": s}[f[0]]
				var got string
				switch f[1] {
				case "close":
					got = result("", sock.Close())
				case "recv":
					k, _ := strconv.Atoi(f[2])
					buf := make([]byte, k)
					m, err := sock.Recv(buf)
					got = result(pyBytes(buf[:m]), err)
				case "send":
					data := f[2]
					if data == "-" {
						data = ""
					}
					m, err := sock.Send([]byte(data))
					got = result(strconv.Itoa(m), err)
				case "shutdown":
					how, _ := strconv.Atoi(f[2])
					got = result("", sock.Shutdown(how))
				}
				got = strings.TrimSpace(got)
				if got != want {
					t.Fatalf("%s: got %q, want %q", cmd, got, want)
				}
			}
		})
	}
}

func TestSocketErrors(t *testing.T) {
	n := New(hub.New(hub.Options{}), Options{})
	check := func(what string, err error, want string) {
		t.Helper()
		got := "ok"
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", what, got, want)
		}
	}
	u, _ := n.Socket()
	check("shutdown unconnected", u.Shutdown(2), "[Errno 107] Transport endpoint is not connected")
	_, err := u.Recv(make([]byte, 1))
	check("recv unconnected", err, "ok")
	_, err = u.Send([]byte("1"))
	check("send unconnected", err, "[Errno 32] Broken pipe")
	_, _, err = u.Accept()
	check("accept unlistened", err, "[Errno 22] Invalid argument")
	_, err = u.RemoteAddr()
	check("getpeername", err, "[Errno 107] Transport endpoint is not connected")
	if a := u.LocalAddr(); a != (Addr{"0.0.0.0", 0}) {
		t.Error(a)
	}

	l, _ := n.Socket()
	check("bind", l.Bind("127.0.0.1", 0), "ok")
	port := l.LocalAddr().Port
	if port != 49152 {
		t.Errorf("first ephemeral port %d", port)
	}
	x, _ := n.Socket()
	check("connect bound, not listening", x.Connect("127.0.0.1", port), "[Errno 111] Connection refused")
	l.Listen(128)
	l2, _ := n.Socket()
	check("bind dup", l2.Bind("127.0.0.1", port), "[Errno 98] Address already in use")
	check("bind dup any", l2.Bind("0.0.0.0", port), "[Errno 98] Address already in use")
	check("bind again", l.Bind("127.0.0.1", 0), "[Errno 22] Invalid argument")
	check("bind foreign", l2.Bind("1.2.3.4", 0), "[Errno 99] Cannot assign requested address")
	check("bind unknown", l2.Bind("no such host", 0), "[Errno -2] Name or service not known")
	for _, host := range []string{"0.0.0.0", "localhost", "coroutine-tour", "", "127.0.0.1"} {
		c, _ := n.Socket()
		check("connect "+host, c.Connect(host, port), "ok")
		check("connect twice", c.Connect(host, port), "[Errno 106] Transport endpoint is already connected")
		c.Close()
	}
	y, _ := n.Socket()
	check("connect unknown name", y.Connect("www.example.invalid", 80), "[Errno -2] Name or service not known")
	check("connect foreign ip", y.Connect("8.8.8.8", 53), "[Errno 101] Network is unreachable")
	check("connect site, wrong port", y.Connect("www.python.org", 8080), "[Errno 111] Connection refused")
	l.Close()
	// The port is free again once the listener is closed.
	check("rebind", l2.Bind("0.0.0.0", port), "ok")
	if ErrTimeout.Error() != "timed out" {
		t.Error(ErrTimeout)
	}
}

func TestMaxSockets(t *testing.T) {
	n := New(hub.New(hub.Options{}), Options{MaxSockets: 2})
	a, _ := n.Socket()
	n.Socket()
	if _, err := n.Socket(); err != ErrTooManyFiles {
		t.Fatal(err)
	}
	a.Close()
	if _, err := n.Socket(); err != nil {
		t.Fatal(err)
	}
}

func TestResolve(t *testing.T) {
	n := New(hub.New(hub.Options{}), Options{HostName: "vm"})
	for name, want := range map[string]string{
		"localhost": "127.0.0.1", "vm": "127.0.0.1", "127.0.0.1": "127.0.0.1", "010.1.1.1": "10.1.1.1",
		"www.python.org": "203.0.113.10", "WWW.Yahoo.com": "203.0.113.11", "github.com": "203.0.113.12",
		"www.cnblogs.com": "203.0.113.13", "example.com": "error", "1.2.3": "error",
	} {
		got, err := n.Resolve(name)
		if err != nil {
			got = "error"
		}
		if got != want {
			t.Errorf("Resolve(%q) = %s, want %s", name, got, want)
		}
	}
}

func TestBacklogAndListenerClose(t *testing.T) {
	h := hub.New(hub.Options{})
	n := New(h, Options{})
	l, _ := n.Socket()
	l.Bind("", 8001)
	l.Listen(0) // one pending connection, as on Linux
	a, _ := n.Socket()
	b, _ := n.Socket()
	if err := a.Connect("localhost", 8001); err != nil {
		t.Fatal(err)
	}
	if err := b.Connect("localhost", 8001); err != ErrWouldBlock {
		t.Fatal(err)
	}
	b.WaitWrite("b")
	if _, _, err := l.Accept(); err != nil {
		t.Fatal(err)
	}
	if tk, ok := h.Next(); !ok || tk != "b" {
		t.Fatal("connector not woken", tk)
	}
	if err := b.Connect("localhost", 8001); err != nil {
		t.Fatal(err)
	}
	l.Close() // b was not accepted: it is reset
	_, err := b.Recv(make([]byte, 10))
	if err != ErrReset {
		t.Fatal(err)
	}
	if _, err := b.Send([]byte("a")); err != ErrBrokenPipe {
		t.Fatal(err)
	}
}

// TestLatencyOrder checks that with a latency, data arrives later, in order,
// merged in one recv when both segments are due.
func TestLatencyOrder(t *testing.T) {
	n, c, s := pair(t, Options{Latency: 1e6})
	h := n.Hub()
	c.Send([]byte("one "))
	c.Send([]byte("two"))
	c.Shutdown(1)
	buf := make([]byte, 100)
	if _, err := s.Recv(buf); err != ErrWouldBlock {
		t.Fatal("data arrived before the latency", err)
	}
	s.WaitRead("reader")
	tk, ok := h.Next()
	if !ok || tk != "reader" || h.Now() != 1e6 {
		t.Fatal(tk, ok, h.Now())
	}
	k, _ := s.Recv(buf)
	if string(buf[:k]) != "one two" {
		t.Fatalf("%q", buf[:k])
	}
	if k, err := s.Recv(buf); k != 0 || err != nil {
		t.Fatal("want EOF", k, err)
	}
}

// TestBufferFull checks partial sends and the writer's wake-up.
func TestBufferFull(t *testing.T) {
	n, c, s := pair(t, Options{BufferSize: 10})
	k, err := c.Send([]byte("0123456789abc"))
	if k != 10 || err != nil {
		t.Fatal(k, err)
	}
	if _, err := c.Send([]byte("x")); err != ErrWouldBlock || c.Writable() {
		t.Fatal(err)
	}
	c.WaitWrite("writer")
	s.Recv(make([]byte, 4))
	if tk, ok := n.Hub().Next(); !ok || tk != "writer" || !c.Writable() {
		t.Fatal(tk)
	}
	if k, _ := c.Send([]byte("abcdef")); k != 4 {
		t.Fatal(k)
	}
}

func TestDeterministicPorts(t *testing.T) {
	run := func() string {
		n := New(hub.New(hub.Options{}), Options{})
		var out []string
		l, _ := n.Socket()
		l.Bind("127.0.0.1", 0)
		l.Listen(10)
		for i := 0; i < 3; i++ {
			c, _ := n.Socket()
			c.Connect("127.0.0.1", l.LocalAddr().Port)
			s, addr, _ := l.Accept()
			r, _ := c.RemoteAddr()
			out = append(out, fmt.Sprint(c.LocalAddr(), addr, r, s.LocalAddr()))
		}
		return strings.Join(out, "; ")
	}
	a := run()
	if a != run() || !strings.HasPrefix(a, "127.0.0.1:49153 127.0.0.1:49153 127.0.0.1:49152 127.0.0.1:49152") {
		t.Fatal(a)
	}
}

// TestLatencyCloseInFlight: data still on its way when the receiver closes
// resets the sender when it arrives.
func TestLatencyCloseInFlight(t *testing.T) {
	n, c, s := pair(t, Options{Latency: 5e6})
	c.Send([]byte("late data"))
	s.Close()
	for {
		if _, ok := n.Hub().Next(); !ok {
			break
		}
	}
	if n.Hub().Now() != 5e6 {
		t.Fatal(n.Hub().Now())
	}
	if _, err := c.Recv(make([]byte, 10)); err != ErrReset {
		t.Fatal(err)
	}
}

func TestAbort(t *testing.T) {
	_, c, s := pair(t, Options{})
	c.Send([]byte("x"))
	c.Abort()
	if k, err := s.Recv(make([]byte, 10)); k != 1 || err != nil {
		t.Fatal(k, err)
	}
	if _, err := s.Recv(make([]byte, 10)); err != ErrReset {
		t.Fatal(err)
	}
}
