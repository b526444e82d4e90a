package vnet

// This file defines Socket: a TCP socket's state machine and its stream
// semantics (buffers, half-close, close, reset), each operation non-blocking.

import "coroutinetour/sandbox/hub"

type sockState uint8

const (
	stateNew sockState = iota
	stateListening
	stateConnected
	stateClosed
)

// Socket is one virtual TCP socket. Every operation returns at once: when it
// would block it returns ErrWouldBlock, and the caller waits with WaitRead or
// WaitWrite and tries again (see the package doc).
type Socket struct {
	net   *Network
	id    int64
	state sockState
	bound bool
	local Addr
	// remote is the peer's address once connected.
	remote Addr

	// listening
	backlog    int
	pending    []*Socket // accept queue: server-side ends of established connections
	connectors []*Socket // sockets waiting for room in the accept queue

	// connected
	peer           *Socket
	in             stream // bytes for this socket to read
	rdShut, wrShut bool
	err            *Error // pending error (a reset), reported once
	reset          bool   // the connection was reset: recv gives b"", send EPIPE
	counted        bool   // counts toward MaxSockets

	readQ, writeQ hub.WaitQueue

	// Program is the index of the program that owns the socket (set by the
	// caller; accepted sockets inherit their listener's), for CloseProgram.
	Program int

	// Go-side handlers (simulated servers), run as hub Funcs.
	onRead, onWrite      func()
	readQueued, wrQueued bool
	runRead, runWrite    hub.Func
	deliverFunc          hub.Func
}

// Socket creates a socket (socket.socket()). It fails with ErrTooManyFiles
// past Options.MaxSockets.
func (n *Network) Socket() (*Socket, error) {
	if n.open >= n.opts.MaxSockets {
		return nil, ErrTooManyFiles
	}
	s := n.newSocket()
	s.counted = true
	n.open++
	n.all = append(n.all, s)
	return s, nil
}

// CloseProgram closes every open socket of a program, in creation order, as
// the OS does when a process exits (the peers read end of stream, or a reset
// when unread data was left).
func (n *Network) CloseProgram(program int) {
	live := n.all[:0]
	for _, s := range n.all {
		if s.state != stateClosed && s.Program == program {
			s.Close()
		}
		if s.state != stateClosed {
			live = append(live, s)
		}
	}
	for i := len(live); i < len(n.all); i++ {
		n.all[i] = nil
	}
	n.all = live
}

func (n *Network) newSocket() *Socket {
	n.sockets++
	s := &Socket{net: n, id: n.sockets}
	s.readQ.Kind, s.writeQ.Kind = hub.WaitIO, hub.WaitIO
	return s
}

// SocketPair returns two connected sockets (socket.socketpair()); their
// addresses are empty.
func (n *Network) SocketPair() (*Socket, *Socket, error) {
	if n.open+2 > n.opts.MaxSockets {
		return nil, nil, ErrTooManyFiles
	}
	a, b := n.newSocket(), n.newSocket()
	a.counted, b.counted = true, true
	n.open += 2
	n.all = append(n.all, a, b)
	a.state, b.state = stateConnected, stateConnected
	a.peer, b.peer = b, a
	return a, b, nil
}

// Open is the number of open sockets.
func (n *Network) Open() int { return n.open }

// ID is a number unique within the run (for fileno()).
func (s *Socket) ID() int64 { return s.id }

// LocalAddr is getsockname(): 0.0.0.0:0 before bind.
func (s *Socket) LocalAddr() Addr {
	if !s.bound {
		return Addr{"0.0.0.0", 0}
	}
	return s.local
}

// RemoteAddr is getpeername(); ErrNotConnected unless connected.
func (s *Socket) RemoteAddr() (Addr, error) {
	if s.state == stateClosed {
		return Addr{}, ErrBadFD
	}
	if s.state != stateConnected || s.reset {
		return Addr{}, ErrNotConnected
	}
	return s.remote, nil
}

// Closed reports whether Close was called.
func (s *Socket) Closed() bool { return s.state == stateClosed }

// Listening reports whether the socket listens.
func (s *Socket) Listening() bool { return s.state == stateListening }

