// fakews_test.go is a stand-in for the run websocket (docs/protocol.md) that
// replays the dev fixtures, so the page's real socket path is tested before
// the web package exists.
package browser_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/gorilla/websocket"
)

// fakeServer serves static/, /dev/live.html (the dev page talking to /ws)
// and /ws, and records every message the page sent.
type fakeServer struct {
	dir  string
	mu   sync.Mutex
	sent []map[string]any
}

func (f *fakeServer) messages() []map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]any(nil), f.sent...)
}

func (f *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/dev/live.html":
		page, err := os.ReadFile(filepath.Join(f.dir, "dev", "index.html"))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		live := strings.Replace(string(page), `<meta name="run-fixtures" content="fixtures/">`, "", 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(live))
	case "/ws":
		f.socket(w, r)
	default:
		http.FileServer(http.Dir(f.dir)).ServeHTTP(w, r)
	}
}

type fixture struct {
	Events []map[string]any `json:"events"`
	End    map[string]any   `json:"end"`
}

func (f *fakeServer) socket(w http.ResponseWriter, r *http.Request) {
	conn, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	// pending holds, per run id, the events after an input-wait.
	pending := map[string]*fixture{}
	send := func(v any) { conn.WriteJSON(v) }
	play := func(id string, fx *fixture) {
		for len(fx.Events) > 0 {
			n := 0
			for n < len(fx.Events) && n < 5 {
				n++
				if fx.Events[n-1]["kind"] == "input-wait" {
					break
				}
			}
			batch := fx.Events[:n]
			fx.Events = fx.Events[n:]
			send(map[string]any{"type": "events", "id": id, "events": batch})
			if batch[len(batch)-1]["kind"] == "input-wait" {
				pending[id] = fx
				return
			}
		}
		end := map[string]any{"type": "end", "id": id}
		for k, v := range fx.End {
			end[k] = v
		}
		end["type"] = "end"
		send(end)
	}
	for {
		var msg map[string]any
		if err := conn.ReadJSON(&msg); err != nil {
			return
		}
		f.mu.Lock()
		f.sent = append(f.sent, msg)
		f.mu.Unlock()
		id, _ := msg["id"].(string)
		switch msg["type"] {
		case "run":
			name, _ := msg["example"].(string)
			data, err := os.ReadFile(filepath.Join(f.dir, "dev", "fixtures", filepath.Base(name)+".json"))
			var fx fixture
			if err == nil {
				err = json.Unmarshal(data, &fx)
			}
			if err != nil {
				send(map[string]any{"type": "error", "id": id, "message": "no such example"})
				continue
			}
			play(id, &fx)
		case "stdin":
			fx := pending[id]
			if fx == nil {
				send(map[string]any{"type": "error", "id": id, "message": "that run has ended"})
				continue
			}
			delete(pending, id)
			text, _ := msg["data"].(string)
			fx.Events = append([]map[string]any{{"seq": 0, "t_ns": 0, "kind": "input", "program": msg["program"], "text": text}}, fx.Events...)
			play(id, fx)
		case "stop":
			delete(pending, id)
			send(map[string]any{"type": "end", "id": id, "status": "stopped", "virtual_ns": 0, "wall_ms": 1})
		default:
			send(map[string]any{"type": "error", "id": id, "message": "unknown message type"})
		}
	}
}

func TestWebsocketProtocol(t *testing.T) {
	fake := &fakeServer{dir: filepath.Join(repoDir(t), "static")}
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	ctx := openPage(t, desktop, srv.URL+"/dev/live.html")
	do(t, ctx, "run over the websocket",
		runInstant("greenlets"),
		chromedp.Click(chromedp.CSS("#ex-ask .ex-run")),
		answerInput("ask", "Ada"),
		chromedp.WaitVisible(chromedp.CSS(`#ex-ask[data-status="ok"] .ex-status`)),
	)
	if out := eval[string](t, ctx, outputJS("greenlets")); out != "12\n56\n34\n78" {
		t.Errorf("greenlets output over the socket = %q", out)
	}
	if out := eval[string](t, ctx, outputJS("ask")); out != "Your name? Ada\nHello, Ada!" {
		t.Errorf("ask output over the socket = %q", out)
	}
	msgs := fake.messages()
	if len(msgs) != 3 {
		t.Fatalf("the page sent %d messages, want run, run, stdin: %v", len(msgs), msgs)
	}
	run := msgs[0]
	if run["type"] != "run" || run["lesson"] != "dev" || run["example"] != "greenlets" || run["id"] == "" {
		t.Errorf("first message = %v, want a run naming lesson dev, example greenlets, with an id", run)
	}
	if _, sentFiles := run["files"]; sentFiles {
		t.Errorf("an unedited example sent its files; it should be named, for the cache: %v", run)
	}
	stdin := msgs[2]
	if stdin["type"] != "stdin" || stdin["data"] != "Ada\n" || stdin["program"] != 0.0 || stdin["id"] != msgs[1]["id"] {
		t.Errorf("stdin message = %v, want Ada\\n for program 0 of the second run", stdin)
	}
}
