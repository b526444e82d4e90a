package sandbox_test

import (
	"strings"
	"testing"
	"time"

	"coroutinetour/sandbox"
)

func collect(opts sandbox.Options) ([]sandbox.Event, sandbox.Result) {
	var evs []sandbox.Event
	r := sandbox.Start(opts, func(e sandbox.Event) { evs = append(evs, e) })
	return evs, r.Wait()
}

func TestEventsAreOrderedAndStamped(t *testing.T) {
	src := "import gevent\n\ndef f(n):\n    gevent.sleep(n)\n    print('done', n)\n\ngevent.joinall([gevent.spawn(f, 2), gevent.spawn(f, 1)])\n"
	evs, res := collect(sandbox.Options{Programs: []sandbox.Program{{Name: "main.py", Source: src}}, Trace: true})
	if res.Status != sandbox.StatusOK || res.VirtualNS != 2e9 {
		t.Fatalf("status %s, virtual %d ns", res.Status, res.VirtualNS)
	}
	var out []string
	for i, e := range evs {
		if e.Seq != int64(i+1) {
			t.Fatalf("event %d has seq %d", i, e.Seq)
		}
		if i > 0 && e.TimeNS < evs[i-1].TimeNS {
			t.Fatalf("virtual time goes back at event %d", i)
		}
		if e.Kind == sandbox.KindStdout {
			out = append(out, e.Text)
			if e.Line != 5 || e.G < 3 {
				t.Errorf("output %q: line %d, coroutine %d; want line 5 of a spawned greenlet", e.Text, e.Line, e.G)
			}
		}
	}
	if strings.Join(out, "") != "done 1\ndone 2\n" {
		t.Errorf("output %q", out)
	}
	if evs[len(evs)-1].Kind != sandbox.KindProgramExit {
		t.Errorf("last event is %s, want program-exit", evs[len(evs)-1].Kind)
	}
}

func TestInputStopAndLimits(t *testing.T) {
	waiting := make(chan struct{}, 1)
	r := sandbox.Start(sandbox.Options{Programs: []sandbox.Program{{Source: "print(input('? ') * 2)\n"}}, Interactive: true},
		func(e sandbox.Event) {
			if e.Kind == sandbox.KindInputWait {
				waiting <- struct{}{}
			}
		})
	<-waiting
	r.Input(0, "ab\n")
	if res := r.Wait(); res.Status != sandbox.StatusOK {
		t.Errorf("input run ended %s: %s", res.Status, res.Reason)
	}

	r = sandbox.Start(sandbox.Options{Programs: []sandbox.Program{{Source: "while True:\n    pass\n"}}, Limits: sandbox.Limits{MaxSteps: -1}}, nil)
	time.AfterFunc(50*time.Millisecond, r.Stop)
	if res := r.Wait(); res.Status != sandbox.StatusStopped {
		t.Errorf("stopped run ended %s: %s", res.Status, res.Reason)
	}

	_, res := collect(sandbox.Options{Programs: []sandbox.Program{{Source: "x = 0\nwhile True:\n    x += 1\n"}}, Limits: sandbox.Limits{MaxSteps: 100_000}})
	if res.Status != sandbox.StatusLimit || !strings.Contains(res.Reason, "steps") {
		t.Errorf("step limit: %s %q", res.Status, res.Reason)
	}
	_, res = collect(sandbox.Options{Programs: []sandbox.Program{{Source: "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\n"}}, Limits: sandbox.Limits{MaxSteps: 100_000}})
	if res.Status != sandbox.StatusLimit {
		t.Errorf("a limit must not be catchable: %s", res.Status)
	}
	_, res = collect(sandbox.Options{Programs: []sandbox.Program{{Source: "import time\ntime.sleep(7200)\n"}}})
	if res.Status != sandbox.StatusLimit || !strings.Contains(res.Reason, "virtual-time") {
		t.Errorf("virtual time limit: %s %q", res.Status, res.Reason)
	}
	evs, res := collect(sandbox.Options{Programs: []sandbox.Program{{Source: "import os\n"}}})
	var errText string
	for _, e := range evs {
		if e.Kind == sandbox.KindStderr {
			errText += e.Text
		}
	}
	if res.Status != sandbox.StatusError || !strings.Contains(errText, "ModuleNotFoundError: No module named 'os'") {
		t.Errorf("unsupported module: %s %q", res.Status, errText)
	}
}

