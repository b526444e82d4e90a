package hub

import "testing"

// BenchmarkScheduleNext measures one run_callback round trip.
func BenchmarkScheduleNext(b *testing.B) {
	h := New(Options{})
	var task Task = &struct{ n int }{}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		h.Schedule(task)
		h.Next()
	}
}

// BenchmarkTimerRandom10k adds 10,000 timers at pseudo-random deadlines in
// [0, 1 s) (the LCG of bench/workloads/gevent_random_sleep.py) and fires them
// all: one op is 10,000 sleeps.
func BenchmarkTimerRandom10k(b *testing.B) {
	tasks := make([]Task, 10_000)
	for i := range tasks {
		tasks[i] = &struct{ n int }{i}
	}
	h := New(Options{Horizon: 1 << 62})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		state := int64(2024)
		base := h.Now()
		for _, t := range tasks {
			state = (state*1103515245 + 12345) % 2147483648
			if _, err := h.AddTimer(base+state*1e9/2147483648, t); err != nil {
				b.Fatal(err)
			}
		}
		for n := 0; n < len(tasks); n++ {
			if _, ok := h.Next(); !ok {
				b.Fatal("stopped early")
			}
		}
	}
}

// BenchmarkTimerCancel adds a timer and cancels it (a Timeout that did not
// fire), with 1,000 other timers pending.
func BenchmarkTimerCancel(b *testing.B) {
	h := New(Options{})
	for i := 0; i < 1000; i++ {
		h.AddTimer(int64(i)*1e6, i)
	}
	var task Task = &struct{ n int }{}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tm, _ := h.AddTimer(int64(i%1000)*1e6+1, task)
		tm.Cancel()
	}
}

// BenchmarkWaitWake registers a waiter and wakes it, then runs it.
func BenchmarkWaitWake(b *testing.B) {
	h := New(Options{})
	q := NewWaitQueue(WaitIO)
	var task Task = &struct{ n int }{}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		h.Wait(q, task)
		h.WakeOne(q)
		h.Next()
	}
}

// BenchmarkSpawn100k schedules 100,000 tasks and runs them (spawn + start).
func BenchmarkSpawn100k(b *testing.B) {
	tasks := make([]Task, 100_000)
	for i := range tasks {
		tasks[i] = &struct{ n int }{i}
	}
	h := New(Options{})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, t := range tasks {
			h.Schedule(t)
		}
		for range tasks {
			h.Next()
		}
	}
}
