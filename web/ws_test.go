// This file tests the run protocol (docs/protocol.md) against a fake
// engine, so the protocol is checked whatever the real engine can do.

package web

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"coroutinetour/sandbox"
)

// fakeRun plays a tiny script chosen by the program's source:
//
//	"print X"  prints X at t=1s and ends ok
//	"ask"      waits for a line of input and prints it back
//	"forever"  prints a tick every virtual second until stopped
//	"panic"    panics inside the engine
type fakeRun struct {
	emit  func(sandbox.Event)
	input chan string
	stop  chan struct{}
	done  chan struct{}
	once  sync.Once
	res   sandbox.Result
	seq   int64
}

func (r *fakeRun) Input(_ int, data string) {
	select {
	case r.input <- data:
	default:
	}
}
func (r *fakeRun) CloseInput(int)        { r.Input(0, "") }
func (r *fakeRun) Stop()                 { r.once.Do(func() { close(r.stop) }) }
func (r *fakeRun) Done() <-chan struct{} { return r.done }
func (r *fakeRun) Wait() sandbox.Result  { <-r.done; return r.res }
func (r *fakeRun) out(t int64, kind, text string) {
	r.seq++
	r.emit(sandbox.Event{Seq: r.seq, TimeNS: t, Kind: kind, Text: text})
}

type fakeEngine struct{ starts atomic.Int64 }

func (f *fakeEngine) start(opts sandbox.Options, emit func(sandbox.Event)) Run {
	f.starts.Add(1)
	r := &fakeRun{emit: emit, input: make(chan string, 1), stop: make(chan struct{}), done: make(chan struct{})}
	src := opts.Programs[0].Source
	if src == "panic" {
		panic("the fake engine breaks")
	}
	go func() {
		defer close(r.done)
		r.res = sandbox.Result{Status: sandbox.StatusOK, Exits: []int{0}}
		switch {
		case strings.HasPrefix(src, "print "):
			time.Sleep(20 * time.Millisecond) // identical runs overlap, for the cache
			r.out(1e9, sandbox.KindStdout, strings.TrimPrefix(src, "print ")+"\n")
			r.res.VirtualNS = 1e9
		case src == "ask":
			r.out(0, sandbox.KindInputWait, "? ")
			select {
			case line := <-r.input:
				r.out(0, sandbox.KindInput, line)
				r.out(0, sandbox.KindStdout, "got "+line)
			case <-r.stop:
				r.res.Status = sandbox.StatusStopped
			}
		case src == "forever":
			for t := int64(0); ; t += 1e9 {
				select {
				case <-r.stop:
					r.res.Status = sandbox.StatusStopped
					return
				default:
				}
				r.out(t, sandbox.KindStdout, "tick\n")
				time.Sleep(time.Millisecond)
			}
		}
	}()
	return r
}

type testClient struct {
	t  *testing.T
	ws *websocket.Conn
}

type reply struct {
	Type    string          `json:"type"`
	ID      string          `json:"id"`
	Events  []sandbox.Event `json:"events"`
	Status  string          `json:"status"`
	Reason  string          `json:"reason"`
	Message string          `json:"message"`
	Cached  bool            `json:"cached"`
}

func start(t *testing.T, cfg Config) (*Server, *httptest.Server, *fakeEngine) {
	t.Helper()
	f := &fakeEngine{}
	cfg.Engine = f.start
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { srv.Shutdown(); hs.Close() })
	return srv, hs, f
}

func connect(t *testing.T, hs *httptest.Server, origin string) (*testClient, *http.Response, error) {
	h := http.Header{}
	if origin != "" {
		h.Set("Origin", origin)
	}
	ws, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(hs.URL, "http")+"/ws", h)
	if err != nil {
		return nil, resp, err
	}
	t.Cleanup(func() { ws.Close() })
	return &testClient{t: t, ws: ws}, resp, nil
}

func (c *testClient) send(v any) {
	c.t.Helper()
	var b []byte
	if s, ok := v.(string); ok {
		b = []byte(s)
	} else {
		b, _ = json.Marshal(v)
	}
	if err := c.ws.WriteMessage(websocket.TextMessage, b); err != nil {
		c.t.Fatal(err)
	}
}

func (c *testClient) read() reply {
	c.t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
	var m reply
	if err := c.ws.ReadJSON(&m); err != nil {
		c.t.Fatalf("read: %v", err)
	}
	return m
}

