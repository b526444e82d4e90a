package py

// This file defines how tracebacks show the frames of library modules
// written in Python (pylib/*.py): as CPython with gevent 22.10 prints the
// frames of the real, compiled modules, for the paths learners meet (a
// greenlet's exception re-raised by get() or joinall(), LoopExit from a wait
// that can never end, a Timeout in sleep, a failing link or spawn_raw).
// A run of consecutive library entries is looked up whole in cpythonRuns,
// because CPython's frames for one of our functions depend on its callers.
// Other library frames keep our module's name and line.

import (
	"strconv"
	"strings"
	"sync"
)

// libraryMarks holds the lines of library modules marked "# tb: NAME"
// ("<gevent>:451" -> "get-ready"): a mark tells apart two paths of one
// function that CPython prints differently.
var libraryMarks sync.Map

// markLibraryLines records the "# tb:" marks of a library module's source.
func markLibraryLines(filename, src string) {
	for i, line := range strings.Split(src, "\n") {
		if at := strings.Index(line, "# tb: "); at >= 0 {
			libraryMarks.Store(filename+":"+strconv.Itoa(i+1), strings.TrimSpace(line[at+len("# tb: "):]))
		}
	}
}

// isLibraryEntry reports whether a traceback entry is a library module's
// frame that a run of CPython frames may stand for.
func isLibraryEntry(e TBEntry) bool {
	f := e.Code.Filename
	if !strings.HasPrefix(f, "<") || f == "<_inline>" {
		return false
	}
	_, single := cpythonFrames[f+" "+e.Code.Name]
	return !single
}

// libraryKey names a library entry in cpythonRuns: file and function, and
// the line's mark if it has one.
func libraryKey(e TBEntry) string {
	key := e.Code.Filename + " " + e.Code.Name
	if m, ok := libraryMarks.Load(e.Code.Filename + ":" + strconv.Itoa(e.Line)); ok {
		key += "#" + m.(string)
	}
	return key
}

// The frames CPython prints at the end of every wait that switches to the
// hub, in two variants (gevent's compiled code unwinds one more frame on
// some paths).
const (
	switchOutLong = `  File "src/gevent/_greenlet_primitives.py", line 61, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch
  File "src/gevent/_greenlet_primitives.py", line 61, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch
  File "src/gevent/_greenlet_primitives.py", line 65, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch
  File "src/gevent/_gevent_c_greenlet_primitives.pxd", line 35, in gevent._gevent_c_greenlet_primitives._greenlet_switch
`
	switchOutShort = `  File "src/gevent/_greenlet_primitives.py", line 61, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch
  File "src/gevent/_greenlet_primitives.py", line 65, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch
  File "src/gevent/_gevent_c_greenlet_primitives.pxd", line 35, in gevent._gevent_c_greenlet_primitives._greenlet_switch
`
	reraise = `  File "src/gevent/greenlet.py", line 373, in gevent._gevent_cgreenlet.Greenlet._raise_exception
  File "/usr/lib/python3/dist-packages/gevent/_compat.py", line 66, in reraise
    raise value.with_traceback(tb)
`
	// Queue.get() waiting: forever (LoopExit) or until its timeout (Empty)
	queueWait = `  File "src/gevent/queue.py", line 335, in gevent._gevent_cqueue.Queue.get
  File "src/gevent/queue.py", line 350, in gevent._gevent_cqueue.Queue.get
  File "src/gevent/queue.py", line 327, in gevent._gevent_cqueue.Queue.__get_or_peek
  File "src/gevent/_waiter.py", line 154, in gevent._gevent_c_waiter.Waiter.get
` + switchOutLong
	// CPython shows the source line of another function here (the compiled
	// module's line table is off)
	queueEmpty = `  File "src/gevent/queue.py", line 319, in gevent._gevent_cqueue.Queue.__get_or_peek
    '''Return the approximate size of the queue (not reliable!).'''
`
	linkableWait = `  File "src/gevent/_abstract_linkable.py", line 487, in gevent._gevent_c_abstract_linkable.AbstractLinkable._wait_core
  File "src/gevent/_abstract_linkable.py", line 490, in gevent._gevent_c_abstract_linkable.AbstractLinkable._wait_core
  File "src/gevent/_abstract_linkable.py", line 442, in gevent._gevent_c_abstract_linkable.AbstractLinkable.__wait_to_be_notified
  File "src/gevent/_abstract_linkable.py", line 451, in gevent._gevent_c_abstract_linkable.AbstractLinkable._switch_to_hub
`
)

