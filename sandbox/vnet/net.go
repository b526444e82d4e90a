package vnet

// This file defines the Network: options, name resolution, addresses, port
// bindings and ephemeral ports.

import (
	"strconv"
	"strings"

	"coroutinetour/sandbox/hub"
)

// Options configures a Network. Zero fields take the defaults.
type Options struct {
	// HostName is what socket.gethostname() returns (default "coroutine-tour");
	// it resolves to 127.0.0.1.
	HostName string
	// Latency is the one-way delivery time of loopback data in ns (default 0:
	// as on Linux loopback, data is readable as soon as send returns).
	Latency int64
	// BufferSize is the bytes one direction of a connection holds before send
	// would block (default 256 KiB).
	BufferSize int
	// MaxSockets bounds the open sockets (default 64); past it socket() fails
	// with "[Errno 24] Too many open files".
	MaxSockets int
	// Hosts are added to the simulated internet; an entry whose Match equals a
	// default one replaces it.
	Hosts []Host
	// NoDefaultHosts leaves out DefaultHosts.
	NoDefaultHosts bool
}

// Defaults.
const (
	DefaultHostName   = "coroutine-tour"
	DefaultBufferSize = 256 << 10
	DefaultMaxSockets = 64
	firstEphemeral    = 49152
)

// Addr is an IPv4 address and port, as Python's (host, port) tuples.
type Addr struct {
	IP   string
	Port int
}

func (a Addr) String() string { return a.IP + ":" + strconv.Itoa(a.Port) }

// Network is one run's virtual network. Like the hub, it belongs to the run's
// goroutine.
type Network struct {
	hub  *hub.Hub
	opts Options

	open     int               // open sockets
	bound    map[int][]*Socket // port -> sockets bound to it (lookup only, never ranged)
	nextPort int

	hosts    []*siteHost // the simulated internet, in table order
	hostByIP map[string]*siteHost
	sockets  int64     // sockets ever created, for ids
	all      []*Socket // sockets handed out, in creation order (see CloseProgram)
}

// New returns a network on the given hub.
func New(h *hub.Hub, opts Options) *Network {
	if opts.HostName == "" {
		opts.HostName = DefaultHostName
	}
	if opts.BufferSize <= 0 {
		opts.BufferSize = DefaultBufferSize
	}
	if opts.MaxSockets <= 0 {
		opts.MaxSockets = DefaultMaxSockets
	}
	n := &Network{hub: h, opts: opts, bound: map[int][]*Socket{}, nextPort: firstEphemeral, hostByIP: map[string]*siteHost{}}
	var table []Host
	if !opts.NoDefaultHosts {
		table = append(table, DefaultHosts()...)
	}
	table = append(table, opts.Hosts...)
	n.setHosts(table)
	return n
}

// Hub is the hub the network schedules on.
func (n *Network) Hub() *hub.Hub { return n.hub }

// HostName is socket.gethostname().
func (n *Network) HostName() string { return n.opts.HostName }

// Resolve is gethostbyname: a dotted IPv4 address is returned as is;
// "localhost", "" and the run's host name are 127.0.0.1 ("" is 0.0.0.0 for
// bind: see ResolveBind); simulated hosts have their own addresses; any other
// name fails with ErrNoName, as getaddrinfo does offline.
func (n *Network) Resolve(name string) (string, error) {
	if ip, ok := parseIPv4(name); ok {
		return ip, nil
	}
	lower := strings.ToLower(strings.TrimSuffix(name, "."))
	switch lower {
	case "", "localhost", "localhost.localdomain", strings.ToLower(n.opts.HostName):
		return "127.0.0.1", nil
	}
	for _, h := range n.hosts {
		if h.name == lower {
			return h.ip, nil
		}
	}
	return "", ErrNoName
}

// ResolveBind resolves a host for bind: "" is 0.0.0.0 (INADDR_ANY).
func (n *Network) ResolveBind(name string) (string, error) {
	if name == "" {
		return "0.0.0.0", nil
	}
	return n.Resolve(name)
}

// parseIPv4 accepts a dotted quad and returns it in canonical form.
func parseIPv4(s string) (string, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return "", false
	}
	var b strings.Builder
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || v > 255 || p == "" || p[0] == '+' || p[0] == '-' {
			return "", false
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.Itoa(v))
	}
	return b.String(), true
}

// isLocal reports whether ip is an address of this machine.
func isLocal(ip string) bool { return ip == "0.0.0.0" || strings.HasPrefix(ip, "127.") }

// conflicts reports whether binding ip would clash with a socket bound to bip
// on the same port.
func conflicts(ip, bip string) bool { return ip == bip || ip == "0.0.0.0" || bip == "0.0.0.0" }

// portFree reports whether ip:port can be bound.
func (n *Network) portFree(ip string, port int) bool {
	for _, s := range n.bound[port] {
		if conflicts(ip, s.local.IP) {
			return false
		}
	}
	return true
}

// ephemeral picks the next free port from 49152 up, wrapping at 65535.
func (n *Network) ephemeral(ip string) (int, error) {
	for i := 0; i < 65536-firstEphemeral; i++ {
		p := n.nextPort
		n.nextPort++
		if n.nextPort > 65535 {
			n.nextPort = firstEphemeral
		}
		if n.portFree(ip, p) {
			return p, nil
		}
	}
	return 0, ErrAddrInUse
}

func (n *Network) bind(s *Socket, ip string, port int) {
	s.local = Addr{ip, port}
	n.bound[port] = append(n.bound[port], s)
}

func (n *Network) unbind(s *Socket) {
	list := n.bound[s.local.Port]
	for i, b := range list {
		if b == s {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	if len(list) == 0 {
		delete(n.bound, s.local.Port)
	} else {
		n.bound[s.local.Port] = list
	}
}

// listenerFor finds the listening socket that a connection to ip:port reaches.
func (n *Network) listenerFor(ip string, port int) *Socket {
	var any *Socket
	for _, s := range n.bound[port] {
		if s.state != stateListening {
			continue
		}
		if s.local.IP == ip {
			return s
		}
		if s.local.IP == "0.0.0.0" {
			any = s
		}
	}
	return any
}
