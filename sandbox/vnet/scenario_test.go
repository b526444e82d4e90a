package vnet

import (
	"fmt"
	"strings"
	"testing"

	"coroutinetour/sandbox/hub"
)

// A tiny greenlet harness for tests: each greenlet is a goroutine that runs
// only while the hub has handed it control, so straight-line Go code can play
// the Python programs of the seed.
type world struct {
	h    *hub.Hub
	n    *Network
	back chan struct{}
	out  []string
}

type gl struct {
	w       *world
	name    string
	program int
	run     chan struct{}
	patched bool // gevent socket (cooperative) or a blocking one
}

func (g *gl) HubGroup() int { return g.program }

func newWorld() *world {
	h := hub.New(hub.Options{})
	return &world{h: h, n: New(h, Options{}), back: make(chan struct{})}
}

func (w *world) spawn(name string, program int, patched bool, f func(g *gl)) {
	g := &gl{w: w, name: name, program: program, run: make(chan struct{}), patched: patched}
	go func() {
		<-g.run
		f(g)
		w.back <- struct{}{}
	}()
	w.h.Schedule(g)
}

func (w *world) loop() {
	for {
		t, ok := w.h.Next()
		if !ok {
			return
		}
		t.(*gl).run <- struct{}{}
		<-w.back
	}
}

func (g *gl) print(format string, args ...any) {
	g.w.out = append(g.w.out, fmt.Sprintf("%s: "+format, append([]any{g.name}, args...)...))
}

// wait blocks g until the socket may be ready. An unpatched socket freezes
// its whole program.
func (g *gl) wait(s *Socket, write bool) {
	var w hub.Waiter
	if write {
		w = s.WaitWrite(g)
	} else {
		w = s.WaitRead(g)
	}
	if !g.patched {
		g.w.h.Block(g.program, g)
	}
	g.w.back <- struct{}{}
	<-g.run
	w.Cancel()
}

func (g *gl) socket() *Socket {
	s, err := g.w.n.Socket()
	if err != nil {
		panic(err)
	}
	s.Program = g.program
	return s
}

func (g *gl) accept(l *Socket) *Socket {
	for {
		c, _, err := l.Accept()
		if err != ErrWouldBlock {
			if err != nil {
				panic(err)
			}
			return c
		}
		g.wait(l, false)
	}
}

func (g *gl) recv(s *Socket, n int) ([]byte, error) {
	buf := make([]byte, n)
	for {
		k, err := s.Recv(buf)
		if err != ErrWouldBlock {
			return buf[:k], err
		}
		g.wait(s, false)
	}
}

func (g *gl) send(s *Socket, data []byte) (int, error) {
	for {
		k, err := s.Send(data)
		if err != ErrWouldBlock {
			return k, err
		}
		g.wait(s, true)
	}
}

func (g *gl) sendall(s *Socket, data []byte) error {
	for len(data) > 0 {
		k, err := g.send(s, data)
		if err != nil {
			return err
		}
		data = data[k:]
	}
	return nil
}

// exit closes the program's sockets, as the OS does when a process ends.
func (g *gl) exit() { g.w.n.CloseProgram(g.program) }

// TestSeedEchoServer plays s003_06_socket_server.py (gevent, patched) with the
// input client s003_07 (plain blocking sockets) whose stdin holds two lines.
func TestSeedEchoServer(t *testing.T) {
	w := newWorld()
	w.spawn("server", 0, true, func(g *gl) {
		l := g.socket()
		if err := l.Bind("0.0.0.0", 8001); err != nil {
			panic(err)
		}
		l.Listen(128)
		for {
			c := g.accept(l)
			w.spawn("handler", 0, true, func(g *gl) {
				defer c.Close()
				for {
					data, err := g.recv(c, 1024)
					if err == nil {
						g.print("recv: b'%s'", data)
						_, err = g.send(c, data)
					}
					if err == nil && len(data) == 0 {
						err = c.Shutdown(1)
					}
					if err != nil {
						g.print("%v", err)
						return
					}
				}
			})
		}
	})
	w.spawn("client", 1, false, func(g *gl) {
		s := g.socket()
		if err := s.Connect("localhost", 8001); err != nil {
			panic(err)
		}
		for _, line := range []string{"hello", "world"} {
			g.sendall(s, []byte(line))
			data, _ := g.recv(s, 1024)
			g.print("Received b'%s'", data)
		}
		g.print("EOFError: EOF when reading a line")
		g.exit()
	})
	w.loop()
	got := strings.Join(w.out, "\n")
	want := strings.Join([]string{
		"handler: recv: b'hello'",
		"client: Received b'hello'",
		"handler: recv: b'world'",
		"client: Received b'world'",
		"client: EOFError: EOF when reading a line",
		"handler: recv: b''",
		"handler: recv: b''",
		"handler: [Errno 32] Broken pipe",
	}, "\n")
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	st := w.h.Stall()
	if st.Reason != hub.Idle || st.IO != 1 || w.n.Open() != 1 {
		t.Fatalf("%+v, %d open", st, w.n.Open())
	}
}