// until reads the run's messages up to its end, checking their order, and
// calls on for every event.
func (c *testClient) until(id string, on func(sandbox.Event)) (reply, string) {
	c.t.Helper()
	var out strings.Builder
	lastSeq, lastT := int64(0), int64(0)
	for {
		m := c.read()
		if m.ID != id && m.Type != "error" {
			continue
		}
		switch m.Type {
		case "events":
			for _, e := range m.Events {
				if e.Seq <= lastSeq || e.TimeNS < lastT {
					c.t.Fatalf("event seq %d t %d after seq %d t %d", e.Seq, e.TimeNS, lastSeq, lastT)
				}
				lastSeq, lastT = e.Seq, e.TimeNS
				if e.Kind == sandbox.KindStdout {
					out.WriteString(e.Text)
				}
				if on != nil {
					on(e)
				}
			}
		case "end":
			return m, out.String()
		case "error":
			c.t.Fatalf("error: %s", m.Message)
		}
	}
}

func TestProtocolRunInputStop(t *testing.T) {
	_, hs, _ := start(t, Config{})
	c, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	c.send(map[string]any{"type": "run", "id": "r1", "source": "print hi"})
	if end, out := c.until("r1", nil); end.Status != "ok" || out != "hi\n" {
		t.Errorf("run: %s %q", end.Status, out)
	}
	c.send(map[string]any{"type": "run", "id": "r2", "source": "ask"})
	end, out := c.until("r2", func(e sandbox.Event) {
		if e.Kind == sandbox.KindInputWait {
			c.send(map[string]any{"type": "stdin", "id": "r2", "data": "Ada\n"})
		}
	})
	if end.Status != "ok" || out != "got Ada\n" {
		t.Errorf("stdin: %s %q", end.Status, out)
	}
	c.send(map[string]any{"type": "run", "id": "r3", "source": "forever"})
	stopped := false
	end, _ = c.until("r3", func(sandbox.Event) {
		if !stopped {
			stopped = true
			c.send(map[string]any{"type": "stop", "id": "r3"})
		}
	})
	if end.Status != "stopped" {
		t.Errorf("stop: %s", end.Status)
	}
}

func TestProtocolBadMessages(t *testing.T) {
	_, hs, _ := start(t, Config{})
	c, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{`not json`, `[1,2]`, `{"type":"rnu","id":"x"}`, `{"id":"x"}`, `{"type":"run"}`,
		`{"type":"run","id":"x"}`, `{"type":"stdin","id":"nobody","data":"x"}`,
		`{"type":"run","id":"` + strings.Repeat("i", 200) + `","source":"print x"}`,
		`{"type":"run","id":"big","source":"` + strings.Repeat("x", 300<<10) + `"}`}
	for _, b := range bad {
		c.send(b)
		if m := c.read(); m.Type != "error" || m.Message == "" || strings.Contains(m.Message, "json:") {
			t.Errorf("%.40s: got %+v", b, m)
		}
	}
	c.send(map[string]any{"type": "run", "id": "after", "source": "print ok"})
	if _, out := c.until("after", nil); out != "ok\n" {
		t.Errorf("the connection is not usable after errors: %q", out)
	}
}