// Bind binds to host:port; port 0 picks the next ephemeral port (49152 up).
// host "" is 0.0.0.0. Errors: ErrInvalid when already bound, ErrAddrInUse,
// ErrAddrNotAvail for a non-local address, name errors from Resolve.
// SO_REUSEADDR changes nothing: there is no TIME_WAIT here, and a port held by
// a live socket is in use either way, as on Linux.
func (s *Socket) Bind(host string, port int) error {
	if s.state == stateClosed {
		return ErrBadFD
	}
	if s.bound {
		return ErrInvalid
	}
	ip, err := s.net.ResolveBind(host)
	if err != nil {
		return err
	}
	if !isLocal(ip) {
		return ErrAddrNotAvail
	}
	if port == 0 {
		if port, err = s.net.ephemeral(ip); err != nil {
			return err
		}
	} else if !s.net.portFree(ip, port) {
		return ErrAddrInUse
	}
	s.net.bind(s, ip, port)
	s.bound = true
	return nil
}

// Listen makes the socket a listener whose accept queue holds backlog+1
// connections, as Linux's does (backlog is clamped to 0..4096). An unbound
// socket is first bound to 0.0.0.0 and an ephemeral port.
func (s *Socket) Listen(backlog int) error {
	switch s.state {
	case stateClosed:
		return ErrBadFD
	case stateConnected:
		return ErrInvalid
	}
	if !s.bound {
		if err := s.Bind("0.0.0.0", 0); err != nil {
			return err
		}
	}
	backlog = min(max(backlog, 0), 4096)
	s.backlog = backlog
	s.state = stateListening
	s.wakeConnectors()
	return nil
}

// Accept takes the first established connection: the new socket and the
// client's address. ErrWouldBlock when none is waiting; ErrInvalid when the
// socket does not listen.
func (s *Socket) Accept() (*Socket, Addr, error) {
	if s.state == stateClosed {
		return nil, Addr{}, ErrBadFD
	}
	if s.state != stateListening {
		return nil, Addr{}, ErrInvalid
	}
	if len(s.pending) == 0 {
		return nil, Addr{}, ErrWouldBlock
	}
	if s.net.open >= s.net.opts.MaxSockets {
		return nil, Addr{}, ErrTooManyFiles
	}
	c := s.pending[0]
	s.pending[0] = nil
	s.pending = s.pending[1:]
	c.counted = true
	c.Program = s.Program
	s.net.open++
	s.net.all = append(s.net.all, c)
	s.wakeConnectors()
	return c, c.remote, nil
}

// wakeConnectors lets the first connectors in while the accept queue has room.
func (s *Socket) wakeConnectors() {
	room := s.backlog + 1 - len(s.pending)
	for room > 0 && len(s.connectors) > 0 {
		c := s.connectors[0]
		s.connectors = s.connectors[1:]
		s.net.notifyWrite(c)
		room--
	}
}

// Connect connects to host:port. It resolves the name (ErrNoName), refuses
// when nothing listens there (ErrRefused), reaches the simulated internet on
// ports 80 and 443 of its hosts, and fails with ErrNetUnreachable for any
// other address. When the listener's accept queue is full it returns
// ErrWouldBlock: wait with WaitWrite and call Connect again. The handshake
// itself takes no virtual time.
func (s *Socket) Connect(host string, port int) error {
	switch s.state {
	case stateClosed:
		return ErrBadFD
	case stateConnected:
		return ErrIsConnected
	case stateListening:
		return ErrInvalid
	}
	n := s.net
	ip, err := n.Resolve(host)
	if err != nil {
		return err
	}
	if ip == "0.0.0.0" {
		ip = "127.0.0.1"
	}
	if isLocal(ip) {
		l := n.listenerFor(ip, port)
		if l == nil {
			return ErrRefused
		}
		if len(l.pending) >= l.backlog+1 {
			for _, c := range l.connectors {
				if c == s {
					return ErrWouldBlock
				}
			}
			l.connectors = append(l.connectors, s)
			return ErrWouldBlock
		}
		if err := s.bindForConnect("127.0.0.1"); err != nil {
			return err
		}
		srv := n.newSocket()
		srv.local = Addr{ip, port}
		srv.bound = true
		link(s, srv, Addr{ip, port})
		l.pending = append(l.pending, srv)
		n.notifyRead(l)
		return nil
	}
	site := n.hostByIP[ip]
	if site == nil {
		return ErrNetUnreachable
	}
	if port != 80 && port != 443 {
		return ErrRefused
	}
	if err := s.bindForConnect(outwardIP); err != nil {
		return err
	}
	srv := n.newSocket()
	srv.local = Addr{ip, port}
	srv.bound = true
	link(s, srv, Addr{ip, port})
	site.serve(srv)
	return nil
}

