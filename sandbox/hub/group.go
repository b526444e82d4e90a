package hub

// This file defines program groups: a program blocked in an unpatched system
// call (time.sleep, a blocking recv) runs none of its other tasks until the
// call returns, while the other programs and the clock go on.

// Grouped is implemented by tasks that belong to a program (a process of the
// run). Tasks that do not implement it are never held back.
type Grouped interface {
	HubGroup() int // a small number: the program's index
}

type group struct {
	blocker Task // the task whose system call blocks the program
	held    fifo // the program's tasks that came up meanwhile, in order
	frozen  bool
}

// Block freezes t's program, group g, until t itself comes up in Next (woken
// by its socket or its timer): meanwhile the program's other tasks are held
// back in order. When t comes up, the program thaws: t is returned and the
// held tasks go to the front of the ready queue, so they run after t yields,
// as the greenlets of a CPython process resume after a blocking call. Tasks
// must be comparable (pointers) for this.
func (h *Hub) Block(g int, t Task) {
	for len(h.groups) <= g {
		h.groups = append(h.groups, &group{})
	}
	gr := h.groups[g]
	gr.frozen, gr.blocker = true, t
}

// Blocked reports whether program g is frozen in a system call.
func (h *Hub) Blocked(g int) bool { return g < len(h.groups) && h.groups[g].frozen }

// hold reports whether t must wait because its program is frozen; it thaws
// the program when t is the blocker.
func (h *Hub) hold(t Task) bool {
	gt, ok := t.(Grouped)
	if !ok {
		return false
	}
	g := gt.HubGroup()
	if g < 0 || g >= len(h.groups) || !h.groups[g].frozen {
		return false
	}
	gr := h.groups[g]
	if t != gr.blocker {
		gr.held.push(t)
		h.nHeld++
		return true
	}
	gr.frozen, gr.blocker = false, nil
	if gr.held.len() > 0 {
		// The held tasks were ready first: they go before what is queued now.
		var q fifo
		for gr.held.len() > 0 {
			q.push(gr.held.pop())
			h.nHeld--
		}
		for h.ready.len() > 0 {
			q.push(h.ready.pop())
		}
		h.ready = q
	}
	return false
}