// cpythonRuns maps a run of library entries, outermost first (libraryKey
// joined by "|"), to the frames CPython prints for it.
var cpythonRuns = map[string]string{
	// g.join() that can never end
	"<gevent> join|<gevent> wait": `  File "src/gevent/greenlet.py", line 833, in gevent._gevent_cgreenlet.Greenlet.join
  File "src/gevent/greenlet.py", line 859, in gevent._gevent_cgreenlet.Greenlet.join
  File "src/gevent/greenlet.py", line 848, in gevent._gevent_cgreenlet.Greenlet.join
` + switchOutLong,
	// g.get(): re-raising at once, after waiting, or waiting forever
	"<gevent> get#get-ready": `  File "src/gevent/greenlet.py", line 805, in gevent._gevent_cgreenlet.Greenlet.get
` + reraise,
	"<gevent> get#get-after-wait": `  File "src/gevent/greenlet.py", line 831, in gevent._gevent_cgreenlet.Greenlet.get
` + reraise,
	"<gevent> get#get-wait|<gevent> join|<gevent> wait": `  File "src/gevent/greenlet.py", line 826, in gevent._gevent_cgreenlet.Greenlet.get
  File "src/gevent/greenlet.py", line 814, in gevent._gevent_cgreenlet.Greenlet.get
` + switchOutLong,
	// joinall(raise_error=True) re-raising; joinall waiting forever
	"<gevent> joinall|<gevent> _raise_exception": `  File "src/gevent/greenlet.py", line 1065, in gevent._gevent_cgreenlet.joinall
  File "src/gevent/greenlet.py", line 1081, in gevent._gevent_cgreenlet.joinall
` + reraise,
	"<gevent> joinall|<gevent> wait|<gevent> iwait|<gevent> wait": `  File "src/gevent/greenlet.py", line 1065, in gevent._gevent_cgreenlet.joinall
  File "src/gevent/greenlet.py", line 1075, in gevent._gevent_cgreenlet.joinall
  File "src/gevent/_hub_primitives.py", line 250, in gevent._gevent_c_hub_primitives.wait_on_objects
  File "src/gevent/_hub_primitives.py", line 287, in gevent._gevent_c_hub_primitives.wait_on_objects
  File "src/gevent/_hub_primitives.py", line 185, in gevent._gevent_c_hub_primitives._WaitIterator.__next__
  File "src/gevent/_hub_primitives.py", line 176, in gevent._gevent_c_hub_primitives._WaitIterator.__next__
  File "src/gevent/_waiter.py", line 195, in gevent._gevent_c_waiter.MultipleWaiter.get
  File "src/gevent/_waiter.py", line 154, in gevent._gevent_c_waiter.Waiter.get
` + switchOutLong,
	// Queue.get(), Event.wait() and AsyncResult.get() waiting forever
	"<gevent.queue> get|<gevent.queue> _wait_for|<gevent> wait": queueWait,
	// Queue.get() of an empty queue without blocking, or after its timeout
	"<gevent.queue> get#q-get-empty": `  File "src/gevent/queue.py", line 335, in gevent._gevent_cqueue.Queue.get
  File "src/gevent/queue.py", line 350, in gevent._gevent_cqueue.Queue.get
` + queueEmpty,
	"<gevent.queue> get_nowait|<gevent.queue> get#q-get-empty": `  File "src/gevent/queue.py", line 352, in gevent._gevent_cqueue.Queue.get_nowait
  File "src/gevent/queue.py", line 358, in gevent._gevent_cqueue.Queue.get_nowait
  File "src/gevent/queue.py", line 350, in gevent._gevent_cqueue.Queue.get
` + queueEmpty,
	"<gevent.queue> get#q-get-timeout": queueWait,
	// an exception thrown into gevent.sleep (a Timeout)
	"<gevent> sleep": `  File "/usr/lib/python3/dist-packages/gevent/hub.py", line 166, in sleep
    hub.wait(t)
  File "src/gevent/_hub_primitives.py", line 46, in gevent._gevent_c_hub_primitives.WaitOperationsGreenlet.wait
  File "src/gevent/_hub_primitives.py", line 55, in gevent._gevent_c_hub_primitives.WaitOperationsGreenlet.wait
  File "src/gevent/_waiter.py", line 154, in gevent._gevent_c_waiter.Waiter.get
` + switchOutLong,
	// gevent.sleep in a rawlink() callback, which runs in the hub
	"<gevent> sleep in the hub": `  File "/usr/lib/python3/dist-packages/gevent/hub.py", line 166, in sleep
    hub.wait(t)
  File "src/gevent/_hub_primitives.py", line 46, in gevent._gevent_c_hub_primitives.WaitOperationsGreenlet.wait
  File "src/gevent/_hub_primitives.py", line 55, in gevent._gevent_c_hub_primitives.WaitOperationsGreenlet.wait
  File "src/gevent/_waiter.py", line 154, in gevent._gevent_c_waiter.Waiter.get
  File "src/gevent/_greenlet_primitives.py", line 61, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch
  File "src/gevent/_greenlet_primitives.py", line 61, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch
  File "src/gevent/_greenlet_primitives.py", line 64, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch
  File "src/gevent/_greenlet_primitives.py", line 67, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch_out
  File "src/gevent/_greenlet_primitives.py", line 68, in gevent._gevent_c_greenlet_primitives.SwitchOutGreenletWithLoop.switch_out
`,
	// a link() callback that raised, and a spawn_raw greenlet's function
	// (gevent switches into it from the hub: no frame of its own)
	"<gevent> __call__#spawned-link": `  File "src/gevent/greenlet.py", line 84, in gevent._gevent_cgreenlet.SpawnedLink.__call__
`,
	"<gevent> _raw_run#raw-run": "",
	// iterating Pool.imap()/imap_unordered() over a greenlet that failed
	"<gevent.pool> __next__|<gevent> _raise_exception": `  File "src/gevent/_imap.py", line 107, in gevent._gevent_c_imap.IMapUnordered.__next__
  File "src/gevent/_imap.py", line 39, in gevent._gevent_c_imap._raise_exc
` + reraise,
	// Group.join(raise_error=True) re-raising
	"<gevent.pool> join|<gevent> _raise_exception": `  File "/usr/lib/python3/dist-packages/gevent/pool.py", line 435, in join
    greenlet._raise_exception()
` + reraise,
	"<gevent.event> wait|<gevent.event> _wait|<gevent> wait": `  File "src/gevent/event.py", line 163, in gevent._gevent_cevent.Event.wait
  File "src/gevent/_abstract_linkable.py", line 521, in gevent._gevent_c_abstract_linkable.AbstractLinkable._wait
` + linkableWait + switchOutShort,
	"<gevent.event> get|<gevent.event> _wait|<gevent> wait": `  File "src/gevent/event.py", line 329, in gevent._gevent_cevent.AsyncResult.get
  File "src/gevent/event.py", line 356, in gevent._gevent_cevent.AsyncResult.get
` + linkableWait + switchOutShort,
}

