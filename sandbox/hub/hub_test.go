package hub

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// drain runs the hub to its stop, recording "task@ms" for every task.
func drain(h *Hub, run func(t Task)) string {
	var out []string
	for {
		t, ok := h.Next()
		if !ok {
			return strings.Join(out, " ")
		}
		out = append(out, fmt.Sprintf("%v@%d", t, h.Now()/1e6))
		if run != nil {
			run(t)
		}
	}
}

func must(tm Timer, err error) Timer {
	if err != nil {
		panic(err)
	}
	return tm
}

func TestReadyFIFO(t *testing.T) {
	h := New(Options{})
	for _, s := range []string{"a", "b", "c"} {
		h.Schedule(s)
	}
	if got := drain(h, nil); got != "a@0 b@0 c@0" {
		t.Fatal(got)
	}
	if h.Stall().Reason != Idle {
		t.Fatal(h.Stall())
	}
}

func TestTimersTiesFireInCreationOrder(t *testing.T) {
	h := New(Options{})
	// foo/bar/func3 of the seed: sleeps 3, 6, 1; then equal deadlines.
	must(h.AddTimer(3e9, "foo"))
	must(h.AddTimer(6e9, "bar"))
	must(h.AddTimer(1e9, "func3"))
	must(h.AddTimer(1e9, "tie1"))
	must(h.AddTimer(1e9, "tie2"))
	got := drain(h, nil)
	want := "func3@1000 tie1@1000 tie2@1000 foo@3000 bar@6000"
	if got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
}

func TestExpiredRunBeforeTasksTheyQueue(t *testing.T) {
	h := New(Options{})
	must(h.AddTimer(1e9, "x"))
	must(h.AddTimer(1e9, "y"))
	got := drain(h, func(t Task) {
		if t == "x" {
			h.Schedule("spawned-by-x")
		}
	})
	if got != "x@1000 y@1000 spawned-by-x@1000" {
		t.Fatal(got)
	}
}

func TestReadyBeforeTimersAndFuncs(t *testing.T) {
	h := New(Options{})
	must(h.AddTimer(0, "zero-timer"))
	h.Schedule("r1")
	h.Schedule(Func(func() { h.Schedule("from-func") }))
	h.Schedule("r2")
	got := drain(h, nil)
	if got != "r1@0 r2@0 from-func@0 zero-timer@0" {
		t.Fatal(got)
	}
}

func TestCancelAndStaleHandles(t *testing.T) {
	h := New(Options{})
	a := must(h.AddTimer(1e9, "a"))
	b := must(h.AddTimer(2e9, "b"))
	c := must(h.AddTimer(3e9, "c"))
	if !b.Pending() || b.When() != 2e9 {
		t.Fatal("b should be pending at 2s")
	}
	if !b.Cancel() || b.Cancel() || b.Pending() {
		t.Fatal("cancel should succeed once")
	}
	if got := drain(h, func(tk Task) {
		if tk == "late" {
			return
		}
		// After a fires, its slot may be reused: the old handle must stay dead.
		must(h.AddTimer(h.Now()+10e9, "late"))
	}); got != "a@1000 c@3000 late@11000 late@13000" {
		t.Fatal(got)
	}
	if a.Cancel() || c.Pending() || (Timer{}).Pending() {
		t.Fatal("fired timers are not pending")
	}
	if h.Timers() != 0 {
		t.Fatal(h.Timers())
	}
}

func TestMaxTimers(t *testing.T) {
	h := New(Options{MaxTimers: 2})
	must(h.AddTimer(1, 1))
	must(h.AddTimer(1, 2))
	if _, err := h.AddTimer(1, 3); err != ErrTooManyTimers {
		t.Fatal(err)
	}
}

func TestHorizon(t *testing.T) {
	h := New(Options{})
	must(h.AddTimer(30*60e9, "half"))
	must(h.After(Forever, "nan-sleep"))
	if got := drain(h, nil); got != "half@1800000" {
		t.Fatal(got)
	}
	st := h.Stall()
	if st.Reason != Horizon || h.Now() != DefaultHorizon || st.Next != Forever {
		t.Fatal(st, h.Now())
	}
	if msg := st.Message(); msg != "Stopped: the program waited past 1 hour of virtual time." {
		t.Fatal(msg)
	}
	if h.Advance(1) {
		t.Fatal("advance past the horizon")
	}
}

func TestIdleWaitersAndInput(t *testing.T) {
	h := New(Options{})
	ev := NewWaitQueue(WaitSync)
	sock := NewWaitQueue(WaitIO)
	in := NewWaitQueue(WaitInput)
	h.Wait(ev, "g1")
	h.Wait(sock, "g2")
	w := h.Wait(in, "main")
	must(h.AddTimer(1e9, "tick"))
	if _, ok := h.Next(); ok {
		t.Fatal("input wait should freeze the clock")
	}
	if st := h.Stall(); st.Reason != AwaitInput || st.Sync != 1 || st.IO != 1 || st.Input != 1 || h.Now() != 0 {
		t.Fatal(st)
	}
	// Input arrives: the waiter is woken by the engine.
	if !h.WakeOne(in) || w.Pending() {
		t.Fatal("wake input")
	}
	if got := drain(h, nil); got != "main@0 tick@1000" {
		t.Fatal(got)
	}
	if st := h.Stall(); st.Reason != Idle || st.Sync != 1 || st.IO != 1 {
		t.Fatal(st)
	}
	if !strings.HasPrefix(h.Stall().Message(), "No program can make progress") {
		t.Fatal(h.Stall().Message())
	}
}

