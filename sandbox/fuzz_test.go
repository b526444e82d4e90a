package sandbox_test

// FuzzRun runs mutated programs through the whole engine (compile, VM,
// greenlets, hub) with small limits: whatever a learner types, the run must
// end with a Python error or a limit, never with an internal error.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"coroutinetour/sandbox"
)

func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.py"))
	for _, path := range files {
		src, _ := os.ReadFile(path)
		f.Add(string(src))
	}
	f.Add("import gevent\ngevent.joinall([gevent.spawn(gevent.sleep, 1)])\nprint(1)\n")
	f.Add("def g():\n    x = yield 1\n    yield x\nit = g()\nprint(next(it), it.send(2))\n")
	limits := sandbox.Limits{MaxSteps: 200_000, MaxWall: time.Second, MaxMemory: 16 << 20}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4000 {
			return
		}
		_, errs, res := runEngine("main.py", src, "", limits)
		if strings.Contains(res.Reason, "internal error") || strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic:") {
			t.Fatalf("internal error: %s\n%s", res.Reason, errs)
		}
	})
}
