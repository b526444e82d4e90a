package py

// This file defines the _net module: the native primitives the Python socket
// library (pylib/socket.py, gevent.socket, urllib.request) is built on. Every
// primitive returns at once; "would block" is answered with None (or False)
// and the Python layer waits with _net.wait, which parks the greenlet in the
// hub until the virtual socket may be ready.
//
// One vnet.Network exists per program: it is created when _net is first
// imported and captured by the module's functions, so it lives exactly as
// long as the program's module table. When several programs share a run, the
// engine will pass the run's network in (a field of the run's environment)
// and this maker will use it, tagging sockets with the program's index.

import (
	"coroutinetour/sandbox/hub"
	"coroutinetour/sandbox/vnet"
)

// netHandleClass is the class of the native socket handles socket.py wraps.
var netHandleClass = func() *Class {
	c := &Class{Name: "SocketHandle", Dict: NewDict(), Builtin: "sockethandle", Module: "_net"}
	c.MRO = []*Class{c, ObjectClass}
	return c
}()

// netWaitSet holds the registrations of one select() wait.
type netWaitSet struct {
	waiters []hub.Waiter
	timer   hub.Timer
}

func makeNetModule(th *Thread) *Module {
	th.theHub()
	// as many descriptors as a Linux process gets by default (ulimit -n 1024,
	// less stdin, stdout and stderr)
	network := (*vnet.Network)(nil)
	if sh := th.env.Shared; sh != nil && sh.Net != nil {
		network = sh.Net // the programs of a run talk over one network
	} else {
		network = vnet.New(th.sched, vnet.Options{MaxSockets: 1021, Hosts: th.env.Hosts})
	}
	m := NewModule("_net")
	gaierror := newClass("gaierror", []*Class{OSError}, NewDict())
	gaierror.Module = "socket"
	m.Dict.SetStr("gaierror", gaierror)

	raise := func(err error) error {
		e, ok := err.(*vnet.Error)
		if !ok {
			return th.newErr(OSError, "%s", err.Error())
		}
		cls := OSError
		switch e.Class {
		case "BlockingIOError":
			cls = BlockingIOError
		case "ConnectionRefusedError":
			cls = ConnectionRefusedError
		case "BrokenPipeError":
			cls = BrokenPipeError
		case "ConnectionResetError":
			cls = ConnectionResetError
		case "TimeoutError":
			return &PyError{Exc: newExc(TimeoutError, "timed out")}
		case "socket.gaierror":
			cls = gaierror
		}
		return &PyError{Exc: newExc(cls, e.Errno, e.Text)}
	}
	wrap := func(s *vnet.Socket) *Object {
		s.Program = th.env.Program
		return &Object{Class: netHandleClass, Dict: NewDict(), Native: s}
	}
	sockOf := func(v Value) (*vnet.Socket, error) {
		if o, ok := v.(*Object); ok {
			if s, ok := o.Native.(*vnet.Socket); ok {
				return s, nil
			}
		}
		return nil, th.typeError("expected a socket handle")
	}
	var scratch []byte
	addr := func(a vnet.Addr) Value { return Tuple{a.IP, a.Port} }
	hostPort := func(a []Value) (string, int, error) {
		host, ok := a[1].(string)
		port, ok2 := a[2].(int)
		if !ok || !ok2 {
			return "", 0, th.typeError("AF_INET address must be a pair (host, port)")
		}
		if port < 0 || port > 65535 {
			return "", 0, &PyError{Exc: newExc(OverflowError, "bind(): port must be 0-65535.")}
		}
		return host, port, nil
	}
	// def1 defines a function of a handle whose errors are raised.
	def1 := func(name string, fn func(s *vnet.Socket, a []Value) (Value, error)) {
		m.Def(name, func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			s, err := sockOf(a[0])
			if err != nil {
				return nil, err
			}
			v, err := fn(s, a)
			if err != nil {
				if err == vnet.ErrWouldBlock {
					return None, nil
				}
				if _, ok := err.(*vnet.Error); ok {
					return nil, raise(err)
				}
				return nil, err
			}
			return v, nil
		})
	}

	m.Def("socket", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		s, err := network.Socket()
		if err != nil {
			return nil, raise(err)
		}
		return wrap(s), nil
	})
	m.Def("socketpair", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		x, y, err := network.SocketPair()
		if err != nil {
			return nil, raise(err)
		}
		return Tuple{wrap(x), wrap(y)}, nil
	})
	m.Def("gethostname", func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return network.HostName(), nil })
	m.Def("resolve", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		name, _ := a[0].(string)
		ip, err := network.Resolve(name)
		if err != nil {
			return nil, raise(err)
		}
		return ip, nil
	})
	// now() is the hub's virtual time in ns, for socket deadlines.
	m.Def("now", func(th *Thread, a []Value, kw *Kwargs) (Value, error) { return int(th.sched.Now()), nil })
	def1("fileno", func(s *vnet.Socket, a []Value) (Value, error) { return int(s.ID()) + 2, nil })
	def1("bind", func(s *vnet.Socket, a []Value) (Value, error) {
		host, port, err := hostPort(a)
		if err != nil {
			return nil, err
		}
		return None, s.Bind(host, port)
	})
	def1("listen", func(s *vnet.Socket, a []Value) (Value, error) {
		backlog, _ := a[1].(int)
		return None, s.Listen(backlog)
	})
	// accept returns (handle, (ip, port)), or None when nobody is waiting.
	def1("accept", func(s *vnet.Socket, a []Value) (Value, error) {
		c, from, err := s.Accept()
		if err != nil {
			return nil, err
		}
		return Tuple{wrap(c), addr(from)}, nil
	})
	// connect returns True when connected, None when it must wait for room.
	def1("connect", func(s *vnet.Socket, a []Value) (Value, error) {
		host, port, err := hostPort(a)
		if err != nil {
			return nil, err
		}
		if err := s.Connect(host, port); err != nil {
			return nil, err
		}
		return true, nil
	})
	// recv(h, n) returns bytes, or None when nothing is there yet.
	def1("recv", func(s *vnet.Socket, a []Value) (Value, error) {
		n, _ := a[1].(int)
		if n < 0 {
			return nil, th.valueError("negative buffersize in recv")
		}
		if n > 1<<20 {
			n = 1 << 20
		}
		// read into a reused buffer: the result is copied into the bytes anyway
		if n > len(scratch) {
			scratch = make([]byte, n)
		}
		got, err := s.Recv(scratch[:n])
		if err != nil {
			return nil, err
		}
		return Bytes(scratch[:got]), nil
	})
	// send(h, data) returns the count taken, or None when the buffer is full.
	def1("send", func(s *vnet.Socket, a []Value) (Value, error) {
		var data []byte
		switch d := a[1].(type) {
		case Bytes:
			data = []byte(d)
		default:
			return nil, th.typeError("a bytes-like object is required, not '%s'", typeName(a[1]))
		}
		n, err := s.Send(data)
		if err != nil {
			return nil, err
		}
		return n, nil
	})
	def1("shutdown", func(s *vnet.Socket, a []Value) (Value, error) {
		how, _ := a[1].(int)
		return None, s.Shutdown(how)
	})
	def1("close", func(s *vnet.Socket, a []Value) (Value, error) { return None, s.Close() })
	def1("getsockname", func(s *vnet.Socket, a []Value) (Value, error) { return addr(s.LocalAddr()), nil })
	def1("getpeername", func(s *vnet.Socket, a []Value) (Value, error) {
		r, err := s.RemoteAddr()
		if err != nil {
			return nil, err
		}
		return addr(r), nil
	})
	def1("readable", func(s *vnet.Socket, a []Value) (Value, error) { return s.Readable(), nil })
	def1("writable", func(s *vnet.Socket, a []Value) (Value, error) { return s.Writable(), nil })
	// wait(h, mode, deadline, blocking): park until the socket may be ready
	// for mode 'r' or 'w' (or the deadline in ns passes, when not None).
	// A blocking (unpatched) wait freezes the rest of the program.
	m.Def("wait", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		caller, err := th.needInline("a socket operation")
		if err != nil {
			return nil, err
		}
		s, err := sockOf(a[0])
		if err != nil {
			return nil, err
		}
		cur := th.curGreenlet()
		task := &wakeTask{g: cur, gen: cur.resumes, value: None, reason: wakeIO}
		q := s.ReadQueue()
		if mode, _ := a[1].(string); mode == "w" {
			q = s.WriteQueue()
		}
		if deadline, ok := a[2].(int); ok {
			if _, err := th.sched.WaitUntil(q, task, int64(deadline)); err != nil {
				return nil, &haltError{Kind: "limit", Reason: "more than 10,000 timers are pending"}
			}
		} else {
			th.sched.Wait(q, task)
		}
		// a blocking call freezes the program, unless it has threads: then,
		// as under the GIL, the other threads run while this one waits
		if len(a) > 3 && truthy(a[3]) && th.threads == 0 {
			th.sched.Block(th.env.Program, task)
		}
		th.traceSocketWait(cur)
		return suspended, th.parkInHub(caller, "io")
	})
	// waitset() makes the token wait_any records its registrations in, so
	// that cancel(token) can drop them once the greenlet runs again.
	m.Def("waitset", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		return &Object{Class: netHandleClass, Dict: NewDict(), Native: &netWaitSet{}}, nil
	})
	// wait_any(token, readers, writers, deadline, blocking): park until one
	// of the handles may be ready (select.select), or the deadline passes.
	m.Def("wait_any", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		caller, err := th.needInline("select()")
		if err != nil {
			return nil, err
		}
		set, _ := a[0].(*Object).Native.(*netWaitSet)
		cur := th.curGreenlet()
		task := &wakeTask{g: cur, gen: cur.resumes, value: None, reason: wakeIO}
		for i, list := range []Value{a[1], a[2]} {
			items, _ := list.(*List)
			if items == nil {
				continue
			}
			for _, h := range items.Items {
				s, err := sockOf(h)
				if err != nil {
					return nil, err
				}
				q := s.ReadQueue()
				if i == 1 {
					q = s.WriteQueue()
				}
				set.waiters = append(set.waiters, th.sched.Wait(q, task))
			}
		}
		if deadline, ok := a[3].(int); ok {
			t, err := th.sched.AddTimer(int64(deadline), task)
			if err != nil {
				return nil, &haltError{Kind: "limit", Reason: "more than 10,000 timers are pending"}
			}
			set.timer = t
		}
		if truthy(a[4]) && th.threads == 0 {
			th.sched.Block(th.env.Program, task)
		}
		th.traceSocketWait(cur)
		return suspended, th.parkInHub(caller, "io")
	})
	m.Def("cancel", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		if set, ok := a[0].(*Object).Native.(*netWaitSet); ok {
			for _, w := range set.waiters {
				w.Cancel()
			}
			set.timer.Cancel()
			*set = netWaitSet{}
		}
		return None, nil
	})
	// set_module(cls, name): the module a library class reports in tracebacks
	// ("urllib.error.URLError"), until class statements honour __module__.
	m.Def("set_module", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		c, ok := a[0].(*Class)
		name, ok2 := a[1].(string)
		if !ok || !ok2 {
			return nil, th.typeError("set_module() needs a class and a name")
		}
		c.Module = name
		return None, nil
	})
	// poll_yield(): wait one loop poll, as a non-blocking connect's
	// EINPROGRESS makes a gevent socket do even on loopback.
	m.Def("poll_yield", func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
		caller, err := th.needInline("socket.connect()")
		if err != nil {
			return nil, err
		}
		cur := th.curGreenlet()
		th.sched.ScheduleIO(&wakeTask{g: cur, gen: cur.resumes, value: None, reason: wakeIO})
		th.traceSocketWait(cur)
		return suspended, th.parkInHub(caller, "io")
	})
	markNoRetain(m) // none of the functions above keeps its argument slice
	return m
}

// traceSocketWait tells the timeline that g waits on a socket.
func (th *Thread) traceSocketWait(g *Greenlet) {
	if th.env.Trace != nil {
		th.env.Trace("wait", TraceEvent{G: g.traceID(), Reason: "socket"})
	}
}

func init() {
	RegisterModule("_net", makeNetModule)
}
