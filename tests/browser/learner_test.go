// learner_test.go checks the lesson page as a learner uses it: run, replay,
// type input, stop, reset, read the timeline, change page and theme.
package browser_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// js runs a statement in the page, for its effect.
func js(code string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[any]("(() => {"+code+"; return null })()")(ctx, t)
		return err
	}))
}

// press clicks a button from script once it is visible: the page may still
// be settling its layout (editors measure themselves), which makes a mouse
// click at computed coordinates miss now and then.
func press(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.WaitVisible(chromedp.CSS(sel)), js(`document.querySelector(`+"`"+sel+"`"+`).click()`))
}

// runInstant sets the example's playback speed to instant and runs it,
// waiting until the end of the run is shown.
func runInstant(name string) chromedp.Action[chromedp.Void] {
	sel := "#ex-" + name
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS(sel+" .ex-run")),
		js(`const s = document.querySelector("`+sel+` select.ex-speed"); s.selectedIndex = 4; s.dispatchEvent(new Event("change"))`),
		press(sel+" .ex-run"),
		chromedp.WaitVisible(chromedp.CSS(sel+`[data-status] .ex-status`)),
	)
}

func outputJS(name string) string {
	return `[...document.querySelectorAll("#ex-` + name + ` pre.ex-out .ln")].map(l => l.textContent).join("\n")`
}

func TestRunShowsLinesInOrder(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, desktop)
	do(t, ctx, "run greenlets", chromedp.Navigate(base+"/dev/index.html"), runInstant("greenlets"))
	// Nothing may be fetched from anywhere but our own server.
	foreign := eval[[]string](t, ctx, `performance.getEntriesByType("resource").map(e => e.name).filter(u => !u.startsWith(location.origin))`)
	if len(foreign) > 0 {
		t.Errorf("the page fetched from elsewhere: %q", foreign)
	}
	t.Logf("page usable (DOMContentLoaded) after %.0f ms", eval[float64](t, ctx, `performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd`))
	if out := eval[string](t, ctx, outputJS("greenlets")); out != "12\n56\n34\n78" {
		t.Errorf("output = %q, want 12 56 34 78 on four lines", out)
	}
	status := eval[string](t, ctx, `document.querySelector("#ex-greenlets .ex-status").textContent`)
	if !strings.Contains(status, "finished in") || !strings.Contains(status, "of virtual time") {
		t.Errorf("end of run = %q, want it to say it finished in virtual time", status)
	}
}

func TestAnsiColourAndTraceback(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, desktop)
	do(t, ctx, "run baozi and oops", chromedp.Navigate(base+"/dev/index.html"), runInstant("baozi"), runInstant("oops"))
	if green := eval[int](t, ctx, `document.querySelectorAll("#ex-baozi pre.ex-out .ansi-fg2.ansi-bold").length`); green != 6 {
		t.Errorf("bold green spans = %d, want 6 (one per [A]/[B] tag)", green)
	}
	errLine := eval[string](t, ctx, `(document.querySelector("#ex-oops .cm-error-line")||{}).textContent||""`)
	if strings.TrimSpace(errLine) != "return buns // people" {
		t.Errorf("highlighted error line = %q, want line 2 of main.py", errLine)
	}
	if status := eval[string](t, ctx, `document.querySelector("#ex-oops .ex-status").textContent`); !strings.Contains(status, "ZeroDivisionError") {
		t.Errorf("end of run = %q, want the error named", status)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#ex-oops .ln-stderr").length`); n != 7 {
		t.Errorf("stderr lines marked = %d, want the 7 traceback lines", n)
	}
}