func init() {
	// AsyncResult.get() re-raising, at once or after waiting, with the
	// traceback it kept or (when that is the exception's own) plainly
	asyncResultGet := map[string]string{
		"ar-get-ready": `  File "src/gevent/event.py", line 329, in gevent._gevent_cevent.AsyncResult.get
  File "src/gevent/event.py", line 347, in gevent._gevent_cevent.AsyncResult.get
`,
		"ar-get-waited": `  File "src/gevent/event.py", line 329, in gevent._gevent_cevent.AsyncResult.get
  File "src/gevent/event.py", line 359, in gevent._gevent_cevent.AsyncResult.get
  File "src/gevent/event.py", line 347, in gevent._gevent_cevent.AsyncResult.get
`,
	}
	reraises := map[string]string{
		"ar-reraise-tb": `  File "src/gevent/event.py", line 327, in gevent._gevent_cevent.AsyncResult._raise_exception
  File "/usr/lib/python3/dist-packages/gevent/_compat.py", line 66, in reraise
    raise value.with_traceback(tb)
`,
		"ar-reraise": `  File "src/gevent/event.py", line 327, in gevent._gevent_cevent.AsyncResult._raise_exception
  File "/usr/lib/python3/dist-packages/gevent/_compat.py", line 67, in reraise
    raise value
`,
	}
	for get, getText := range asyncResultGet {
		for re, reText := range reraises {
			cpythonRuns["<gevent.event> get#"+get+"|<gevent.event> _raise_exception#"+re] = getText + reText
		}
	}
}

// cpythonRun returns what CPython prints for the library entries tb[j..i]
// (tb[i] outermost), j being as far inward as the run of library entries
// goes; ok is false when the run is not one CPython's frames are known for.
func cpythonRun(tb []TBEntry, i int) (text string, j int, ok bool) {
	var keys []string
	for j = i; j >= 0 && (isLibraryEntry(tb[j]) || tb[j].Code.Filename == "<_inline>"); j-- {
		if tb[j].Code.Filename != "<_inline>" {
			keys = append(keys, libraryKey(tb[j]))
		}
	}
	text, ok = cpythonRuns[strings.Join(keys, "|")]
	return text, j + 1, ok
}
