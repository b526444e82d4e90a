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
	base, ctx := lessonPage(t, desktop, "greenlet")
	do(t, ctx, "run the greenlet example", runInstant("test1-test2"))
	if out := eval[string](t, ctx, outputJS("test1-test2")); out != "12\n56\n34\n78" {
		t.Errorf("greenlet output = %q, want 12 56 34 78", out)
	}
	if lanes := laneNames(t, ctx, "test1-test2"); strings.Join(lanes, ",") != "main.py,test1,test2" {
		t.Errorf("greenlet lanes = %q, want main.py, test1, test2", lanes)
	}

	do(t, ctx, "run foo/bar/func3", chromedp.Navigate(base+"/lessons/gevent"), runInstant("sleep-order"))
	want := "running foo\nRunning bar\nRunning func3\nSwitch back to func3\nExplicit context switch to foo again\nimplicit context switch back to bar"
	if out := eval[string](t, ctx, outputJS("sleep-order")); out != want {
		t.Errorf("gevent output = %q", out)
	}
	checkLanes(t, ctx, "sleep-order", "foo", "bar", "func3")
	if status := statusOf(t, ctx, "sleep-order"); !strings.Contains(status, "6.0 s of virtual time") {
		t.Errorf("end of run = %q, want it to report 6.0 s of virtual time", status)
	}

	do(t, ctx, "run the baozi example", chromedp.Navigate(base+"/lessons/two-way-generators"), runInstant("baozi"))
	if green := eval[int](t, ctx, `document.querySelectorAll("#ex-baozi pre.ex-out .ansi-bold").length`); green != 5 {
		t.Errorf("bold green [producer] tags = %d, want 5", green)
	}
	checkOwnOrigin(t, ctx)
}

// TestRealSiteInteractiveClient is the socket lesson's server with its
// interactive client, as a learner uses it: the sample-input button (a real
// mouse click), a typed line, then the end of input (Ctrl-D), which makes the
// client's input() raise EOFError.
func TestRealSiteInteractiveClient(t *testing.T) {
	_, ctx := lessonPage(t, desktop, "socket-server")
	client := `#ex-echo .ex-output[data-file="client.py"]`
	do(t, ctx, "run the echo server and its client",
		press("#ex-echo .ex-run"),
		chromedp.WaitVisible(chromedp.CSS(client+" form.ex-input")),
	)
	if label := eval[string](t, ctx, `document.querySelector('`+client+` .ex-sample').textContent`); !strings.Contains(label, "hello") {
		t.Errorf("the sample button says %q, want it to name the line it types (hello)", label)
	}
	do(t, ctx, "click the sample input button",
		chromedp.Click(chromedp.CSS(client+" .ex-sample")),
		waitJS(`document.querySelector('`+client+` pre.ex-out').textContent.includes("Received b'hello'")`),
		chromedp.WaitVisible(chromedp.CSS(client+" form.ex-input")),
	)
	do(t, ctx, "type a line",
		chromedp.SendKeys(chromedp.CSS(client+" .ex-input-text"), "bonjour\r"),
		waitJS(`document.querySelector('`+client+` pre.ex-out').textContent.includes("Received b'bonjour'")`),
		chromedp.WaitVisible(chromedp.CSS(client+" form.ex-input")),
	)
	// Like a terminal: the typed line ends its line, the answer starts a new one.
	if out, want := eval[string](t, ctx, outputOf("echo", "client.py")), ">>:hello\nReceived b'hello'\n>>:bonjour\nReceived b'bonjour'\n>>:"; out != want {
		t.Errorf("client output = %q, want %q", out, want)
	}
	do(t, ctx, "end the input",
		chromedp.Click(chromedp.CSS(client+" .ex-eof")),
		chromedp.WaitVisible(chromedp.CSS(`#ex-echo[data-status] .ex-status`)),
	)
	if out := eval[string](t, ctx, outputOf("echo", "client.py")); !strings.HasSuffix(out, "EOFError: EOF when reading a line") {
		t.Errorf("after the end of input the client printed %q, want an EOFError traceback", out)
	}
	if out := eval[string](t, ctx, outputOf("echo", "server.py")); !strings.Contains(out, "recv: b'hello'\nrecv: b'bonjour'\nrecv: b''") {
		t.Errorf("server output = %q, want both lines received, then b''", out)
	}
	errLine := eval[string](t, ctx, `(document.querySelectorAll("#ex-echo .ex-file")[1].querySelector(".cm-error-line")||{}).textContent||""`)
	if strings.TrimSpace(errLine) != `msg = bytes(input(">>:").strip(), encoding="utf-8")` {
		t.Errorf("highlighted line of client.py = %q, want line 8, the input() call", errLine)
	}
	if status := statusOf(t, ctx, "echo"); !strings.Contains(status, "client.py") || !strings.Contains(status, "EOFError") {
		t.Errorf("end of run = %q, want it to say that client.py stopped with EOFError", status)
	}
}