func TestPlaybackByVirtualTime(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, desktop)
	do(t, ctx, "run sync-async", chromedp.Navigate(base+"/dev/index.html"), runInstant("sync-async"),
		// Scrub to 2.5 s of virtual time: two synchronous tasks are done.
		js(`const s = document.querySelector("#ex-sync-async .ex-scrub"); s.value = 2.5e9; s.dispatchEvent(new Event("input"))`))
	if out, want := eval[string](t, ctx, outputJS("sync-async")), "Synchronous:\nTask 1 done\nTask 2 done"; out != want {
		t.Errorf("output at 2.5 s = %q, want %q", out, want)
	}
	// Replay from the start at 10×, noting when each "Task" line appears.
	do(t, ctx, "replay at 10×", js(`
		window.stamps = [];
		const pre = document.querySelector("#ex-sync-async pre.ex-out");
		new MutationObserver(() => {
			const n = [...pre.querySelectorAll(".ln")].filter(l => l.textContent.startsWith("Task")).length;
			const now = performance.now();
			while (window.stamps.length < n) window.stamps.push(now);
		}).observe(pre, {childList: true, subtree: true, characterData: true});
		const sel = document.querySelector("#ex-sync-async select.ex-speed");
		sel.selectedIndex = 3; sel.dispatchEvent(new Event("change"));
		const s = document.querySelector("#ex-sync-async .ex-scrub");
		s.value = 0; s.dispatchEvent(new Event("input"));
		document.querySelector("#ex-sync-async .ex-pause").click()`),
		chromedp.Steps(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Poll[bool](`window.stamps.length >= 10`)(ctx, tg)
			return err
		})))
	stamps := eval[[]float64](t, ctx, `window.stamps`)
	// At 10× a virtual second is 100 ms of playback: synchronous line i+1
	// comes about i×100 ms after the first (measured from the first, so that
	// one late animation frame on a busy machine, which the player makes up
	// for, does not count); the asynchronous ones come together.
	for i := 1; i < 5; i++ {
		if since := stamps[i] - stamps[0]; since < float64(i)*100-40 {
			t.Errorf("synchronous line %d came %.0f ms after the first, want about %d ms at 10×", i+1, since, i*100)
		}
	}
	for i := 6; i < 10; i++ {
		if stamps[i] != stamps[5] {
			t.Errorf("asynchronous line %d came %.0f ms after the first, want all five at once", i-4, stamps[i]-stamps[5])
		}
	}
	t.Logf("Task line times at 10× (ms): %.0f", stamps)
}

func TestInputReachesProgram(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, desktop)
	do(t, ctx, "answer input()",
		chromedp.Navigate(base+"/dev/index.html"),
		chromedp.Click(chromedp.CSS("#ex-ask .ex-run")),
		chromedp.WaitVisible(chromedp.CSS("#ex-ask form.ex-input")),
		chromedp.SendKeys(chromedp.CSS("#ex-ask .ex-input-text"), "Ada\r"),
		chromedp.WaitVisible(chromedp.CSS(`#ex-ask[data-status="ok"] .ex-status`)),
	)
	if out := eval[string](t, ctx, outputJS("ask")); out != "Your name? Ada\nHello, Ada!" {
		t.Errorf("output = %q, want the prompt, the typed line and the greeting", out)
	}
}

func TestStopStops(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, desktop)
	do(t, ctx, "stop sync-async",
		chromedp.Navigate(base+"/dev/index.html"),
		press("#ex-sync-async .ex-run"),
		press("#ex-sync-async .ex-stop"),
		chromedp.WaitVisible(chromedp.CSS(`#ex-sync-async[data-status] .ex-status`)),
	)
	// The recorded run ends 20 ms after it starts, so on a busy machine Stop
	// can arrive after the end: then it stops the playback instead.
	switch ended := eval[string](t, ctx, `document.querySelector("#ex-sync-async").dataset.status`); ended {
	case "stopped":
		if status := eval[string](t, ctx, `document.querySelector("#ex-sync-async .ex-status").textContent`); !strings.Contains(status, "stopped") {
			t.Errorf("status = %q, want it to say the run stopped", status)
		}
	case "ok":
		do(t, ctx, "wait for the playback to stop", chromedp.Sleep(300*time.Millisecond))
		if label := eval[string](t, ctx, `document.querySelector("#ex-sync-async .ex-pause").textContent`); !strings.Contains(label, "Replay") && !strings.Contains(label, "Play") {
			t.Errorf("after Stop the playback still runs (button %q)", label)
		}
	default:
		t.Errorf("the run ended %q, want stopped (or ok when Stop came after the end)", ended)
	}
}

