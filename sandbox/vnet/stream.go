package vnet

// This file defines stream, one direction of a connection, and delivery with
// the loopback latency model.

import "coroutinetour/sandbox/hub"

// stream holds the bytes a socket has received and not yet read, and, when
// the network has a latency, the segments still on their way.
type stream struct {
	buf []byte
	off int
	eof bool // the peer's FIN has arrived (after all its data)

	segs     []segment // in flight, in arrival order
	inflight int       // bytes in segs
	armed    bool      // a delivery timer is pending
}

type segment struct {
	at   int64
	data []byte
	fin  bool
}

func (st *stream) len() int { return len(st.buf) - st.off }

func (st *stream) read(p []byte) int {
	k := copy(p, st.buf[st.off:])
	st.off += k
	if st.off == len(st.buf) {
		st.buf, st.off = st.buf[:0], 0
	} else if st.off > 4096 && st.off*2 > len(st.buf) {
		m := copy(st.buf, st.buf[st.off:])
		st.buf, st.off = st.buf[:m], 0
	}
	return k
}

func (st *stream) dropInflight() {
	st.segs, st.inflight = nil, 0
}

// deliver sends data (or end of stream) to the receiving socket r: at once
// when the latency is 0, else as a segment arriving Latency later. Arrivals
// keep their order.
func (n *Network) deliver(r *Socket, data []byte, fin bool) {
	st := &r.in
	if n.opts.Latency <= 0 {
		n.arrive(r, data, fin)
		return
	}
	at := n.hub.Now() + n.opts.Latency
	if k := len(st.segs); k > 0 && st.segs[k-1].at > at {
		at = st.segs[k-1].at
	}
	st.segs = append(st.segs, segment{at: at, data: append([]byte(nil), data...), fin: fin})
	st.inflight += len(data)
	if !st.armed {
		n.arm(r)
	}
}

func (n *Network) arm(r *Socket) {
	if r.deliverFunc == nil {
		r.deliverFunc = hub.Func(func() { n.arrivals(r) })
	}
	r.in.armed = true
	// Deliveries are part of the network, not a program's timers: they do not
	// count toward MaxTimers' purpose, but a full hub still refuses them, and
	// then the data arrives at once rather than being lost.
	if _, err := n.hub.AddTimer(r.in.segs[0].at, r.deliverFunc); err != nil {
		r.in.armed = false
		n.arrivals(r)
	}
}

// arrivals moves the segments due now into the buffer.
func (n *Network) arrivals(r *Socket) {
	st := &r.in
	st.armed = false
	now := n.hub.Now()
	for len(st.segs) > 0 && st.segs[0].at <= now {
		sg := st.segs[0]
		st.segs[0] = segment{}
		st.segs = st.segs[1:]
		st.inflight -= len(sg.data)
		n.arrive(r, sg.data, sg.fin)
	}
	if len(st.segs) > 0 {
		n.arm(r)
	}
}

// arrive puts data or a FIN into r's buffer, or resets the sender when r is
// gone or shut down both ways.
func (n *Network) arrive(r *Socket, data []byte, fin bool) {
	if r.state == stateClosed && !fin && r.peer != nil {
		r.peer.gotReset() // data reached a socket closed meanwhile
		return
	}
	if r.state != stateConnected || r.reset {
		return
	}
	if fin {
		r.in.eof = true
		n.notifyRead(r)
		return
	}
	if r.rdShut && r.wrShut {
		if r.peer != nil {
			r.peer.gotReset()
		}
		return
	}
	r.in.buf = append(r.in.buf, data...)
	n.notifyRead(r)
}
