package sandbox_test

// This file checks tracebacks whole, against what CPython printed
// (testdata/tracebacks/*.err): frames, source lines and the carets under
// them (^ under the failing expression, ~ and ^ for operators and
// subscripts), for the interpreter's printer and for gevent's reports.

import (
	"path/filepath"
	"testing"

	"coroutinetour/sandbox"
)

func TestTracebacksExactly(t *testing.T) {
	normalise := func(s string) string {
		return addressRe.ReplaceAllString(timestampRe.ReplaceAllString(s, "<TIMESTAMP>"), "0x<ADDR>")
	}
	eachGoldenProgram(t, filepath.Join("testdata", "tracebacks"), func(t *testing.T, p goldenProgram) {
		out, errs, _ := runEngine(p.name+".py", p.src, "", sandbox.Limits{MaxSteps: 1_000_000})
		if out != p.wantOut {
			t.Errorf("stdout differs\n--- got\n%s--- want\n%s", out, p.wantOut)
		}
		if got, want := normalise(errs), normalise(p.wantErr); got != want {
			t.Errorf("stderr differs\n--- got\n%s--- want\n%s", got, want)
		}
		if _, cerr, ok := p.runCPython(); ok && normalise(cerr) != normalise(p.wantErr) {
			t.Errorf("the golden %s.err is stale: CPython now prints\n%s", p.name, cerr)
		}
	})
}
