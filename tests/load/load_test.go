// Package load measures the site under a classroom-sized load: many websocket
// clients running the seed's sync-vs-async program at once, against the
// alternative of one python3 + gevent subprocess per run.
//
//	LOAD=1 go test ./tests/load -run TestLoad -v -timeout 20m
//
// It only runs when LOAD is set: timings never decide a pass in the normal tests.
package load

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"coroutinetour/web"
)

const seedProgram = `import gevent

def task(pid):
    gevent.sleep(1)
    print('Task %s done' % pid)

def synchronous():
    for i in range(1, 6):  # range from 1 to 5
        task(i)

def asynchronous():
    threads = [gevent.spawn(task, i) for i in range(5)]
    gevent.joinall(threads)

print('Synchronous:')
synchronous()
print("")
print('Asynchronous:')
asynchronous()
`

type result struct{ first, end time.Duration }

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[int(float64(len(ds)-1)*p)]
}

func report(t *testing.T, name string, n int, wall time.Duration, rs []result, peakMiB float64) {
	var firsts, ends []time.Duration
	for _, r := range rs {
		firsts = append(firsts, r.first)
		ends = append(ends, r.end)
	}
	t.Logf("%-34s %4d runs in %6.2fs = %7.1f runs/s | first event p50 %7.1fms p99 %7.1fms | end p50 %7.1fms p99 %7.1fms | peak %6.0f MiB",
		name, len(rs), wall.Seconds(), float64(len(rs))/wall.Seconds(),
		ms(percentile(firsts, .5)), ms(percentile(firsts, .99)), ms(percentile(ends, .5)), ms(percentile(ends, .99)), peakMiB)
	if len(rs) < n {
		t.Errorf("%s: only %d of %d runs finished", name, len(rs), n)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// peakSampler records the process's peak heap while a load runs.
func peakSampler() (stop func() float64) {
	var peak uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse+m.StackInuse > peak {
				peak = m.HeapInuse + m.StackInuse
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() float64 { close(done); return float64(peak) / (1 << 20) }
}

func wsLoad(t *testing.T, url string, n int, msg func(i int) any) ([]result, time.Duration) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var rs []result
	var failed atomic.Int32
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ws, _, err := websocket.DefaultDialer.Dial(url, nil)
			if err != nil {
				failed.Add(1)
				return
			}
			defer ws.Close()
			t0 := time.Now()
			if err := ws.WriteJSON(msg(i)); err != nil {
				failed.Add(1)
				return
			}
			var r result
			for {
				ws.SetReadDeadline(time.Now().Add(2 * time.Minute))
				_, data, err := ws.ReadMessage()
				if err != nil {
					failed.Add(1)
					return
				}
				var m struct{ Type, Status, Message string }
				json.Unmarshal(data, &m)
				if r.first == 0 && (m.Type == "events" || m.Type == "end") {
					r.first = time.Since(t0)
				}
				if m.Type == "error" {
					failed.Add(1)
					t.Logf("client %d: %s", i, m.Message)
					return
				}
				if m.Type == "end" {
					r.end = time.Since(t0)
					if m.Status != "ok" {
						failed.Add(1)
						return
					}
					break
				}
			}
			mu.Lock()
			rs = append(rs, r)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	if f := failed.Load(); f > 0 {
		t.Logf("%d clients failed", f)
	}
	return rs, time.Since(start)
}

func TestLoad(t *testing.T) {
	if os.Getenv("LOAD") == "" {
		t.Skip("the load test runs with LOAD=1 (it takes minutes and measures, it does not judge)")
	}
	n := 500
	if v, err := strconv.Atoi(os.Getenv("LOAD_CLIENTS")); err == nil {
		n = v
	}
	srv, err := web.New(web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), MaxRuns: 64, QueueWait: time.Minute, RunsPerMinute: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	url := "ws" + strings.TrimPrefix(hs.URL, "http") + "/ws"
	lesson := srv.Course().Lesson("sync-vs-async")

	stop := peakSampler()
	rs, wall := wsLoad(t, url, n, func(i int) any {
		return map[string]any{"type": "run", "id": "r", "lesson": lesson.Slug, "example": "sync-async"}
	})
	report(t, "engine, lesson example (cached)", n, wall, rs, stop())

	stop = peakSampler()
	rs, wall = wsLoad(t, url, n, func(i int) any {
		// a learner's edit: a different comment defeats the cache, as any edit does
		return map[string]any{"type": "run", "id": "r", "source": seedProgram + fmt.Sprintf("# edit %d\n", i)}
	})
	report(t, "engine, learners' edits (no cache)", n, wall, rs, stop())

	python := "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import gevent").Run(); err != nil {
		t.Logf("skipping the subprocess comparison: no python3 with gevent at %s", python)
		return
	}
	m := n
	if v, err := strconv.Atoi(os.Getenv("LOAD_PYTHON")); err == nil {
		m = v
	}
	dir := t.TempDir()
	prog := filepath.Join(dir, "seed.py")
	os.WriteFile(prog, []byte(seedProgram), 0o644)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var prs []result
	start := time.Now()
	for i := 0; i < m; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t0 := time.Now()
			cmd := exec.Command(python, prog)
			out, err := cmd.StdoutPipe()
			if err != nil || cmd.Start() != nil {
				return
			}
			buf := make([]byte, 1)
			var r result
			if _, err := out.Read(buf); err == nil {
				r.first = time.Since(t0)
			}
			io.Copy(io.Discard, out)
			if cmd.Wait() != nil {
				return
			}
			r.end = time.Since(t0)
			mu.Lock()
			prs = append(prs, r)
			mu.Unlock()
		}()
	}
	wg.Wait()
	report(t, "python3 + gevent subprocess per run", m, time.Since(start), prs, 0)
	// Go's rusage for a child counts pages touched between fork and exec, so
	// measure one process's peak memory the way a self-hoster would see it.
	if out, err := exec.Command("/usr/bin/time", "-f", "%M", python, prog).CombinedOutput(); err == nil {
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if kib, err := strconv.Atoi(lines[len(lines)-1]); err == nil {
			t.Logf("python3 + gevent: %.1f MiB resident per run (%.0f MiB for %d at once)", float64(kib)/1024, float64(kib)/1024*float64(n), n)
		}
	}
}