func TestProtocolOrigin(t *testing.T) {
	_, hs, _ := start(t, Config{Origins: []string{"https://class.example"}})
	if _, resp, err := connect(t, hs, "https://evil.example"); err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("a foreign origin was not refused (%v)", err)
	}
	for _, ok := range []string{hs.URL, "https://class.example"} {
		if _, _, err := connect(t, hs, ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
}

func TestProtocolEngineFailureAndDisconnect(t *testing.T) {
	_, hs, _ := start(t, Config{})
	gone, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	gone.send(map[string]any{"type": "run", "id": "g", "source": "forever"})
	gone.read()
	gone.ws.Close()

	c, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	c.send(map[string]any{"type": "run", "id": "p", "source": "panic"})
	for {
		m := c.read()
		if m.Type == "end" || m.Type == "error" {
			if strings.Contains(m.Reason+m.Message, "fake engine") || strings.Contains(m.Reason+m.Message, "goroutine") {
				t.Errorf("panic text reached the learner: %+v", m)
			}
			break
		}
	}
	c.send(map[string]any{"type": "run", "id": "q", "source": "print still here"})
	if _, out := c.until("q", nil); out != "still here\n" {
		t.Errorf("after a panic: %q", out)
	}
}

// TestProtocolCacheSingleflight checks that a class pressing Run on the
// same unmodified example at once costs one run.
func TestProtocolCacheSingleflight(t *testing.T) {
	srv, hs, f := start(t, Config{})
	var lesson, example string
	var files any
	for _, l := range srv.Course().Lessons {
		if len(l.Examples) > 0 {
			lesson, example, files = l.Slug, l.Examples[0].ID, l.Examples[0].Files
			break
		}
	}
	if lesson == "" {
		t.Skip("no lesson has an example")
	}
	const class = 20
	var wg sync.WaitGroup
	for i := 0; i < class; i++ {
		c, _, err := connect(t, hs, "")
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, _ := json.Marshal(map[string]any{"type": "run", "id": "r", "lesson": lesson, "example": example, "files": files, "interactive": false})
			c.ws.WriteMessage(websocket.TextMessage, b)
			for {
				c.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
				var m reply
				if err := c.ws.ReadJSON(&m); err != nil || m.Type == "end" || m.Type == "error" {
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := f.starts.Load(); n != 1 {
		t.Errorf("%d identical runs started the engine %d times, want once", class, n)
	}
}

func TestProtocolBusy(t *testing.T) {
	_, hs, _ := start(t, Config{MaxRuns: 1, QueueWait: 50 * time.Millisecond})
	a, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	a.send(map[string]any{"type": "run", "id": "long", "source": "forever"})
	a.read()
	b, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	b.send(map[string]any{"type": "run", "id": "late", "source": "print x"})
	for {
		m := b.read()
		if m.Type == "end" || m.Type == "error" {
			if !strings.Contains(strings.ToLower(m.Reason+m.Message), "busy") {
				t.Errorf("want a busy message, got %+v", m)
			}
			break
		}
	}
}

func TestShutdownSaysBye(t *testing.T) {
	srv, hs, _ := start(t, Config{})
	c, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	c.send(map[string]any{"type": "run", "id": "long", "source": "forever"})
	c.read()
	srv.Shutdown()
	bye := false
	for !bye {
		c.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
		var m reply
		if err := c.ws.ReadJSON(&m); err != nil {
			t.Fatalf("connection ended without bye: %v", err)
		}
		bye = m.Type == "bye"
	}
	waited := make(chan struct{})
	go func() { srv.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(20 * time.Second):
		t.Fatal("the connection's goroutines did not finish after shutdown")
	}
}

func TestThirdRunStopsTheOldest(t *testing.T) {
	_, hs, _ := start(t, Config{})
	c, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	c.send(map[string]any{"type": "run", "id": "a", "source": "forever"})
	c.send(map[string]any{"type": "run", "id": "b", "source": "forever"})
	c.send(map[string]any{"type": "run", "id": "c", "source": "print third"})
	ended := map[string]string{}
	for len(ended) < 2 {
		if m := c.read(); m.Type == "end" {
			ended[m.ID] = m.Status
		}
	}
	if ended["a"] != "stopped" || ended["c"] != "ok" {
		t.Errorf("ends %v; want a stopped, c ok", ended)
	}
	c.send(map[string]any{"type": "stop", "id": "b"})
}

func TestStopRightAfterRun(t *testing.T) {
	_, hs, _ := start(t, Config{})
	c, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		c.send(map[string]any{"type": "run", "id": "x", "source": "forever"})
		c.send(map[string]any{"type": "stop", "id": "x"})
		if end, _ := c.until("x", nil); end.Status != "stopped" {
			t.Errorf("status %s", end.Status)
		}
	}
}

func TestRateLimitPerAddress(t *testing.T) {
	_, hs, _ := start(t, Config{RunsPerMinute: 3})
	c, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		c.send(map[string]any{"type": "run", "id": "r", "source": "print x"})
		c.until("r", nil)
	}
	c.send(map[string]any{"type": "run", "id": "r", "source": "print x"})
	if m := c.read(); m.Type != "error" || !strings.Contains(m.Message, "too many runs") {
		t.Errorf("a fourth run in a minute: %+v", m)
	}
}

// An id is free again as soon as its end arrives: a client may rerun at once.
func TestIDReusableRightAfterEnd(t *testing.T) {
	_, hs, _ := start(t, Config{})
	c, _, err := connect(t, hs, "")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		c.send(map[string]any{"type": "run", "id": "same", "source": "print(1)"})
		if end, _ := c.until("same", nil); end.Status != "ok" {
			t.Fatalf("run %d: %+v", i, end)
		}
	}
}
