package hub

// This file defines the Hub: its options, the ready queue, Next and Stall.

import (
	"fmt"
	"time"
)

// Task is anything the hub hands back from Next: a greenlet or a thread to the
// interpreter. A Func is run by the hub itself instead.
type Task any

// Func is a task the hub runs itself, inside Next, on the caller's goroutine:
// network deliveries, simulated servers, wake-up callbacks.
type Func func()

// Options configures a Hub. Zero fields take the defaults.
type Options struct {
	// Horizon is the latest virtual time the clock may reach (default 1 hour).
	Horizon int64
	// MaxTimers bounds the pending timers (default 10,000).
	MaxTimers int
	// SwitchInterval is how much virtual time a batch of ready tasks may take
	// before due timers run ahead of the rest (default 5 ms, gevent's).
	SwitchInterval int64
	// RunTimersDuringInput lets the clock keep jumping to timers while a task
	// waits for outside input. By default it does not: when nothing is ready and
	// some task waits for input, Next stops with AwaitInput and the clock stays.
	RunTimersDuringInput bool
}

// Defaults.
const (
	DefaultHorizon        = int64(time.Hour)
	DefaultMaxTimers      = 10_000
	DefaultSwitchInterval = int64(5 * time.Millisecond)
)

// Reason says why Next returned false.
type Reason int

// Reasons for a stop.
const (
	Running    Reason = iota // Next has not stopped
	Idle                     // nothing ready, no live timer, nobody waits for input
	AwaitInput               // nothing ready; a task waits for outside input
	Horizon                  // the next timer lies past the horizon
)

// String names the reason.
func (r Reason) String() string {
	switch r {
	case Running:
		return "running"
	case Idle:
		return "idle"
	case AwaitInput:
		return "await-input"
	case Horizon:
		return "horizon"
	}
	return fmt.Sprintf("Reason(%d)", int(r))
}

// Stall describes why Next returned false, and who is still waiting.
type Stall struct {
	Reason Reason
	// Waiting counts the tasks blocked in wait queues, by kind.
	Sync, IO, Input int
	// Timers counts pending timers (background ones included).
	Timers int
	// Next is the deadline of the earliest timer when Reason is Horizon.
	Next int64
	// Held counts tasks held back by programs frozen in a system call.
	Held int
	// Horizon is Options.Horizon, for Message.
	Horizon int64
}

// Message is a plain sentence for a learner, empty while running.
func (s Stall) Message() string {
	switch s.Reason {
	case Horizon:
		return fmt.Sprintf("Stopped: the program waited past %s of virtual time.", humanDuration(s.Horizon))
	case Idle:
		if s.Sync+s.IO > 0 {
			return "No program can make progress: every coroutine is waiting and nothing can wake it."
		}
		return ""
	case AwaitInput:
		return "Waiting for input."
	}
	return ""
}

