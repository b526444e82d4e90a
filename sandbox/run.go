package sandbox

// This file defines a run: programs executed on one virtual clock, their
// output and coroutine events delivered in order, input typed while they run.

import (
	"fmt"

	"coroutinetour/sandbox/compile"
	"coroutinetour/sandbox/hub"
	"coroutinetour/sandbox/vnet"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"coroutinetour/sandbox/py"
)

// Run is one execution of Options.Programs. See Start.
type Run struct {
	opts      Options
	emit      func(Event)
	cancel    atomic.Bool
	inputWait atomic.Int64 // nanoseconds spent waiting for typed input (not in Result.Wall)
	done      chan struct{}
	result    Result
	inputMu   sync.Mutex
	inputs    []*inputQueue
	seq       int64
	clock     int64
	output    int64
}

// inputQueue is one program's stdin: text not yet read, and whether more may come.
type inputQueue struct {
	buf    string
	closed bool
	wake   chan struct{}
}

// Start begins a run on its own goroutine. emit receives every event in
// order, on that goroutine.
func Start(opts Options, emit func(Event)) *Run {
	opts.Limits = withDefaults(opts.Limits)
	r := &Run{opts: opts, emit: emit, done: make(chan struct{})}
	for _, p := range opts.Programs {
		r.inputs = append(r.inputs, &inputQueue{buf: p.Stdin, closed: !opts.Interactive, wake: make(chan struct{}, 1)})
	}
	go r.main()
	return r
}

func withDefaults(l Limits) Limits {
	d := DefaultLimits()
	if l.MaxSteps == 0 {
		l.MaxSteps = d.MaxSteps
	}
	if l.MaxWall == 0 {
		l.MaxWall = d.MaxWall
	}
	if l.MaxMemory == 0 {
		l.MaxMemory = d.MaxMemory
	}
	if l.MaxOutput == 0 {
		l.MaxOutput = d.MaxOutput
	}
	if l.MaxDepth == 0 {
		l.MaxDepth = d.MaxDepth
	}
	if l.MaxGreenlets == 0 {
		l.MaxGreenlets = d.MaxGreenlets
	}
	if l.MaxTimers == 0 {
		l.MaxTimers = d.MaxTimers
	}
	if l.MaxSockets == 0 {
		l.MaxSockets = d.MaxSockets
	}
	if l.MaxVirtual == 0 {
		l.MaxVirtual = d.MaxVirtual
	}
	if l.MaxSource == 0 {
		l.MaxSource = d.MaxSource
	}
	if l.MaxLifetime == 0 {
		l.MaxLifetime = d.MaxLifetime
	}
	return l
}

