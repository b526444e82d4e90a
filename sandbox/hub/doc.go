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
// One loop iteration is modelled as gevent runs it on libev:
//
//  1. run callbacks: the ready queue (gevent's loop.run_callback, used by
//     spawn, sleep(0), Event.set; Schedule and the wake-ups of WaitSync and
//     WaitInput queues), FIFO, including callbacks added meanwhile;
//  2. poll: the timers due now, ordered by (deadline, creation sequence), so
//     equal deadlines fire in the order their timers were created; then the
//     tasks woken by I/O (WaitIO queues) since the previous poll, in the order
//     they were woken;
//  3. when nothing is ready and nothing is due, the clock jumps to the
//     earliest timer.
//
// Tasks queued during step 2 run in the next iteration. When the callbacks
// keep refilling themselves (a sleep(0) loop) and the virtual time charged
// with Advance exceeds Options.SwitchInterval, the loop polls before the rest,
// as gevent breaks its callback loop after the switch interval.
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
