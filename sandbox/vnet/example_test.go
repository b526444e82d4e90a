package vnet_test

import (
	"fmt"

	"coroutinetour/sandbox/hub"
	"coroutinetour/sandbox/vnet"
)

// A cooperative recv: try, and on ErrWouldBlock wait for readiness and let
// the hub run something else. Here the "greenlet" is a hub.Func.
func Example() {
	h := hub.New(hub.Options{})
	n := vnet.New(h, vnet.Options{})

	l, _ := n.Socket()
	l.Bind("127.0.0.1", 0)
	l.Listen(5)
	c, _ := n.Socket()
	c.Connect("localhost", l.LocalAddr().Port)
	s, addr, _ := l.Accept()
	fmt.Println("accepted from", addr)

	buf := make([]byte, 1024)
	var reader hub.Func
	reader = func() {
		k, err := s.Recv(buf)
		if err == vnet.ErrWouldBlock {
			s.WaitRead(reader) // wake me when data, EOF or a reset arrives
			return
		}
		fmt.Printf("t=%dms recv: %q %v\n", h.Now()/1e6, buf[:k], err)
		if k > 0 {
			h.Schedule(reader)
		}
	}
	h.Schedule(reader)
	h.AddTimer(250e6, hub.Func(func() { c.Send([]byte("hello")); c.Close() }))
	for {
		if _, ok := h.Next(); !ok {
			break
		}
	}
	fmt.Println(h.Stall().Reason)
	// Output:
	// accepted from 127.0.0.1:49153
	// t=250ms recv: "hello" <nil>
	// t=250ms recv: "" <nil>
	// idle
}
