// Package vnet is the engine's virtual network: TCP sockets between the
// programs of one run, and a simulated internet of HTTP hosts, all on the
// hub's virtual clock. No code path touches a real socket or real name
// resolution.
//
// # Addresses
//
// "localhost", "" and the run's host name (Options.HostName, default
// "coroutine-tour") resolve to 127.0.0.1; every 127.x.x.x and 0.0.0.0 is
// local. Bind with port 0 takes the next free ephemeral port counting from
// 49152 (deterministic); connect binds a client the same way. A port bound by
// a live socket is "[Errno 98] Address already in use" (SO_REUSEADDR changes
// nothing: there is no TIME_WAIT). Simulated hosts get addresses in
// 203.0.113.0/24; clients reaching them appear as 10.0.0.2. Unknown names fail
// as getaddrinfo does offline: "[Errno -2] Name or service not known".
//
// # Streams
//
// A connection is two byte streams. Each direction holds Options.BufferSize
// bytes (256 KiB); Send takes what fits and returns the count, Recv returns
// what is buffered up to the size asked, so data arrives merged or split as
// TCP allows, deterministically. Delivery takes Options.Latency (default 0:
// as on Linux loopback, sent data is readable when send returns); with a
// latency, segments arrive in order at send time + latency. Connection set-up
// takes no virtual time; a listener's accept queue holds backlog+1
// connections, after which Connect returns ErrWouldBlock until an accept makes
// room (Linux would drop the SYN and retry).
//
// Closing, half-closing and resets follow Linux (measured with CPython over
// real loopback):
//
//   - recv after the peer's close or shutdown(SHUT_WR) gives b"" (after the
//     buffered data), as many times as asked;
//   - send after the peer's close succeeds once; the peer answers with a
//     reset, and the next send fails: "[Errno 32] Broken pipe" (a reset after
//     the peer's FIN is EPIPE on Linux), then Broken pipe again;
//   - closing with unread input resets the connection: the peer's next recv
//     or send fails with "[Errno 104] Connection reset by peer" (buffered data
//     is still read first), then recv gives b"" and send Broken pipe;
//   - send after one's own shutdown(SHUT_WR), even send(b""), is Broken pipe;
//     send(b"") is otherwise 0 (the seed servers' "recv: b""" twice, then
//     "[Errno 32] Broken pipe");
//   - recv after one's own shutdown(SHUT_RD) gives b"" when nothing is
//     buffered (data arriving later is still readable, as on Linux); data sent
//     to a socket shut down both ways resets the sender;
//   - closing a listener resets the connections it had not accepted;
//   - operations on a closed socket: "[Errno 9] Bad file descriptor".
//
// # Blocking and cooperative sockets
//
// Every operation returns at once; ErrWouldBlock means it would block. A
// socket emulation loops:
//
//	for {
//		n, err := s.Recv(buf)
//		if err != vnet.ErrWouldBlock {
//			return n, err
//		}
//		if hasTimeout && h.Now() >= deadline {
//			return 0, vnet.ErrTimeout
//		}
//		s.WaitRead(g)                  // g: the waiting greenlet (a hub.Task)
//		// or, with a timeout: h.WaitUntil(s.ReadQueue(), g, deadline)
//		switch to the hub; g runs again when woken (once), then loop
//	}
//
// A gevent (or monkey-patched) socket switches to the hub, so other greenlets
// run. An unpatched blocking socket does the same but its whole program is
// frozen meanwhile: the interpreter runs none of that program's other
// greenlets until g is woken, while the hub keeps running the other programs
// and the clock. Accept and Connect use WaitRead and WaitWrite the same way;
// Readable and Writable answer select()-style questions. Wake-ups may be
// spurious: always retry the operation.
//
// # The simulated internet
//
// Each host runs an HTTP/1.1 server inside the run (Go code scheduled as hub
// Funcs) on ports 80 and 443; other ports refuse. https is served as plain
// HTTP: there is no TLS, the Python urlopen emulation speaks HTTP on port 443.
// The server reads one request, finds the page whose Match is the longest
// prefix of host+path (the scheme ignored; a bare host name matches every
// path; a known host with no matching page answers 404), waits the page's
// Latency, writes the whole response (Content-Length, Connection: close) and
// closes. Bodies are Body, or Size bytes of generated HTML (GeneratePage).
// So urlopen(url).read() takes the page's latency: a synchronous crawl takes
// the sum of the latencies, an asynchronous one the largest.
//
// The default table (DefaultHosts), from the seed documents:
//
//	www.python.org                                          150 ms   47381 bytes
//	www.yahoo.com                                           250 ms  440972 bytes
//	github.com                                              320 ms   25513 bytes
//	www.cnblogs.com/alex3714/articles/5248247.html          290 ms   92147 bytes
//	www.cnblogs.com/chen170615/p/8797609.html               190 ms   10930 bytes
//	www.cnblogs.com/chen170615/p/8761768.html               120 ms   11853 bytes
//
// # Hosts files
//
// `pyrun --hosts FILE` (ParseHosts) reads one host per line:
//
//	# MATCH                         LATENCY  options
//	www.example.com                 80ms     size=5000
//	https://example.org/missing     1s       status=404 body=Nothing here\n
//	api.example.net                 250ms    body={"ok": true}
//
// MATCH is a host name or URL prefix; LATENCY a Go duration; status=N (200 by
// default), size=N (bytes of generated HTML) and body=TEXT (the rest of the
// line, with \n, \t and \\ escapes). An entry with the Match of a default
// entry replaces it.
package vnet