func TestRunTimersDuringInput(t *testing.T) {
	h := New(Options{RunTimersDuringInput: true})
	h.Wait(NewWaitQueue(WaitInput), "main")
	must(h.AddTimer(1e9, "tick"))
	if got := drain(h, nil); got != "tick@1000" || h.Stall().Reason != AwaitInput {
		t.Fatal(got, h.Stall())
	}
}

func TestBackgroundTimersDoNotKeepLoopAlive(t *testing.T) {
	h := New(Options{})
	must(h.AddBackgroundTimer(1e9, "bg"))
	if got := drain(h, nil); got != "" || h.Stall().Reason != Idle || h.Stall().Timers != 1 {
		t.Fatal(got, h.Stall())
	}
	must(h.AddTimer(2e9, "fg"))
	if got := drain(h, nil); got != "bg@1000 fg@2000" {
		t.Fatal(got)
	}
}

func TestWaitQueueOrderCancelWakeAll(t *testing.T) {
	h := New(Options{})
	q := &WaitQueue{}
	var ws []Waiter
	for i := 0; i < 100; i++ {
		ws = append(ws, h.Wait(q, i))
	}
	for i := 0; i < 100; i += 2 {
		ws[i].Cancel() // a timeout won for the even ones
	}
	if q.Len() != 50 || h.Waiting(WaitSync) != 50 {
		t.Fatal(q.Len())
	}
	h.WakeOne(q)
	h.WakeOne(q)
	if n := h.WakeAll(q); n != 48 {
		t.Fatal(n)
	}
	var got []string
	for {
		tk, ok := h.Next()
		if !ok {
			break
		}
		got = append(got, fmt.Sprint(tk))
	}
	if len(got) != 50 || got[0] != "1" || got[1] != "3" || got[49] != "99" {
		t.Fatal(got)
	}
	if h.WakeOne(q) || h.Waiting(WaitSync) != 0 {
		t.Fatal("queue should be empty")
	}
	// Many cancelled registrations do not accumulate.
	for i := 0; i < 10000; i++ {
		h.Wait(q, i).Cancel()
	}
	if len(q.items) > 100 {
		t.Fatal(len(q.items))
	}
}

func TestSwitchIntervalLetsTimersIn(t *testing.T) {
	h := New(Options{})
	must(h.AddTimer(1e6, "timer"))
	h.Schedule("spin")
	n := 0
	got := drain(h, func(t Task) {
		if t == "spin" && n < 10 {
			n++
			h.Advance(1e6) // 1 ms of charged CPU per round
			h.Schedule("spin")
		}
	})
	// The timer is due at 1 ms but waits until the batch has used 5 ms.
	if !strings.HasPrefix(got, "spin@0 spin@1 spin@2 spin@3 spin@4 timer@5 spin@5") {
		t.Fatal(got)
	}
}

func TestTimeSleep(t *testing.T) {
	for _, tc := range []struct {
		secs float64
		ns   int64
		err  string
	}{
		{1.5, 1_500_000_000, ""},
		{0, 0, ""},
		{math.Copysign(0, -1), 0, ""},
		{1e-10, 1, ""},
		{-1, 0, "ValueError: sleep length must be non-negative"},
		{-1e-12, 0, "ValueError: sleep length must be non-negative"},
		{math.NaN(), 0, "ValueError: Invalid value NaN (not a number)"},
		{math.Inf(1), 0, "OverflowError: timestamp too large to convert to C _PyTime_t"},
		{math.Inf(-1), 0, "OverflowError: timestamp too large to convert to C _PyTime_t"},
		{-1e300, 0, "OverflowError: timestamp too large to convert to C _PyTime_t"},
		{9223372037, 0, "OverflowError: timestamp too large to convert to C _PyTime_t"},
		{9223372036.5, 0, "OSError: [Errno 22] Invalid argument"},
	} {
		ns, err := TimeSleep(tc.secs, 0)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if ns != tc.ns || msg != tc.err {
			t.Errorf("TimeSleep(%v) = %d, %q; want %d, %q", tc.secs, ns, msg, tc.ns, tc.err)
		}
	}
}

func TestGeventSleep(t *testing.T) {
	for _, tc := range []struct {
		secs  float64
		ns    int64
		yield bool
	}{
		{0, 0, true},
		{-1, 0, true},
		{0.25, 250_000_000, false},
		{1e-12, 1, false},
		{math.NaN(), Forever, false},
		{math.Inf(1), Forever, false},
		{1e300, Forever, false},
	} {
		ns, y := GeventSleep(tc.secs)
		if ns != tc.ns || y != tc.yield {
			t.Errorf("GeventSleep(%v) = %d, %v", tc.secs, ns, y)
		}
	}
}

