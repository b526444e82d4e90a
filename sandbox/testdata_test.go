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
	files, _ := filepath.Glob(filepath.Join("testdata", "*.py"))
	if len(files) == 0 {
		t.Fatal("no test programs in testdata/")
	}
	python := "/usr/bin/python3"
	_, err := os.Stat(python)
	haveCPython := err == nil
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		t.Run(name, func(t *testing.T) {
			src, _ := os.ReadFile(path)
			base := strings.TrimSuffix(path, ".py")
			wantOut, _ := os.ReadFile(base + ".out")
			wantErr, _ := os.ReadFile(base + ".err")
			wantCode := 0
			if c, err := os.ReadFile(base + ".code"); err == nil {
				wantCode, _ = strconv.Atoi(strings.TrimSpace(string(c)))
			}
			out, errs, res := runEngine(name+".py", string(src), "", sandbox.Limits{})
			if out != string(wantOut) {
				t.Errorf("stdout differs from CPython's\n--- got\n%s--- want\n%s", out, wantOut)
			}
			if res.Exits[0] != wantCode {
				t.Errorf("exit status %d, want %d", res.Exits[0], wantCode)
			}
			if a, b := strings.Join(significant(errs, name), "\n"), strings.Join(significant(string(wantErr), name), "\n"); a != b {
				t.Errorf("stderr differs\n--- got\n%s\n--- want\n%s", a, b)
			}
			if !haveCPython {
				return
			}
			// the differential part: the golden files are still what CPython prints
			cmd := exec.Command(python, name+".py")
			cmd.Dir = "testdata"
			var cout bytes.Buffer
			cmd.Stdout = &cout
			cmd.Run()
			if cout.String() != string(wantOut) {
				t.Errorf("the golden %s.out is stale: CPython now prints\n%s", name, cout.String())
			}
		})
	}
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