// outwardIP is the client's address on connections to the simulated internet.
const outwardIP = "10.0.0.2"

func (s *Socket) bindForConnect(ip string) error {
	if s.bound {
		return nil
	}
	port, err := s.net.ephemeral(ip)
	if err != nil {
		return err
	}
	s.net.bind(s, ip, port)
	s.bound = true
	return nil
}

func link(client, server *Socket, to Addr) {
	client.state, server.state = stateConnected, stateConnected
	client.peer, server.peer = server, client
	client.remote = to
	server.remote = client.local
}

// Send writes what fits of data (send()). It returns how many bytes were
// taken; ErrWouldBlock when the peer's buffer is full; ErrBrokenPipe after
// this side's shutdown(SHUT_WR), after a reset, or when not connected; a
// pending reset error first (ErrReset, or ErrBrokenPipe when the reset came
// after the peer's FIN, as Linux reports it in CLOSE_WAIT). Data sent to a
// peer that has closed is taken, and the peer's reset arrives at once: the
// first send succeeds and the next fails, as on Linux loopback. send(b”)
// returns 0 unless the socket is shut down for writing.
func (s *Socket) Send(data []byte) (int, error) {
	switch s.state {
	case stateClosed:
		return 0, ErrBadFD
	case stateNew, stateListening:
		return 0, ErrBrokenPipe
	}
	if e := s.takeErr(); e != nil {
		return 0, e
	}
	if s.wrShut || s.reset {
		return 0, ErrBrokenPipe
	}
	if len(data) == 0 {
		return 0, nil
	}
	p := s.peer
	if p.state == stateClosed || (p.rdShut && p.wrShut) {
		// The peer answers data with a reset.
		s.gotReset()
		return len(data), nil
	}
	space := s.net.opts.BufferSize - p.in.len() - p.in.inflight
	if space <= 0 {
		return 0, ErrWouldBlock
	}
	k := min(len(data), space)
	s.net.deliver(p, data[:k], false)
	return k, nil
}

// Recv reads up to len(p) bytes into p (recv(len(p))). It returns 0 and no
// error for b”: at end of stream (the peer shut down writing or closed, and
// everything was read), after this side's shutdown(SHUT_RD), after a reset
// was reported, on an unconnected socket, and for an empty p. Buffered data
// comes before a pending reset error. ErrWouldBlock when nothing is there yet.
func (s *Socket) Recv(p []byte) (int, error) {
	switch s.state {
	case stateClosed:
		return 0, ErrBadFD
	case stateListening:
		return 0, ErrNotConnected
	case stateNew:
		return 0, nil
	}
	if s.in.len() > 0 && len(p) > 0 {
		k := s.in.read(p)
		if s.peer != nil {
			s.net.notifyWrite(s.peer)
		}
		return k, nil
	}
	if e := s.takeErr(); e != nil {
		return 0, e
	}
	if s.in.eof || s.rdShut || s.reset || len(p) == 0 {
		return 0, nil
	}
	return 0, ErrWouldBlock
}

// Buffered is the number of bytes ready to read.
func (s *Socket) Buffered() int { return s.in.len() }

// Shutdown is shutdown(how) with SHUT_RD=0, SHUT_WR=1, SHUT_RDWR=2. SHUT_WR
// sends end of stream to the peer once its buffered data is read.
func (s *Socket) Shutdown(how int) error {
	if s.state == stateClosed {
		return ErrBadFD
	}
	if how < 0 || how > 2 {
		return ErrInvalid
	}
	if s.state != stateConnected || s.reset {
		return ErrNotConnected
	}
	if how == 0 || how == 2 {
		s.rdShut = true
		s.net.notifyRead(s)
	}
	if (how == 1 || how == 2) && !s.wrShut {
		s.wrShut = true
		s.net.deliver(s.peer, nil, true)
		s.net.notifyWrite(s)
	}
	return nil
}

