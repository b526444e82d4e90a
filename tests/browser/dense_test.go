// dense_test.go checks a crowded timeline: the socket lesson's threaded
// client with 100 threads (as the page it comes from has it) against the
// lesson's server, a greenlet per connection: over 200 coroutines.
package browser_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// editFile replaces the text of one file's editor, as a learner pasting over
// it would (select all, then the new text arrives as one input).
func editFile(t *testing.T, ctx context.Context, example string, file int, edit func(string) string) {
	t.Helper()
	content := fmt.Sprintf(`#ex-%s .ex-file:nth-child(%d) .cm-content`, example, file+1)
	src := eval[string](t, ctx, fmt.Sprintf(`JSON.parse(document.querySelector("#ex-%s script.example-data").textContent).files[%d].source`, example, file))
	want := edit(src)
	do(t, ctx, "select all in "+example, chromedp.WaitVisible(chromedp.CSS(content)), js(`document.querySelector("`+content+`").focus()`),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: want}); err != nil {
		t.Fatalf("typing into %s: %v", example, err)
	}
	got := eval[string](t, ctx, `[...document.querySelectorAll("`+content+` > .cm-line")].map(l => l.textContent).join("\n")`)
	if strings.TrimSpace(got) != strings.TrimSpace(want) {
		t.Fatalf("the editor of %s holds %q after the edit, want %q", example, got, want)
	}
}

