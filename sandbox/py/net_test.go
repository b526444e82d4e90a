package py

// Tests of the socket library (net.go, pylib/socket.py, gevent.socket,
// gevent.server, urllib.request): each testdata/net/NAME.py runs in the
// engine and its stdout must equal NAME.out, which CPython printed (or, for
// the simulated internet, what the seed documents show).

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runNetProgram(t *testing.T, path string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var clock int64
	var out strings.Builder
	env := &Env{Filename: filepath.Base(path), Clock: &clock, MaxDepth: 1000, MaxVirtual: int64(3600e9), MaxTimers: 10000,
		Write: func(stream, text string, g, line int) error {
			if stream == "stdout" {
				out.WriteString(text)
			} else {
				out.WriteString("[" + stream + "] " + text)
			}
			return nil
		},
		ReadLine: func(string) (string, bool, error) { return "", false, nil }}
	if _, halt := RunProgram(env, string(src)); halt != nil {
		out.WriteString("[halt] " + halt.Error() + "\n")
	}
	return out.String()
}

func TestNetPrograms(t *testing.T) {
	files, _ := filepath.Glob("testdata/net/*.py")
	if len(files) == 0 {
		t.Fatal("no test programs in testdata/net")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			if got := runNetProgram(t, f); got != string(want) {
				t.Errorf("stdout differs\n--- got\n%s\n--- want\n%s", got, want)
			}
		})
	}
}

// BenchmarkGeventEcho runs the gevent_echo workload (a StreamServer, 100
// clients x 100 round trips) once per iteration.
func BenchmarkGeventEcho(b *testing.B) {
	src, err := os.ReadFile("../../../shared/bench/workloads/gevent_echo.py")
	if err != nil {
		b.Skip("the bench workloads are not here: ", err)
	}
	for i := 0; i < b.N; i++ {
		var clock int64
		env := &Env{Filename: "gevent_echo.py", Clock: &clock, MaxDepth: 1000, MaxVirtual: int64(3600e9),
			Write:    func(string, string, int, int) error { return nil },
			ReadLine: func(string) (string, bool, error) { return "", false, nil }}
		if exit, halt := RunProgram(env, string(src)); exit != 0 || halt != nil {
			b.Fatalf("exit %d, %v", exit, halt)
		}
	}
}