// Close closes the socket; closing twice does nothing. A connection whose
// unread input is not empty is reset (the peer's next recv or send fails with
// ErrReset), otherwise the peer reads end of stream. A listener resets the
// connections still in its accept queue. Tasks waiting on the socket are woken
// (they then get ErrBadFD).
func (s *Socket) Close() error {
	if s.state == stateClosed {
		return nil
	}
	n := s.net
	switch s.state {
	case stateListening:
		for _, c := range s.pending {
			if c.peer != nil {
				c.peer.gotReset()
			}
			c.state = stateClosed
		}
		s.pending = nil
		for _, c := range s.connectors {
			n.notifyWrite(c)
		}
		s.connectors = nil
	case stateConnected:
		if !s.reset && s.peer != nil {
			if s.in.len() > 0 || s.in.inflight > 0 {
				s.peer.gotReset()
			} else if !s.wrShut {
				n.deliver(s.peer, nil, true)
			}
		}
	}
	s.state = stateClosed
	if s.bound && s.local.Port != 0 && n.isBound(s) {
		n.unbind(s)
	}
	if s.counted {
		n.open--
		s.counted = false
	}
	s.in.buf, s.in.off = nil, 0
	n.notifyRead(s)
	n.notifyWrite(s)
	return nil
}

// Abort closes with a reset, as close() after SO_LINGER with a zero timeout
// does: the peer's next recv or send fails with ErrReset.
func (s *Socket) Abort() error {
	if s.state == stateConnected && !s.reset && s.peer != nil {
		s.peer.gotReset()
		s.reset = true
	}
	return s.Close()
}

func (n *Network) isBound(s *Socket) bool {
	for _, b := range n.bound[s.local.Port] {
		if b == s {
			return true
		}
	}
	return false
}

// takeErr reports a pending error once.
func (s *Socket) takeErr() *Error {
	e := s.err
	s.err = nil
	return e
}

// gotReset records a reset from the peer.
func (s *Socket) gotReset() {
	if s.state != stateConnected || s.reset {
		return
	}
	if s.in.eof {
		s.err = ErrBrokenPipe // Linux: a reset in CLOSE_WAIT is EPIPE
	} else {
		s.err = ErrReset
	}
	s.reset = true
	s.in.dropInflight()
	if p := s.peer; p != nil && p.state == stateConnected && !p.reset {
		p.reset = true // the peer's side is gone too
	}
	s.net.notifyRead(s)
	s.net.notifyWrite(s)
}

// Readable reports whether Recv or Accept would return without blocking.
func (s *Socket) Readable() bool {
	switch s.state {
	case stateListening:
		return len(s.pending) > 0
	case stateConnected:
		return s.in.len() > 0 || s.err != nil || s.in.eof || s.rdShut || s.reset
	}
	return true
}

// Writable reports whether Send would return without blocking.
func (s *Socket) Writable() bool {
	if s.state != stateConnected || s.err != nil || s.wrShut || s.reset {
		return true
	}
	p := s.peer
	return p.state == stateClosed || s.net.opts.BufferSize-p.in.len()-p.in.inflight > 0
}

// WaitRead registers t to be scheduled when the socket may have become
// readable (data, end of stream, reset, a connection to accept, close).
// Wake-ups can be spurious: retry the operation.
func (s *Socket) WaitRead(t hub.Task) hub.Waiter { return s.net.hub.Wait(&s.readQ, t) }

// ReadQueue and WriteQueue are the socket's wait queues, for hub.WaitUntil.
func (s *Socket) ReadQueue() *hub.WaitQueue { return &s.readQ }

// WriteQueue is the queue WaitWrite registers in.
func (s *Socket) WriteQueue() *hub.WaitQueue { return &s.writeQ }

// WaitWrite registers t to be scheduled when the socket may have become
// writable (buffer space, reset, room in a listener's accept queue, close).
func (s *Socket) WaitWrite(t hub.Task) hub.Waiter { return s.net.hub.Wait(&s.writeQ, t) }

func (n *Network) notifyRead(s *Socket) {
	n.hub.WakeAll(&s.readQ)
	if s.onRead != nil && !s.readQueued {
		s.readQueued = true
		n.hub.Schedule(s.runRead)
	}
}

func (n *Network) notifyWrite(s *Socket) {
	n.hub.WakeAll(&s.writeQ)
	if s.onWrite != nil && !s.wrQueued {
		s.wrQueued = true
		n.hub.Schedule(s.runWrite)
	}
}

// setHandlers makes Go functions react to the socket's readiness (simulated
// servers); they run as hub Funcs.
func (s *Socket) setHandlers(onRead, onWrite func()) {
	s.onRead, s.onWrite = onRead, onWrite
	s.runRead = func() { s.readQueued = false; s.onRead() }
	s.runWrite = func() { s.wrQueued = false; s.onWrite() }
}
