package hub

// This file defines wait queues: FIFO lists of tasks blocked on an event, a
// queue, a lock, a socket or input, woken by other tasks or by the network.

// WaitKind says what can wake a waiter; Stall counts waiters by kind.
type WaitKind uint8

// Wait kinds.
const (
	WaitSync  WaitKind = iota // event, queue, lock, join: only another task
	WaitIO                    // socket: another task or a network delivery
	WaitInput                 // outside input (a program in input())
	numKinds
)

// WaitQueue is a FIFO of waiting tasks. Waking a WaitIO queue queues its
// tasks for the loop's next poll (after the run callbacks pending then, after
// the timers due then); waking the other kinds queues them as run callbacks. Make one with NewWaitQueue, or use the
// zero value, which is of kind WaitSync.
type WaitQueue struct {
	Kind  WaitKind
	items []waitRef
	head  int
	live  int
}

// NewWaitQueue returns an empty queue of the given kind.
func NewWaitQueue(kind WaitKind) *WaitQueue { return &WaitQueue{Kind: kind} }

// Len is the number of tasks waiting (cancelled ones excluded).
func (q *WaitQueue) Len() int { return q.live }

type waitRef struct {
	slot int32
	gen  uint32
}

type waitSlot struct {
	task  Task
	gen   uint32
	q     *WaitQueue
	timer Timer // WaitUntil's timeout, cancelled when the wait ends
}

type waiterSlab struct {
	slots []waitSlot
	free  []int32
}

// Waiter is a handle on one registration in a wait queue.
type Waiter struct {
	h    *Hub
	slot int32
	gen  uint32
}

// Wait registers t at the end of q. The task is queued to run when a Wake
// reaches it; the caller then returns control to the hub (the task is not
// scheduled until then).
func (h *Hub) Wait(q *WaitQueue, t Task) Waiter {
	ws := &h.waiters
	var s int32
	if k := len(ws.free); k > 0 {
		s = ws.free[k-1]
		ws.free = ws.free[:k-1]
	} else {
		ws.slots = append(ws.slots, waitSlot{})
		s = int32(len(ws.slots) - 1)
	}
	sl := &ws.slots[s]
	sl.task, sl.q = t, q
	if q.head > 0 && q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	}
	if n := len(q.items) - q.head; n > 32 && n > 2*q.live {
		q.dropStale(h)
	}
	q.items = append(q.items, waitRef{s, sl.gen})
	q.live++
	h.nWait[q.Kind]++
	return Waiter{h: h, slot: s, gen: sl.gen}
}

func (h *Hub) releaseWaiter(s int32) Task {
	sl := &h.waiters.slots[s]
	t := sl.task
	h.nWait[sl.q.Kind]--
	sl.q.live--
	tm := sl.timer
	sl.task, sl.q, sl.timer = nil, nil, Timer{}
	sl.gen++
	tm.Cancel()
	h.waiters.free = append(h.waiters.free, s)
	return t
}

// WaitUntil is Wait with a timeout: t is scheduled once, by the first of a
// Wake reaching it or the deadline (then as a timer, in deadline order); the
// other is cancelled, so t never wakes twice. After t runs, the caller tells a
// timeout by retrying its operation and finding Now() >= deadline. The
// timeout counts as a timer (ErrTooManyTimers).
func (h *Hub) WaitUntil(q *WaitQueue, t Task, deadline int64) (Waiter, error) {
	if h.timers.len() >= h.opts.MaxTimers {
		return Waiter{}, ErrTooManyTimers
	}
	w := h.Wait(q, t)
	tm, _ := h.addTimer(deadline, t, true)
	tsl := &h.timers.slots[tm.slot]
	tsl.linked, tsl.wslot, tsl.wgen = true, w.slot, w.gen
	h.waiters.slots[w.slot].timer = tm
	return w, nil
}

// Pending reports whether the registration is still waiting.
func (w Waiter) Pending() bool {
	return w.h != nil && w.h.waiters.slots[w.slot].gen == w.gen
}

// Cancel removes the registration (a timeout won the race); it reports
// whether it was still waiting. The queue drops the stale entry lazily.
func (w Waiter) Cancel() bool {
	if !w.Pending() {
		return false
	}
	w.h.releaseWaiter(w.slot)
	return true
}

// wake queues a woken task: I/O waiters are seen at the next poll, the others
// run as callbacks (gevent's Event.set and Queue.put notify through
// loop.run_callback).
func (h *Hub) wake(q *WaitQueue, t Task) {
	if q.Kind == WaitIO {
		h.io.push(t)
	} else {
		h.ready.push(t)
	}
}

// WakeOne schedules the first task waiting in q; it reports whether there was one.
func (h *Hub) WakeOne(q *WaitQueue) bool {
	for q.head < len(q.items) {
		r := q.items[q.head]
		q.items[q.head] = waitRef{}
		q.head++
		if h.waiters.slots[r.slot].gen == r.gen {
			h.wake(q, h.releaseWaiter(r.slot))
			q.compact()
			return true
		}
	}
	q.compact()
	return false
}

// WakeAll schedules every task waiting in q, in order; it returns how many.
func (h *Hub) WakeAll(q *WaitQueue) int {
	n := 0
	for q.head < len(q.items) {
		r := q.items[q.head]
		q.head++
		if h.waiters.slots[r.slot].gen == r.gen {
			h.wake(q, h.releaseWaiter(r.slot))
			n++
		}
	}
	q.items, q.head = q.items[:0], 0
	return n
}

func (q *WaitQueue) compact() {
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	} else if q.head > 64 && q.head*2 > len(q.items) {
		n := copy(q.items, q.items[q.head:])
		q.items, q.head = q.items[:n], 0
	}
}

// Waiting is the number of tasks blocked in wait queues of the given kind.
func (h *Hub) Waiting(kind WaitKind) int { return h.nWait[kind] }

// dropStale removes cancelled entries, keeping the order of the rest.
func (q *WaitQueue) dropStale(h *Hub) {
	k := 0
	for _, r := range q.items[q.head:] {
		if h.waiters.slots[r.slot].gen == r.gen {
			q.items[k] = r
			k++
		}
	}
	q.items, q.head = q.items[:k], 0
}