func TestCustomHosts(t *testing.T) {
	src := "from urllib.request import urlopen\nimport time\nt = time.time()\nr = urlopen('http://example.org/page')\nprint(r.status, r.read(), round(time.time() - t, 1))\n"
	host := sandbox.Host{Match: "example.org", Latency: 2 * time.Second, Body: "hi there"}
	evs, res := collect(sandbox.Options{Programs: []sandbox.Program{{Source: src}}, Hosts: []sandbox.Host{host}})
	var out string
	for _, e := range evs {
		if e.Kind == sandbox.KindStdout {
			out += e.Text
		}
	}
	if out != "200 b'hi there' 2.0\n" || res.Status != sandbox.StatusOK {
		t.Errorf("got %q (%s %s)", out, res.Status, res.Reason)
	}
}

// Runs at once share the library modules' compiled code, never their state:
// each gets its own copy of the code objects (run with -race).
func TestConcurrentRunsShareLibraryCode(t *testing.T) {
	src := `import gevent
from collections import deque, Counter
from gevent.queue import Queue

q = Queue()
def worker(n):
    for i in range(3):
        q.put((n, i))
        gevent.sleep(0.01 * n)
gevent.joinall([gevent.spawn(worker, n) for n in range(1, 4)])
seen = deque()
while not q.empty():
    seen.append(q.get())
print(len(seen), Counter(n for n, _ in seen).most_common(1), list(seen)[:4])
`
	const runs = 8
	outs := make(chan string, runs)
	for i := 0; i < runs; i++ {
		go func() {
			evs, res := collect(sandbox.Options{Programs: []sandbox.Program{{Name: "main.py", Source: src}}, Trace: true})
			var b strings.Builder
			for _, e := range evs {
				if e.Kind == sandbox.KindStdout || e.Kind == sandbox.KindStderr {
					b.WriteString(e.Text)
				}
			}
			outs <- string(res.Status) + ": " + b.String()
		}()
	}
	want := "ok: 9 [(1, 3)] [(1, 0), (2, 0), (3, 0), (1, 1)]\n"
	for i := 0; i < runs; i++ {
		if got := <-outs; got != want {
			t.Errorf("run %d: %q, want %q", i, got, want)
		}
	}
}

// Unpatched threads that compute without waiting take turns, as CPython's
// GIL makes them; in the engine the turns are counted in instructions, so
// the interleaving is the same on every run.
func TestThreadsArePreempted(t *testing.T) {
	src := `import threading
def spin(name):
    for i in range(600000):
        if i % 200000 == 0:
            print(name, i)
ts = [threading.Thread(target=spin, args=(x,)) for x in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
`
	evs, res := collect(sandbox.Options{Programs: []sandbox.Program{{Name: "main.py", Source: src}}, Trace: true})
	var out strings.Builder
	preempted := 0
	for _, e := range evs {
		if e.Kind == sandbox.KindStdout {
			out.WriteString(e.Text)
		}
		if e.Kind == "switch" && e.Reason == "preempted" {
			preempted++
		}
	}
	if res.Status != sandbox.StatusOK {
		t.Fatalf("status %s: %s", res.Status, res.Reason)
	}
	if got, want := out.String(), "a 0\nb 0\na 200000\nb 200000\na 400000\nb 400000\n"; got != want {
		t.Errorf("output %q, want the threads taking turns %q", got, want)
	}
	if preempted == 0 {
		t.Error("no switch says 'preempted'")
	}
}