// Input delivers text typed for a program (the index into Options.Programs).
func (r *Run) Input(program int, data string) {
	r.inputMu.Lock()
	defer r.inputMu.Unlock()
	if program < 0 || program >= len(r.inputs) {
		return
	}
	q := r.inputs[program]
	q.buf += data
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// CloseInput ends a program's input: input() then raises EOFError.
func (r *Run) CloseInput(program int) {
	r.inputMu.Lock()
	defer r.inputMu.Unlock()
	if program < 0 || program >= len(r.inputs) {
		return
	}
	q := r.inputs[program]
	q.closed = true
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// Stop ends the run with StatusStopped as soon as the engine notices.
func (r *Run) Stop() {
	r.cancel.Store(true)
	for i := range r.inputs {
		r.CloseInput(i)
	}
}

// Done is closed when the run has ended.
func (r *Run) Done() <-chan struct{} { return r.done }

// Wait blocks until the run ends and returns how it ended.
func (r *Run) Wait() Result {
	<-r.done
	return r.result
}

func (r *Run) event(e Event) {
	r.seq++
	e.Seq = r.seq
	e.TimeNS = r.clock
	if r.emit != nil {
		r.emit(e)
	}
}

// limitError stops a program when its output grows past the limit.
type limitError struct{ reason string }

func (e *limitError) Error() string { return e.reason }

func (r *Run) main() {
	start := time.Now()
	defer close(r.done)
	defer func() {
		if p := recover(); p != nil {
			r.result.Status = StatusError
			r.result.Reason = "internal error in the engine (this is a bug in Coroutine Tour, not in your program)"
		}
		r.result.Wall = time.Since(start) - time.Duration(r.inputWait.Load())
		r.result.VirtualNS = r.clock
		r.result.Events = r.seq
	}()
	r.result.Exits = make([]int, len(r.opts.Programs))
	for i := range r.result.Exits {
		r.result.Exits[i] = -1
	}
	r.result.Status = StatusOK
	for _, p := range r.opts.Programs {
		if len(p.Source) > r.opts.Limits.MaxSource {
			r.result.Status = StatusLimit
			r.result.Reason = fmt.Sprintf("the program %s is too long (more than %d KiB)", p.Name, r.opts.Limits.MaxSource>>10)
			return
		}
	}
	if len(r.opts.Programs) > 1 {
		r.runTogether(start)
		return
	}
	var steps int64
	for i, p := range r.opts.Programs {
		if len(p.Source) > r.opts.Limits.MaxSource {
			r.result.Status = StatusLimit
			r.result.Reason = fmt.Sprintf("the program %s is too long (more than %d KiB)", p.Name, r.opts.Limits.MaxSource>>10)
			return
		}
		code, halt, used := r.runProgram(i, p, start)
		steps += used
		r.result.Steps = steps
		if halt != nil {
			r.halted(halt)
			return
		}
		r.exited(i, p, code)
	}
}

// halted records how a limit, a stop or an idle end stopped the run.
func (r *Run) halted(halt error) {
	h, ok := halt.(*py.Halt)
	if !ok {
		h = &py.Halt{Kind: "internal", Reason: halt.Error()}
	}
	switch h.Kind {
	case "stopped":
		r.result.Status = StatusStopped
		r.result.Reason = "stopped"
	case "limit":
		r.result.Status = StatusLimit
		r.result.Reason = h.Reason
	case "idle":
		r.result.Status = StatusIdle
		r.result.Reason = h.Reason
	default:
		r.result.Status = StatusError
		r.result.Reason = h.Reason
	}
}

// exited records a program's exit status.
func (r *Run) exited(i int, p Program, code int) {
	r.result.Exits[i] = code
	r.event(Event{Kind: KindProgramExit, Program: i, Code: code})
	if code != 0 && r.result.Status == StatusOK {
		r.result.Status = StatusError
		r.result.ExitCode = code
		r.result.Reason = fmt.Sprintf("%s exited with status %d", p.Name, code)
	}
}

// runTogether runs several programs at once on one hub and one virtual
// network. Each has its own goroutine, but a baton lets only one run at a
// time (py.Shared), so events stay in one deterministic order.
func (r *Run) runTogether(start time.Time) {
	lim := r.opts.Limits
	h := hub.New(hub.Options{Horizon: int64(lim.MaxVirtual), MaxTimers: lim.MaxTimers})
	var hosts []vnet.Host
	for _, x := range r.opts.Hosts {
		hosts = append(hosts, vnet.Host(x))
	}
	network := vnet.New(h, vnet.Options{MaxSockets: 1021, Hosts: hosts})
	n := len(r.opts.Programs)
	shared := py.NewShared(h, network, n)
	type prepared struct {
		th    *py.Thread
		code  *compile.Code
		err   error
		steps int64
	}
	progs := make([]*prepared, n)
	for i, p := range r.opts.Programs {
		pr := &prepared{}
		env := r.newEnv(i, p, start, &pr.steps)
		env.Shared, env.Program = shared, i
		pr.th, pr.code, pr.err = py.Prepare(env, p.Source)
		shared.Join(i, pr.th)
		progs[i] = pr
	}
	var wg sync.WaitGroup
	var mu sync.Mutex // the result is written by whichever program holds the baton
	for i := range progs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					mu.Lock()
					r.result.Status = StatusError
					r.result.Reason = "internal error in the engine (this is a bug in Coroutine Tour, not in your program)"
					mu.Unlock()
				}
			}()
			pr := progs[i]
			if started, halt := shared.WaitTurn(i); !started {
				mu.Lock()
				r.halted(halt)
				mu.Unlock()
				return
			}
			code, halt := pr.th.RunPrepared(pr.code, pr.err)
			mu.Lock()
			r.result.Steps += pr.steps
			if halt != nil {
				if r.result.Status == StatusOK || r.result.Status == StatusError {
					r.halted(halt)
				}
				mu.Unlock()
				if h, ok := halt.(*py.Halt); ok && h.Kind != "idle" {
					shared.Abort(h)
				}
				return
			}
			r.exited(i, r.opts.Programs[i], code)
			mu.Unlock()
			if over, reason := shared.Exit(i); over && reason != "" {
				mu.Lock()
				r.halted(&py.Halt{Kind: "idle", Reason: reason})
				mu.Unlock()
			}
		}(i)
	}
	shared.StartFirst()
	wg.Wait()
}