func humanDuration(ns int64) string {
	d := time.Duration(ns)
	switch {
	case d%time.Hour == 0 && d >= time.Hour:
		if d == time.Hour {
			return "1 hour"
		}
		return fmt.Sprintf("%d hours", d/time.Hour)
	case d%time.Minute == 0 && d >= time.Minute:
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
	return d.String()
}

// Hub is one run's scheduler. It is not safe for concurrent use: the run's
// goroutine owns it.
type Hub struct {
	opts Options
	now  int64

	ready   fifo // run callbacks and tasks woken by Schedule or sync waits
	expired fifo // due timers' tasks, in (when, seq) order
	io      fifo // tasks woken by I/O since the last poll
	ioBatch fifo // the I/O wake-ups of the current iteration

	batchStart int64 // virtual time when the current ready batch began
	inBatch    bool  // the last task popped came from the ready queue

	timers timerHeap

	waiters waiterSlab
	nWait   [numKinds]int

	groups []*group // programs, by index; see Block
	nHeld  int      // tasks held back by frozen programs

	stall Stall
}

// New returns a hub at virtual time 0.
func New(opts Options) *Hub {
	if opts.Horizon <= 0 {
		opts.Horizon = DefaultHorizon
	}
	if opts.MaxTimers <= 0 {
		opts.MaxTimers = DefaultMaxTimers
	}
	if opts.SwitchInterval <= 0 {
		opts.SwitchInterval = DefaultSwitchInterval
	}
	return &Hub{opts: opts}
}

// Options returns the options in force (defaults filled in).
func (h *Hub) Options() Options { return h.opts }

// Now is the virtual time in nanoseconds since the run's epoch.
func (h *Hub) Now() int64 { return h.now }

// Advance moves the clock forward by d nanoseconds of charged CPU time (no
// task runs). It reports false, without moving, when that would pass the
// horizon.
func (h *Hub) Advance(d int64) bool {
	if d < 0 {
		return true
	}
	if d > h.opts.Horizon-h.now {
		return false
	}
	h.now += d
	return true
}

// Schedule appends t to the ready queue (gevent's loop.run_callback).
func (h *Hub) Schedule(t Task) {
	h.ready.push(t)
}

// ScheduleIO queues t for the loop's next poll, as an I/O watcher that is
// ready at once: after the pending run callbacks and the timers due now. A
// gevent socket's connect uses it: on Linux a non-blocking connect returns
// EINPROGRESS even on loopback (and even when refused), so the greenlet
// always waits one poll before learning the result.
func (h *Hub) ScheduleIO(t Task) { h.io.push(t) }

// Ready is the number of tasks queued to run without the clock moving.
func (h *Hub) Ready() int { return h.ready.len() + h.expired.len() + h.io.len() + h.ioBatch.len() }

// Next returns the task to run next, running Func tasks itself and moving the
// clock as needed. It returns false when nothing can run; Stall says why.
func (h *Hub) Next() (Task, bool) {
	for {
		t, ok := h.pop()
		if !ok {
			return nil, false
		}
		if f, isFunc := t.(Func); isFunc {
			f()
			continue
		}
		if h.groups != nil && h.hold(t) {
			continue
		}
		return t, true
	}
}

// pop takes the next task without running Funcs. It plays one libev loop
// iteration at a time: run callbacks (ready) until none are left, then "poll":
// the timers due now run (in order), then the tasks woken by I/O since the
// last poll (the last woken first, as libev does); when nothing is due at all, the clock jumps to the next timer.
func (h *Hub) pop() (Task, bool) {
	for {
		if h.expired.len() > 0 {
			h.inBatch = false
			return h.expired.pop(), true
		}
		if h.ioBatch.len() > 0 {
			// libev invokes the watchers fed by one poll last-fed first:
			// sockets that became ready together wake in reverse order
			h.inBatch = false
			return h.ioBatch.popLast(), true
		}
		if h.ready.len() > 0 {
			if !h.inBatch {
				h.inBatch, h.batchStart = true, h.now
			} else if h.now-h.batchStart >= h.opts.SwitchInterval && h.somethingDue() {
				// A callback batch that has used up its slice lets the loop
				// poll, as gevent breaks its callback loop.
				h.inBatch = false
				h.poll()
				continue
			}
			return h.ready.pop(), true
		}
		h.inBatch = false
		if h.somethingDue() {
			h.poll()
			continue
		}
		// Nothing at this instant: jump the clock to the earliest live timer.
		h.stall = Stall{}
		if h.nWait[WaitInput] > 0 && !h.opts.RunTimersDuringInput {
			h.stop(AwaitInput)
			return nil, false
		}
		if h.timers.refs == 0 {
			if h.nWait[WaitInput] > 0 {
				h.stop(AwaitInput)
			} else {
				h.stop(Idle)
			}
			return nil, false
		}
		when := h.timers.earliest()
		if when > h.opts.Horizon {
			h.stop(Horizon)
			h.stall.Next = when
			h.now = h.opts.Horizon
			return nil, false
		}
		h.now = when
		h.poll()
	}
}

// somethingDue reports whether a poll now would find work.
func (h *Hub) somethingDue() bool {
	return h.io.len() > 0 || (h.timers.len() > 0 && h.timers.earliest() <= h.now)
}

// poll moves the due timers and the I/O wake-ups into this iteration's batches.
func (h *Hub) poll() {
	h.expire()
	h.io, h.ioBatch = h.ioBatch, h.io
}

// expire moves every timer due at the current time to the expired queue.
func (h *Hub) expire() {
	for h.timers.len() > 0 && h.timers.earliest() <= h.now {
		sl := &h.timers.slots[h.timers.heap[0]]
		linked, ws, wg := sl.linked, sl.wslot, sl.wgen
		t := h.timers.popEarliest()
		if linked {
			// A wait's timeout: it wakes the task only if the wait is still on.
			if h.waiters.slots[ws].gen != wg {
				continue
			}
			h.releaseWaiter(ws)
		}
		h.expired.push(t)
	}
}

func (h *Hub) stop(r Reason) {
	h.stall.Reason = r
	h.stall.Sync = h.nWait[WaitSync]
	h.stall.IO = h.nWait[WaitIO]
	h.stall.Input = h.nWait[WaitInput]
	h.stall.Timers = h.timers.len()
	h.stall.Held = h.nHeld
	h.stall.Horizon = h.opts.Horizon
}

// Stall reports why the last Next returned false.
func (h *Hub) Stall() Stall { return h.stall }

// fifo is a queue of tasks on a ring buffer that grows by doubling.
type fifo struct {
	buf  []Task
	head int
	n    int
}

func (q *fifo) len() int { return q.n }

func (q *fifo) push(t Task) {
	if q.n == len(q.buf) {
		size := 2 * len(q.buf)
		if size == 0 {
			size = 16
		}
		buf := make([]Task, size)
		k := copy(buf, q.buf[q.head:])
		copy(buf[k:], q.buf[:q.head])
		q.buf, q.head = buf, 0
	}
	q.buf[(q.head+q.n)&(len(q.buf)-1)] = t
	q.n++
}

func (q *fifo) popLast() Task {
	i := (q.head + q.n - 1) & (len(q.buf) - 1)
	t := q.buf[i]
	q.buf[i] = nil
	q.n--
	return t
}

func (q *fifo) pop() Task {
	t := q.buf[q.head]
	q.buf[q.head] = nil
	q.head = (q.head + 1) & (len(q.buf) - 1)
	q.n--
	return t
}
