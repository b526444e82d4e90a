// Package hub is the engine's scheduler core: a deterministic virtual clock, a
// FIFO ready queue, timers and wait queues, in the manner of gevent's hub on a
// libev loop.
//
// The hub knows nothing about Python. It hands back opaque tasks (the
// interpreter's greenlets, threads) from Next, and runs Func tasks itself.
//
// # Time
//
// Virtual time is an int64 count of nanoseconds since the run's epoch. It moves
// only when nothing is ready: Next then jumps the clock to the earliest timer. A
// caller that charges CPU time (an unpatched thread's time slice) moves it with
// Advance.
//
// # Order
//
// One loop iteration, as gevent runs it on libev, is modelled as two FIFO queues:
//
//   - ready: run callbacks (gevent's loop.run_callback, used by spawn and
//     sleep(0)) and tasks woken by Wake*/Schedule, in the order they were added;
//   - expired: timers whose deadline has come, ordered by (deadline, creation
//     sequence), so equal deadlines fire in the order their timers were created.
//
// Next takes from expired first, then from ready. When both are empty the clock
// jumps to the earliest timer and every timer due at that instant moves to
// expired. Tasks queued while expired timers run therefore run after them, as
// gevent's callbacks run in the next loop iteration. When the ready queue keeps
// refilling itself (a sleep(0) loop) and virtual time was advanced by more than
// Options.SwitchInterval since the batch began, due timers are let in first, as
// gevent breaks its callback loop after the switch interval.
//
// # Programs blocked in a system call
//
// Without monkey patching, time.sleep and a blocking socket call stop the
// whole program while other programs of the run and the clock go on. The
// interpreter calls Block(program, task) before waiting (on a timer or a
// socket); Next then holds back every task of that program (tasks implement
// Grouped) until the blocking task itself comes up, and puts the held tasks
// first in the ready queue.
//
// # Stopping
//
// Next returns false when nothing can run: Stall then says why (Idle: nothing
// ready, no timer that keeps the loop alive; AwaitInput: the same, but a task
// waits on a WaitInput queue, so outside input may still wake it; Horizon: the
// next timer lies past Options.Horizon). The caller maps Idle to gevent's
// LoopExit, to the end of a program, or to "no program can make progress".
//
// # Determinism
//
// Nothing here reads the real clock or iterates a Go map. Timers live in a slab
// with a free list and a binary heap of slot indices, so adding, firing and
// cancelling a timer allocate nothing once the slab has grown.
package hub
