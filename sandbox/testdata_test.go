package sandbox_test

// This file runs the engine's own test programs (testdata/*.py) against the
// outputs real CPython printed (testdata/*.out, .err, .code), re-running
// CPython too when /usr/bin/python3 is installed, and checks that hostile
// programs end with a plain reason.

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"coroutinetour/sandbox"
)

func runEngine(name, src, stdin string, limits sandbox.Limits) (string, string, sandbox.Result) {
	var out, errs strings.Builder
	r := sandbox.Start(sandbox.Options{Programs: []sandbox.Program{{Name: name, Source: src, Stdin: stdin}}, Limits: limits},
		func(e sandbox.Event) {
			switch e.Kind {
			case sandbox.KindStdout:
				out.WriteString(e.Text)
			case sandbox.KindStderr:
				errs.WriteString(e.Text)
			}
		})
	res := r.Wait()
	return out.String(), errs.String(), res
}

func TestOwnPrograms(t *testing.T) {
	eachGoldenProgram(t, "testdata", func(t *testing.T, p goldenProgram) {
		wantCode := 0
		if c, err := os.ReadFile(p.base + ".code"); err == nil {
			wantCode, _ = strconv.Atoi(strings.TrimSpace(string(c)))
		}
		out, errs, res := runEngine(p.name+".py", p.src, "", sandbox.Limits{})
		if out != p.wantOut {
			t.Errorf("stdout differs from CPython's\n--- got\n%s--- want\n%s", out, p.wantOut)
		}
		if res.Exits[0] != wantCode {
			t.Errorf("exit status %d, want %d", res.Exits[0], wantCode)
		}
		if a, b := strings.Join(significant(errs, p.name), "\n"), strings.Join(significant(p.wantErr, p.name), "\n"); a != b {
			t.Errorf("stderr differs\n--- got\n%s\n--- want\n%s", a, b)
		}
		// the differential part: the golden files are still what CPython prints
		if cout, _, ok := p.runCPython(); ok && cout != p.wantOut {
			t.Errorf("the golden %s.out is stale: CPython now prints\n%s", p.name, cout)
		}
	})
}

// goldenProgram is a test program with the outputs CPython printed for it.
type goldenProgram struct {
	name, path, base string // base is the path without ".py"
	src              string
	wantOut, wantErr string
}

// eachGoldenProgram runs check on every NAME.py of dir, as a subtest.
func eachGoldenProgram(t *testing.T, dir string, check func(*testing.T, goldenProgram)) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	if len(files) == 0 {
		t.Fatalf("no test programs in %s", dir)
	}
	for _, path := range files {
		p := goldenProgram{name: strings.TrimSuffix(filepath.Base(path), ".py"), path: path, base: strings.TrimSuffix(path, ".py")}
		src, _ := os.ReadFile(path)
		out, _ := os.ReadFile(p.base + ".out")
		errs, _ := os.ReadFile(p.base + ".err")
		p.src, p.wantOut, p.wantErr = string(src), string(out), string(errs)
		t.Run(p.name, func(t *testing.T) { check(t, p) })
	}
}

// runCPython runs the program under /usr/bin/python3 in its folder, with
// that folder's path taken out of stderr; ok is false without CPython.
func (p goldenProgram) runCPython() (stdout, stderr string, ok bool) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		return "", "", false
	}
	cmd := exec.Command(python, p.name+".py")
	cmd.Dir = filepath.Dir(p.path)
	var cout, cerr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &cout, &cerr
	cmd.Run()
	abs, _ := filepath.Abs(cmd.Dir)
	return cout.String(), strings.ReplaceAll(cerr.String(), abs+string(filepath.Separator), ""), true
}

// TestHostilePrograms: broken or hostile programs end with a reason a learner
// understands, never an internal error, a hang or Go text.
func TestHostilePrograms(t *testing.T) {
	limits := sandbox.Limits{MaxSteps: 5_000_000, MaxMemory: 32 << 20, MaxOutput: 64 << 10}
	cases := []struct{ src, want string }{
		{"def f(n):\n    return f(n + 1)\nf(0)\n", "RecursionError: maximum recursion depth exceeded"},
		{"x = 'x' * 10**10\n", "MemoryError"},
		{"x = [0] * 10**9\n", "MemoryError"},
		{"x = 10**10**8\n", "MemoryError"},
		{"a = []\na.append(a)\nprint(a)\n", "[[...]]"},
		{"while True:\n    pass\n", "steps"},
		{"while True:\n    print('spam' * 50)\n", "output"},
		{"class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n", "RecursionError"},
		{"def g():\n    yield from g()\nlist(g())\n", "RecursionError"},
		{"x = " + strings.Repeat("(", 250) + "1" + strings.Repeat(")", 250) + "\n", "too many nested parentheses"},
		{"print('unclosed\n", "unterminated string literal"},
		{"import os\n", "No module named 'os'"},
		{"open('/etc/passwd')\n", "not available here"},
		{"import time\ntime.sleep(10**6)\n", "virtual-time limit"},
		{"import gevent\ngevent.sleep(float('nan'))\n", "virtual-time limit"},
		{"l = []\nwhile True:\n    l.append(object())\n", ""},
		{"import queue\nqueue.Queue().get()\n", "waits forever"},
		{"import gevent\ngevent.joinall([gevent.spawn(gevent.sleep, 1) for i in range(1500)])\n", "greenlets at once"},
		// CPython crashes on these (C recursion); here they end with a RecursionError
		{"t = ()\nfor i in range(100000):\n    t = (t,)\nd = {t: 1}\n", "RecursionError"},
		{"t = ()\nfor i in range(100000):\n    t = (t, 1)\nprint(hash(t))\n", "RecursionError"},
		{"type('X', [int], {})\n", "argument 2 must be tuple, not list"},
		{"from gevent import Greenlet\nGreenlet.__init__(10)\n", "requires a 'greenlet.greenlet' object but received a 'int'"},
		{"list.append(1, 2)\n", "descriptor 'append' for 'list' objects doesn't apply to a 'int' object"},
	}
	for _, c := range cases {
		out, errs, res := runEngine("main.py", c.src, "", limits)
		all := out + errs + res.Reason
		if strings.Contains(res.Reason, "internal error") || strings.Contains(all, "goroutine") || strings.Contains(all, "panic") {
			t.Errorf("%q: internal failure: %s", c.src, all)
			continue
		}
		if res.Status == sandbox.StatusOK && c.want != "[[...]]" {
			t.Errorf("%q: ended ok, want a failure", c.src)
		}
		if c.want != "" && !strings.Contains(all, c.want) {
			t.Errorf("%q: %s (%s), want it to mention %q\n%s", c.src, res.Status, res.Reason, c.want, errs)
		}
	}
}
