package hub

// This file defines timers: a slab of slots with a free list and a binary heap
// of slot indices ordered by (deadline, creation sequence).

import "errors"

// ErrTooManyTimers is returned by AddTimer when Options.MaxTimers timers are
// already pending. The caller stops the run with a limit message.
var ErrTooManyTimers = errors.New("too many timers pending")

// Timer is a handle on a pending timer. The zero Timer is not pending. Handles
// stay safe after the timer fires or is cancelled: the slot's generation
// changes, so a stale handle does nothing.
type Timer struct {
	h    *Hub
	slot int32
	gen  uint32
}

type timerSlot struct {
	when int64
	seq  uint64
	task Task
	pos  int32 // index in heap, -1 when free
	gen  uint32
	ref  bool
	// A timeout of a wait (WaitUntil): the waiter it ends.
	linked bool
	wslot  int32
	wgen   uint32
}

type timerHeap struct {
	slots []timerSlot
	free  []int32
	heap  []int32
	seq   uint64
	refs  int // pending timers that keep the loop alive
}

func (th *timerHeap) len() int { return len(th.heap) }

func (th *timerHeap) earliest() int64 { return th.slots[th.heap[0]].when }

func (th *timerHeap) less(i, j int) bool {
	a, b := &th.slots[th.heap[i]], &th.slots[th.heap[j]]
	return a.when < b.when || (a.when == b.when && a.seq < b.seq)
}

func (th *timerHeap) swap(i, j int) {
	th.heap[i], th.heap[j] = th.heap[j], th.heap[i]
	th.slots[th.heap[i]].pos = int32(i)
	th.slots[th.heap[j]].pos = int32(j)
}

func (th *timerHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !th.less(i, p) {
			break
		}
		th.swap(i, p)
		i = p
	}
}

func (th *timerHeap) down(i int) {
	n := len(th.heap)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && th.less(r, l) {
			m = r
		}
		if !th.less(m, i) {
			return
		}
		th.swap(i, m)
		i = m
	}
}

func (th *timerHeap) add(when int64, t Task, ref bool) (int32, uint32) {
	var s int32
	if k := len(th.free); k > 0 {
		s = th.free[k-1]
		th.free = th.free[:k-1]
	} else {
		th.slots = append(th.slots, timerSlot{})
		s = int32(len(th.slots) - 1)
	}
	th.seq++
	sl := &th.slots[s]
	sl.when, sl.seq, sl.task, sl.ref = when, th.seq, t, ref
	sl.pos = int32(len(th.heap))
	th.heap = append(th.heap, s)
	th.up(len(th.heap) - 1)
	if ref {
		th.refs++
	}
	return s, sl.gen
}

// remove takes the timer at heap index i out and frees its slot.
func (th *timerHeap) remove(i int) Task {
	s := th.heap[i]
	last := len(th.heap) - 1
	if i != last {
		th.swap(i, last)
	}
	th.heap = th.heap[:last]
	if i != last {
		th.down(i)
		th.up(i)
	}
	sl := &th.slots[s]
	t := sl.task
	if sl.ref {
		th.refs--
	}
	sl.task, sl.pos, sl.linked = nil, -1, false
	sl.gen++
	th.free = append(th.free, s)
	return t
}

func (th *timerHeap) popEarliest() Task { return th.remove(0) }

// AddTimer arranges for t to be queued at virtual time when (the past means
// the next loop iteration). Timers due at the same instant fire in the order
// they were added.
func (h *Hub) AddTimer(when int64, t Task) (Timer, error) {
	return h.addTimer(when, t, true)
}

// AddBackgroundTimer is AddTimer for a timer that does not keep the loop alive
// (gevent's ref=False): when only such timers remain, Next reports Idle.
func (h *Hub) AddBackgroundTimer(when int64, t Task) (Timer, error) {
	return h.addTimer(when, t, false)
}

// After is AddTimer(Now()+d, t), saturating instead of overflowing.
func (h *Hub) After(d int64, t Task) (Timer, error) {
	when := h.now + d
	if d > 0 && when < h.now {
		when = Forever
	}
	return h.addTimer(when, t, true)
}

func (h *Hub) addTimer(when int64, t Task, ref bool) (Timer, error) {
	if h.timers.len() >= h.opts.MaxTimers {
		return Timer{}, ErrTooManyTimers
	}
	s, gen := h.timers.add(when, t, ref)
	return Timer{h: h, slot: s, gen: gen}, nil
}

func (tm Timer) live() *timerSlot {
	if tm.h == nil {
		return nil
	}
	sl := &tm.h.timers.slots[tm.slot]
	if sl.gen != tm.gen || sl.pos < 0 {
		return nil
	}
	return sl
}

// Pending reports whether the timer has neither fired nor been cancelled.
func (tm Timer) Pending() bool { return tm.live() != nil }

// When is the timer's deadline (0 when not pending).
func (tm Timer) When() int64 {
	if sl := tm.live(); sl != nil {
		return sl.when
	}
	return 0
}

// Cancel removes a pending timer; it reports whether it was pending.
func (tm Timer) Cancel() bool {
	sl := tm.live()
	if sl == nil {
		return false
	}
	tm.h.timers.remove(int(sl.pos))
	return true
}

// Timers is the number of pending timers.
func (h *Hub) Timers() int { return h.timers.len() }
