package lessons

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// cpython is the interpreter the golden outputs are recorded with.
const cpython = "/usr/bin/python3"

var cpythonFlag = flag.Bool("cpython", false, "also run every CPython-golden example with "+cpython+" and compare (TestCPythonGoldens)")

// TestCPythonGoldens is the differential test: it runs every example and
// solution whose golden output comes from CPython (not golden=engine, one
// program) with real CPython + gevent, and checks that CPython still prints
// what the golden files say, so that a golden edited by hand, or an example
// whose output depends on the machine's speed, is caught. The examples sleep
// for real (about twenty seconds in all, run side by side) and a heavily
// loaded machine can delay a wake-up enough to change a timed line, so it
// runs only when asked:
//
//	go test ./lessons/ -run TestCPythonGoldens -cpython
func TestCPythonGoldens(t *testing.T) {
	if !*cpythonFlag {
		t.Skip("run with -cpython to compare the goldens with real CPython")
	}
	if err := exec.Command(cpython, "-c", "import gevent, greenlet").Run(); err != nil {
		t.Fatalf("%s with gevent is needed to check the goldens against CPython (%v)", cpython, err)
	}
	c, err := Load(Embedded)
	if err != nil {
		t.Fatal(err)
	}
	// Run every program at once, in goroutines (t.Parallel would allow only
	// GOMAXPROCS at a time, and these mostly sleep), then report per example.
	type job struct {
		name, what, file, source, stdin string
		golden                          *Golden
		stdout, stderr                  string
		code                            int
		err                             error
	}
	var jobs []*job
	for _, l := range c.Lessons {
		for _, e := range l.Examples {
			if e.GoldenEngine || len(e.Files) != 1 {
				continue
			}
			f := e.Files[0]
			var g *Golden
			if gg, ok := e.Golden[f.Name]; ok {
				g = &gg
			}
			jobs = append(jobs, &job{name: l.Slug + "/" + e.ID, what: "example", file: f.Name, source: f.Source, stdin: f.Stdin, golden: g})
			if e.Kind == "exercise" {
				jobs = append(jobs, &job{name: l.Slug + "/" + e.ID, what: "solution", file: f.Name, source: e.Solution, stdin: f.Stdin, golden: e.SolutionGolden})
			}
		}
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, 8)
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			j.stdout, j.stderr, j.code, j.err = runCPython(j.file, j.source, j.stdin)
		}()
	}
	wg.Wait()
	for _, j := range jobs {
		t.Run(j.name+"/"+j.what, func(t *testing.T) {
			g := j.golden
			switch {
			case j.err != nil:
				t.Fatal(j.err)
			case g == nil:
				t.Fatalf("no golden output (record it: %s lessons/golden/record)", cpython)
			}
			if j.stdout != g.Stdout {
				t.Errorf("CPython prints\n%s--- the golden file says\n%s", j.stdout, g.Stdout)
			}
			if j.code != g.Code {
				t.Errorf("CPython exits with %d, the golden file says %d", j.code, g.Code)
			}
			if a, b := strings.Join(SignificantStderr(j.stderr, j.file), "\n"), strings.Join(SignificantStderr(g.Stderr, j.file), "\n"); a != b {
				t.Errorf("CPython's stderr\n%s\n--- the golden file's\n%s", a, b)
			}
		})
	}
}

// runCPython runs one program as lessons/golden/record does: in a fresh
// folder, under the lesson's file name, with the example's stdin.
func runCPython(name, source, stdin string) (stdout, stderr string, code int, err error) {
	dir, err := os.MkdirTemp("", "golden-")
	if err != nil {
		return "", "", 0, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, name), []byte(source), 0o644); err != nil {
		return "", "", 0, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, cpython, name)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code, err = exit.ExitCode(), nil
	case err != nil:
		return "", "", 0, err
	}
	real, _ := filepath.EvalSymlinks(dir)
	stderr = strings.ReplaceAll(strings.ReplaceAll(errb.String(), real+string(os.PathSeparator), ""), dir+string(os.PathSeparator), "")
	return out.String(), stderr, code, nil
}