type gtask struct {
	name  string
	group int
}

func (g *gtask) HubGroup() int  { return g.group }
func (g *gtask) String() string { return g.name }

// TestBlockedProgram: program 0's main greenlet calls an unpatched
// time.sleep(2) while its spawned greenlet sleeps 1 s; program 1 keeps going.
func TestBlockedProgram(t *testing.T) {
	h := New(Options{})
	main0 := &gtask{"main0", 0}
	child0 := &gtask{"child0", 0}
	other := &gtask{"prog1", 1}
	must(h.AddTimer(1e9, child0))
	must(h.AddTimer(15e8, other))
	must(h.AddTimer(2e9, main0)) // the blocking sleep's wake-up
	h.Block(0, main0)
	h.Schedule(child0) // something else of program 0 became ready too
	if !h.Blocked(0) || h.Blocked(1) {
		t.Fatal("blocked state")
	}
	got := drain(h, func(tk Task) {
		if tk == main0 {
			h.Schedule(&gtask{"after-main0", 1})
			if h.Blocked(0) {
				t.Error("still blocked")
			}
		}
	})
	want := "prog1@1500 main0@2000 child0@2000 child0@2000 after-main0@2000"
	if got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
}

// TestRandomTimersMatchSortedOrder checks the heap against a stable sort by
// deadline, with cancels mixed in.
func TestRandomTimersMatchSortedOrder(t *testing.T) {
	h := New(Options{})
	type rec struct {
		when int64
		id   int
	}
	var want []rec
	state := int64(2024)
	var timers []Timer
	for i := 0; i < 5000; i++ {
		state = (state*1103515245 + 12345) % 2147483648
		when := state % 1000 * 1e6 // many ties
		timers = append(timers, must(h.AddTimer(when, i)))
		want = append(want, rec{when, i})
	}
	var kept []rec
	for i, r := range want {
		if i%7 == 3 {
			timers[i].Cancel()
			continue
		}
		kept = append(kept, r)
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].when < kept[j].when })
	for i, r := range kept {
		tk, ok := h.Next()
		if !ok || tk != r.id || h.Now() != r.when {
			t.Fatalf("step %d: got %v at %d, want %d at %d", i, tk, h.Now(), r.id, r.when)
		}
	}
	if _, ok := h.Next(); ok {
		t.Fatal("extra task")
	}
}

// TestIterationOrder: callbacks first, then due timers, then I/O wake-ups,
// even when the I/O wake-up happened before the callback was queued.
func TestIterationOrder(t *testing.T) {
	h := New(Options{})
	sock := NewWaitQueue(WaitIO)
	ev := NewWaitQueue(WaitSync)
	h.Wait(sock, "reader")
	h.Wait(ev, "event-waiter")
	must(h.AddTimer(0, "timer"))
	h.Schedule("sender")
	got := drain(h, func(tk Task) {
		if tk == "sender" {
			h.WakeAll(sock)       // data arrives for reader
			h.Schedule("spawned") // then a spawn
			h.WakeAll(ev)         // then Event.set
		}
	})
	if got != "sender@0 spawned@0 event-waiter@0 timer@0 reader@0" {
		t.Fatal(got)
	}
}

// TestWaitUntil: a wait with a timeout wakes its task exactly once.
func TestWaitUntil(t *testing.T) {
	h := New(Options{})
	q := NewWaitQueue(WaitIO)
	// Woken before the deadline: the timeout is cancelled.
	w, err := h.WaitUntil(q, "recv", 1e9)
	if err != nil || h.Timers() != 1 {
		t.Fatal(err)
	}
	h.WakeAll(q)
	if got := drain(h, nil); got != "recv@0" || h.Timers() != 0 || w.Pending() {
		t.Fatal(got, h.Timers())
	}
	// The deadline first: the wait is withdrawn, a later wake finds nobody.
	w, _ = h.WaitUntil(q, "recv-timeout", 2e9)
	must(h.AddTimer(2e9, "same-deadline-after"))
	got := drain(h, func(Task) {
		if h.WakeAll(q) != 0 {
			t.Error("woken twice")
		}
	})
	if got != "recv-timeout@2000 same-deadline-after@2000" || w.Pending() || q.Len() != 0 {
		t.Fatal(got)
	}
	// Both in the same iteration: the timer fires first and the wake is void.
	h.WaitUntil(q, "both", 3e9)
	must(h.AddTimer(3e9, Func(func() { h.WakeAll(q) })))
	if got := drain(h, nil); got != "both@3000" {
		t.Fatal(got)
	}
	// Cancelling the wait cancels its timeout.
	w, _ = h.WaitUntil(q, "cancelled", 4e9)
	w.Cancel()
	if h.Timers() != 0 || h.Waiting(WaitIO) != 0 {
		t.Fatal(h.Timers())
	}
}

func TestScheduleIO(t *testing.T) {
	h := New(Options{})
	h.ScheduleIO("connecting")
	h.Schedule("callback")
	must(h.AddTimer(0, "timer"))
	if got := drain(h, nil); got != "callback@0 timer@0 connecting@0" {
		t.Fatal(got)
	}
}
