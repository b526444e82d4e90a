// Differential test: regenerates the goldens with /usr/bin/python3 and checks they equal the
// committed ones, so a stale golden or a CPython difference shows up.

package pyops

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// runGoldenDiff runs gen (a testdata/gen.py) under CPython into a temporary folder and
// compares each named file with the committed copy in testdata.
func runGoldenDiff(t *testing.T, gen string, files ...string) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but %s is missing", python)
		}
		t.Skipf("%s is not installed: differential test skipped", python)
	}
	dir := t.TempDir()
	if out, err := exec.Command(python, gen, dir).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", gen, err, out)
	}
	for _, name := range files {
		want, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("CPython's %s differs from testdata/%s: rerun %s", name, name, gen)
		}
	}
}

func TestGoldensMatchCPython(t *testing.T) {
	runGoldenDiff(t, "testdata/gen.py", "floatrepr.txt", "arith.txt", "format.txt", "percent.txt", "text.txt", "hash.txt", "strmethods.txt")
}
