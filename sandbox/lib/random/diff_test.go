// Differential test: regenerates golden.txt with /usr/bin/python3 and checks it equals the
// committed one.

package random

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestGoldenMatchesCPython(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but %s is missing", python)
		}
		t.Skipf("%s is not installed: differential test skipped", python)
	}
	dir := t.TempDir()
	if out, err := exec.Command(python, "testdata/gen.py", dir).CombinedOutput(); err != nil {
		t.Fatalf("gen.py: %v\n%s", err, out)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "golden.txt"))
	want, _ := os.ReadFile("testdata/golden.txt")
	if !bytes.Equal(got, want) {
		t.Error("CPython's output differs from testdata/golden.txt: rerun testdata/gen.py")
	}
}