func TestResetRestoresAndEditsPersist(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, desktop)
	code := `[...document.querySelectorAll("#ex-oops .cm-line")].map(l => l.textContent).join("\n")`
	do(t, ctx, "edit and reload",
		chromedp.Navigate(base+"/dev/index.html"),
		chromedp.Click(chromedp.CSS("#ex-oops .cm-content")),
		chromedp.KeyEvent("# edited"),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS("#ex-oops .cm-content")),
	)
	if got := eval[string](t, ctx, code); !strings.Contains(got, "# edited") {
		t.Errorf("after reload the editor holds %q, want the edit kept", got)
	}
	do(t, ctx, "reset", press("#ex-oops .ex-reset"))
	if got := eval[string](t, ctx, code); strings.Contains(got, "# edited") || !strings.HasPrefix(got, "def share") {
		t.Errorf("after Reset the editor holds %q, want the lesson's code", got)
	}
}

func TestTimelineHasLanePerGreenlet(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, desktop)
	do(t, ctx, "run foobar", chromedp.Navigate(base+"/dev/index.html"), runInstant("foobar"))
	lanes := eval[[]string](t, ctx, `[...document.querySelectorAll("#ex-foobar .tl-label .tl-name")].map(n => n.textContent)`)
	for _, want := range []string{"foo", "bar", "func3"} {
		found := false
		for _, l := range lanes {
			found = found || l == want
		}
		if !found {
			t.Errorf("timeline lanes = %q, want one named %s", lanes, want)
		}
	}
	if arrows := eval[int](t, ctx, `document.querySelectorAll("#ex-foobar .tl-switch").length`); arrows < 6 {
		t.Errorf("timeline has %d switch arrows, want at least 6", arrows)
	}
}

func TestPageKeysNavigate(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, desktop)
	do(t, ctx, "PageDown",
		chromedp.Navigate(base+"/dev/index.html"),
		chromedp.WaitVisible(chromedp.CSS(".ex-run")),
		chromedp.KeyEvent(kb.PageDown),
		chromedp.WaitVisible(chromedp.CSS("ol.course")),
	)
	url1 := eval[string](t, ctx, `location.pathname`)
	do(t, ctx, "→", chromedp.KeyEvent(kb.ArrowRight), chromedp.WaitVisible(chromedp.CSS(".ex-run")))
	url2 := eval[string](t, ctx, `location.pathname`)
	if url1 != "/dev/course.html" || (url2 != "/dev/index.html" && url2 != "/dev/") {
		t.Errorf("PageDown went to %s and then → to %s, want course.html then index.html", url1, url2)
	}
}

func TestProjectorTheme(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, projector)
	do(t, ctx, "choose projector and reload",
		chromedp.Navigate(base+"/dev/index.html"),
		chromedp.WaitVisible(chromedp.CSS(".ex-run")),
		js(`const s = document.querySelector(".tour-theme"); s.value = "projector"; s.dispatchEvent(new Event("change"))`),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS(".ex-run")),
	)
	theme := eval[string](t, ctx, `document.documentElement.dataset.theme`)
	fontPx := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.documentElement).fontSize)`)
	if theme != "projector" || fontPx < 22 {
		t.Errorf("after choosing projector and reloading: theme %q, font %.0f px; want projector and large type", theme, fontPx)
	}
}

func TestShiftEnterRunsFromTheEditor(t *testing.T) {
	base := startSite(t)
	ctx := newBrowser(t, desktop)
	do(t, ctx, "Shift+Enter in the editor",
		chromedp.Navigate(base+"/dev/index.html"),
		chromedp.Click(chromedp.CSS("#ex-greenlets .cm-content")),
		chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierShift)),
		chromedp.WaitVisible(chromedp.CSS(`#ex-greenlets[data-status="ok"] .ex-status`)),
	)
	if out := eval[string](t, ctx, outputJS("greenlets")); out != "12\n56\n34\n78" {
		t.Errorf("output = %q after Shift+Enter", out)
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll("#ex-greenlets .cm-line")].map(l => l.textContent).join("\n")`); strings.Contains(got, "\n\n\n") {
		t.Errorf("Shift+Enter also typed a newline into the code")
	}
}
