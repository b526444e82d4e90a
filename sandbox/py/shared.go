package py

// This file defines runs of several programs (a server and its clients) on
// one virtual clock and one virtual network. Each program has its own
// interpreter (Thread) running on its own goroutine, but only one runs at a
// time: a baton passes between them whenever the shared hub picks a greenlet
// of another program, so the order of everything stays deterministic.

import (
	"sync"

	"coroutinetour/sandbox/hub"
	"coroutinetour/sandbox/vnet"
)

// Shared is what the programs of one run share.
type Shared struct {
	Hub *hub.Hub
	Net *vnet.Network

	mu      sync.Mutex
	batons  []chan baton // one per program: its goroutine waits here for its turn
	threads []*Thread
	alive   []bool
	ended   bool
}

// baton gives a program its turn: start it, deliver a wake-up, or stop it.
type baton struct {
	task  *wakeTask
	start bool
	halt  error
}

// NewShared prepares a run of n programs on one hub and network.
func NewShared(h *hub.Hub, net *vnet.Network, n int) *Shared {
	s := &Shared{Hub: h, Net: net, batons: make([]chan baton, n), threads: make([]*Thread, n), alive: make([]bool, n)}
	for i := range s.batons {
		s.batons[i] = make(chan baton, 1)
	}
	return s
}

// Join registers program i's thread and schedules its start (program 0 is
// started by StartFirst).
func (s *Shared) Join(i int, th *Thread) {
	s.threads[i] = th
	s.alive[i] = true
	main := th.curGreenlet()
	if i > 0 {
		s.Hub.Schedule(&wakeTask{g: main, gen: main.resumes, reason: wakeStart})
	}
}

// StartFirst gives the baton to program 0.
func (s *Shared) StartFirst() { s.batons[0] <- baton{start: true} }

// WaitTurn blocks program i's goroutine until its first turn; it reports
// false when the run ended before the program started.
func (s *Shared) WaitTurn(i int) (bool, error) {
	b := <-s.batons[i]
	if b.halt != nil {
		return false, b.halt
	}
	return true, nil
}

func (s *Shared) isAlive(i int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return i < len(s.alive) && s.alive[i]
}

// program is the program a wake-up belongs to.
func (w *wakeTask) program() int {
	if w.g != nil && w.g.owner != nil {
		return w.g.owner.env.Program
	}
	return 0
}

// handTo gives the baton to the program task belongs to and waits for this
// program's next turn. It returns the task to run here, or a halt.
func (s *Shared) handTo(me int, task *wakeTask) (*wakeTask, error) {
	s.batons[task.program()] <- baton{task: task, start: task.reason == wakeStart}
	b := <-s.batons[me]
	if b.halt != nil {
		return nil, b.halt
	}
	return b.task, nil
}

// Exit is called on program i's goroutine when it has ended: its sockets
// close, and the baton goes to whatever runs next. It reports whether the
// run is over (and why, when it ended idle).
func (s *Shared) Exit(i int) (over bool, reason string) {
	s.mu.Lock()
	s.alive[i] = false
	s.mu.Unlock()
	if s.Net != nil {
		s.Net.CloseProgram(i)
	}
	for {
		task, ok := s.Hub.Next()
		if !ok {
			return s.endAll("no program can make progress any more: " + s.waitingWords())
		}
		w, isWake := task.(*wakeTask)
		if !isWake || w.g.state == glDead || w.gen >= 0 && w.gen != w.g.resumes || !s.alive[w.program()] {
			continue
		}
		s.batons[w.program()] <- baton{task: w, start: w.reason == wakeStart}
		return false, ""
	}
}

// endAll stops every program still waiting for its turn.
func (s *Shared) endAll(reason string) (bool, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	anyAlive := false
	for i, a := range s.alive {
		if a {
			anyAlive = true
			s.batons[i] <- baton{halt: &haltError{Kind: "idle", Reason: reason}}
		}
	}
	s.ended = true
	if !anyAlive {
		return true, ""
	}
	return true, reason
}

// Abort stops every other program after one of them hit a limit or was stopped.
func (s *Shared) Abort(h *Halt) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended {
		return
	}
	s.ended = true
	for i, a := range s.alive {
		if a {
			s.alive[i] = false
			select {
			case s.batons[i] <- baton{halt: &haltError{Kind: h.Kind, Reason: h.Reason}}:
			default:
			}
		}
	}
}

// waitingWords says who is still waiting, for the end-of-run message.
func (s *Shared) waitingWords() string {
	st := s.Hub.Stall()
	switch {
	case st.IO > 0:
		return "a program still waits on the network (a server waiting for connections that will not come)"
	case st.Input > 0:
		return "a program waits for input"
	}
	return "every program left waits for another"
}
