package vnet

import (
	"testing"

	"coroutinetour/sandbox/hub"
)

// echoClient and echoHandler are state machines run as hub Funcs: the cost
// measured is the network's and the hub's, not an interpreter's.
type echoClient struct {
	s     *Socket
	msg   []byte
	got   int
	trips int
	buf   [4096]byte
	step  hub.Func
	done  *int
}

func (c *echoClient) run() {
	for {
		if c.got == 0 {
			if _, err := c.s.Send(c.msg); err != nil {
				panic(err)
			}
		}
		k, err := c.s.Recv(c.buf[:])
		if err == ErrWouldBlock {
			c.s.WaitRead(c.step)
			return
		}
		if err != nil || k == 0 {
			panic("echo failed")
		}
		c.got += k
		if c.got < len(c.msg) {
			continue
		}
		c.got = 0
		c.trips--
		*c.done++
		if c.trips == 0 {
			c.s.Close()
			return
		}
	}
}

type echoHandler struct {
	s    *Socket
	buf  [4096]byte
	step hub.Func
}

func (e *echoHandler) run() {
	for {
		k, err := e.s.Recv(e.buf[:])
		if err == ErrWouldBlock {
			e.s.WaitRead(e.step)
			return
		}
		if err != nil || k == 0 {
			e.s.Close()
			return
		}
		e.s.Send(e.buf[:k])
	}
}

// BenchmarkEcho100x100 is bench/workloads/gevent_echo.py's shape: a server
// and 100 clients doing 100 round trips of 64 bytes each (one op = all 10,000
// round trips).
func BenchmarkEcho100x100(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		h := hub.New(hub.Options{})
		n := New(h, Options{MaxSockets: 1000})
		l, _ := n.Socket()
		l.Bind("127.0.0.1", 0)
		l.Listen(1024)
		port := l.LocalAddr().Port
		var accept hub.Func
		accept = func() {
			for {
				s, _, err := l.Accept()
				if err == ErrWouldBlock {
					l.WaitRead(accept)
					return
				}
				e := &echoHandler{s: s}
				e.step = e.run
				h.Schedule(e.step)
			}
		}
		h.Schedule(accept)
		done := 0
		msg := make([]byte, 64)
		for k := 0; k < 100; k++ {
			s, _ := n.Socket()
			c := &echoClient{s: s, msg: msg, trips: 100, done: &done}
			c.step = c.run
			h.Schedule(hub.Func(func() {
				if err := s.Connect("127.0.0.1", port); err != nil {
					panic(err)
				}
				c.run()
			}))
		}
		for {
			if _, ok := h.Next(); !ok {
				break
			}
		}
		if done != 10_000 {
			b.Fatal(done)
		}
	}
}

// BenchmarkRoundTrip is one 64-byte send and recv each way on one connection.
func BenchmarkRoundTrip(b *testing.B) {
	_, c, s := pair(b, Options{})
	msg := make([]byte, 64)
	buf := make([]byte, 4096)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.Send(msg)
		k, _ := s.Recv(buf)
		s.Send(buf[:k])
		c.Recv(buf)
	}
}