// newEnv builds the environment program index runs in; *steps receives the
// instructions it ran when it ends.
func (r *Run) newEnv(index int, p Program, start time.Time, steps *int64) *py.Env {
	name := p.Name
	if name == "" {
		name = "main.py"
	}
	lim := r.opts.Limits
	deadline := start.Add(lim.MaxWall)
	env := &py.Env{
		Filename:     name,
		Argv:         r.opts.Args,
		Clock:        &r.clock,
		MaxSteps:     lim.MaxSteps,
		MaxDepth:     lim.MaxDepth,
		MaxMemory:    lim.MaxMemory,
		MaxVirtual:   int64(lim.MaxVirtual),
		MaxGreenlets: lim.MaxGreenlets,
		MaxTimers:    lim.MaxTimers,
		Deadline:     deadline,
		Cancel:       &r.cancel,
	}
	env.Write = func(stream, text string, g, line int) error {
		r.output += int64(len(text))
		if r.output > lim.MaxOutput {
			return &py.Halt{Kind: "limit", Reason: fmt.Sprintf("the program printed more than %d KiB of output", lim.MaxOutput>>10)}
		}
		kind := KindStdout
		if stream == "stderr" {
			kind = KindStderr
		}
		r.event(Event{Kind: kind, Program: index, G: g, Text: text, Line: line})
		return nil
	}
	waited := time.Duration(0)
	env.ReadLine = func(prompt string) (string, bool, error) {
		q := r.inputs[index]
		for {
			r.inputMu.Lock()
			// The input event's text is the line as input() read it: with
			// its newline ("\r\n" reads as "\n"), or without one when the
			// input ended in the middle of a line (docs/protocol.md).
			if i := strings.IndexByte(q.buf, '\n'); i >= 0 {
				line := strings.TrimSuffix(q.buf[:i], "\r")
				q.buf = q.buf[i+1:]
				r.inputMu.Unlock()
				r.event(Event{Kind: KindInput, Program: index, Text: line + "\n"})
				return line, true, nil
			}
			if q.closed {
				rest := q.buf
				q.buf = ""
				r.inputMu.Unlock()
				if rest != "" {
					r.event(Event{Kind: KindInput, Program: index, Text: rest})
					return rest, true, nil
				}
				return "", false, nil
			}
			r.inputMu.Unlock()
			r.event(Event{Kind: KindInputWait, Program: index, G: 1, Text: prompt})
			t0 := time.Now()
			select {
			case <-q.wake:
			case <-time.After(time.Until(start.Add(lim.MaxLifetime))):
				return "", false, &py.Halt{Kind: "limit", Reason: "the program waited for input for too long"}
			}
			waited += time.Since(t0)
			r.inputWait.Add(int64(time.Since(t0)))
			env.Deadline = deadline.Add(waited) // time spent waiting for the learner does not count
			if r.cancel.Load() {
				return "", false, &py.Halt{Kind: "stopped", Reason: "stopped"}
			}
		}
	}
	if r.opts.Trace {
		env.Trace = func(kind string, ev py.TraceEvent) {
			r.event(Event{Kind: kind, Program: index, G: ev.G, Parent: ev.Parent, From: ev.From, To: ev.To,
				Name: ev.Name, Role: ev.Role, Reason: ev.Reason, Label: ev.Label, Line: ev.Line,
				UntilNS: ev.UntilNS, Value: ev.Value, Error: ev.Error})
		}
		r.event(Event{Kind: KindSpawn, Program: index, G: 1, Name: name, Role: RoleProgram})
	}
	for _, h := range r.opts.Hosts {
		env.Hosts = append(env.Hosts, vnet.Host(h))
	}
	env.OnSteps = func(n int64) { *steps = n }
	return env
}

func (r *Run) runProgram(index int, p Program, start time.Time) (int, error, int64) {
	var steps int64
	env := r.newEnv(index, p, start, &steps)
	code, halt := py.RunProgram(env, p.Source)
	return code, halt, steps
}
