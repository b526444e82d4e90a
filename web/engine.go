// This file defines the engine interface the run websocket drives, so
// protocol tests can use a fake engine that does not depend on the real
// one's progress.

package web

import "coroutinetour/sandbox"

// Engine starts runs. The zero Config uses the real engine (sandbox.Start).
type Engine func(opts sandbox.Options, emit func(sandbox.Event)) Run

// Run is a started run, as *sandbox.Run offers it.
type Run interface {
	Input(program int, data string)
	CloseInput(program int)
	Stop()
	Done() <-chan struct{}
	Wait() sandbox.Result
}

// realEngine runs programs in the sandbox.
func realEngine(opts sandbox.Options, emit func(sandbox.Event)) Run {
	return sandbox.Start(opts, emit)
}
