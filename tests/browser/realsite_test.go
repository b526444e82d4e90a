// realsite_test.go drives the real site: the server in-process, the real
// lessons, every run going through the websocket into the engine.
package browser_test

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"coroutinetour/web"
)

// startRealSite serves the embedded course with the real engine behind /ws.
func startRealSite(t *testing.T) string {
	t.Helper()
	srv, err := web.New(web.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { srv.Shutdown(); hs.Close() })
	return hs.URL
}

func TestRealSite(t *testing.T) {
	base := startRealSite(t)
	ctx := newBrowser(t, desktop)

	do(t, ctx, "run the greenlet example", chromedp.Navigate(base+"/lessons/greenlet"), runInstant("test1-test2"))
	if out := eval[string](t, ctx, outputJS("test1-test2")); out != "12\n56\n34\n78" {
		t.Errorf("greenlet output = %q, want 12 56 34 78", out)
	}
	lanes := eval[[]string](t, ctx, `[...document.querySelectorAll("#ex-test1-test2 .tl-label .tl-name")].map(n => n.textContent)`)
	if strings.Join(lanes, ",") != "main.py,test1,test2" {
		t.Errorf("greenlet lanes = %q, want main.py, test1, test2", lanes)
	}

	do(t, ctx, "run foo/bar/func3", chromedp.Navigate(base+"/lessons/gevent"), runInstant("sleep-order"))
	want := "running foo\nRunning bar\nRunning func3\nSwitch back to func3\nExplicit context switch to foo again\nimplicit context switch back to bar"
	if out := eval[string](t, ctx, outputJS("sleep-order")); out != want {
		t.Errorf("gevent output = %q", out)
	}
	lanes = eval[[]string](t, ctx, `[...document.querySelectorAll("#ex-sleep-order .tl-label .tl-name")].map(n => n.textContent)`)
	for _, name := range []string{"foo", "bar", "func3"} {
		found := false
		for _, l := range lanes {
			found = found || l == name
		}
		if !found {
			t.Errorf("gevent lanes = %q, want a lane for %s", lanes, name)
		}
	}
	status := eval[string](t, ctx, `document.querySelector("#ex-sleep-order .ex-status").textContent`)
	if !strings.Contains(status, "6.0 s of virtual time") {
		t.Errorf("end of run = %q, want it to report 6.0 s of virtual time", status)
	}

	do(t, ctx, "run the baozi example", chromedp.Navigate(base+"/lessons/two-way-generators"), runInstant("baozi"))
	if green := eval[int](t, ctx, `document.querySelectorAll("#ex-baozi pre.ex-out .ansi-bold").length`); green != 5 {
		t.Errorf("bold green [producer] tags = %d, want 5", green)
	}
	foreign := eval[[]string](t, ctx, `performance.getEntriesByType("resource").map(e => e.name).filter(u => !u.startsWith(location.origin))`)
	if len(foreign) > 0 {
		t.Errorf("the page fetched from elsewhere: %q", foreign)
	}
}