func TestRealSiteDenseTimeline(t *testing.T) {
	base := startRealSite(t)
	artifacts := filepath.Join(repoDir(t), "tests", "artifacts")
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		vp      viewport
		theme   string
		minFont float64 // px: lane names must stay this large
	}{{projector, "projector", 17}, {phone, "light", 11}} {
		t.Run(c.vp.name, func(t *testing.T) {
			ctx := openPage(t, c.vp, base+"/lessons/socket-server?theme="+c.theme)
			tl := "#ex-threads .ex-timeline"
			shot := func(name string) {
				t.Helper()
				do(t, ctx, "scroll to the timeline", js(`document.querySelector("`+tl+`").scrollIntoView()`), chromedp.Sleep(200*time.Millisecond))
				png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatalf("screenshot: %v", err)
				}
				if err := os.WriteFile(filepath.Join(artifacts, "dense-"+c.vp.name+"-"+name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			editFile(t, ctx, "threads", 1, func(s string) string { return strings.Replace(s, "range(10)", "range(100)", 1) })
			do(t, ctx, "run 100 threads", runInstant("threads"))
			// The server waits in accept() for ever: the run ends idle.
			if st := eval[string](t, ctx, `document.querySelector("#ex-threads").dataset.status`); st != "idle" {
				t.Fatalf("the run ended %q, want idle (the server left waiting for a client)", st)
			}
			shot("closed")

			// Over 200 coroutines, in a handful of rows: the 100 handlers and
			// the 100 threads each share a row, which opens.
			if aria := eval[string](t, ctx, `document.querySelector("`+tl+` svg.tl-svg").getAttribute("aria-label")`); !strings.HasPrefix(aria, "timeline of 20") {
				t.Errorf("timeline = %q, want over 200 coroutines", aria)
			}
			groups := eval[[]string](t, ctx, `[...document.querySelectorAll("`+tl+` .tl-group")].map(g => g.dataset.count + " " + g.querySelector(".tl-name").textContent)`)
			if strings.Join(groups, "|") != "100 handle_request(…)|100 Thread-n (sock_conn)" {
				t.Errorf("groups = %q, want the 100 handlers and the 100 threads", groups)
			}
			if rows := eval[int](t, ctx, `document.querySelectorAll("`+tl+` .tl-label").length`); rows > 8 {
				t.Errorf("%d rows with the groups closed, want a handful", rows)
			}
			// The page keeps its width; the whole run fits the panel; the
			// panel fits the screen.
			if over := eval[int](t, ctx, `document.documentElement.scrollWidth - innerWidth`); over > 0 {
				t.Errorf("the page is %d px wider than the screen", over)
			}
			fits := `(s => s.scrollWidth <= s.clientWidth + 1)(document.querySelector("` + tl + ` .tl-scroll"))`
			if !eval[bool](t, ctx, fits) {
				t.Errorf("the crowded run does not fit the panel's width")
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("`+tl+` svg.tl-svg *").length`); n > 5000 {
				t.Errorf("the closed timeline draws %d SVG elements: marks that fall on each other should be left out", n)
			}

			// Open the threads: a compact row each, the panel scrolls, the
			// time axis stays at its top.
			do(t, ctx, "open the threads", js(`document.querySelectorAll("`+tl+` .tl-group-toggle")[1].click()`),
				waitJS(`document.querySelectorAll("`+tl+` .tl-member").length === 100`))
			if exp := eval[string](t, ctx, `document.querySelectorAll("`+tl+` .tl-group-toggle")[1].getAttribute("aria-expanded")`); exp != "true" {
				t.Errorf("the opened group's button has aria-expanded=%s", exp)
			}
			members := eval[[]string](t, ctx, `[...document.querySelectorAll("`+tl+` .tl-member .tl-name")].map(n => n.textContent)`)
			seen := map[string]bool{}
			for _, m := range members {
				if seen[m] || !strings.HasPrefix(m, "Thread-") {
					t.Errorf("member %q: want each thread named, once (%q)", m, members[:5])
					break
				}
				seen[m] = true
			}
			lane := eval[[]float64](t, ctx, `(() => { const m = document.querySelector("`+tl+` .tl-member"), g = document.querySelector("`+tl+` .tl-group");
				return [m.getBoundingClientRect().height, g.getBoundingClientRect().height, parseFloat(getComputedStyle(m.querySelector(".tl-name")).fontSize)] })()`)
			if lane[0] >= lane[1] || lane[2] < c.minFont || lane[0] < lane[2] {
				t.Errorf("an opened thread's row is %.0f px high (a group row %.0f px) with names in %.1f px type: want compact rows, names at least %.0f px and room for them", lane[0], lane[1], lane[2], c.minFont)
			}
			sticky := eval[[]float64](t, ctx, `(() => { const s = document.querySelector("`+tl+` .tl-scroll");
				s.scrollTop = s.scrollHeight;
				return [s.scrollHeight - s.clientHeight, s.getBoundingClientRect().height / innerHeight, s.querySelector(".tl-axis-svg").getBoundingClientRect().top - s.getBoundingClientRect().top] })()`)
			if sticky[0] <= 0 || sticky[1] > 0.8 {
				t.Errorf("opened, the timeline is %.0f%% of the screen's height and scrolls %.0f px: want it to scroll inside at most 80%% of the screen", sticky[1]*100, sticky[0])
			}
			if sticky[2] < -1 || sticky[2] > 1 {
				t.Errorf("scrolled down, the time axis is %.0f px from the timeline's top: want it kept in view", sticky[2])
			}
			shot("open")

			// At full size the run scrolls sideways; the names stay put.
			do(t, ctx, "zoom in", press(tl+" .tl-zoom"))
			left := eval[[]float64](t, ctx, `(() => { const s = document.querySelector("`+tl+` .tl-scroll");
				s.scrollLeft = (s.scrollWidth - s.clientWidth) / 2;
				return [s.scrollLeft, s.querySelector(".tl-labels").getBoundingClientRect().left - s.getBoundingClientRect().left] })()`)
			if left[0] <= 0 || left[1] < -1 || left[1] > 1 {
				t.Errorf("zoomed in and scrolled %.0f px sideways, the lane names are %.0f px from the timeline's left: want them kept in view", left[0], left[1])
			}
			do(t, ctx, "fit and close", press(tl+" .tl-zoom"), press(tl+` .tl-group-toggle[aria-expanded="true"]`),
				waitJS(`document.querySelectorAll("`+tl+` .tl-member").length === 0`))
			if !eval[bool](t, ctx, fits) {
				t.Errorf("fitted to the width again, the run does not fit")
			}
		})
	}
}
