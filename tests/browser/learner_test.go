// learner_test.go checks the dev lesson page (recorded runs) as a learner
// uses it: run, replay, type input, stop, reset, read the timeline, change
// page and theme. realsite_learner_test.go does the same on the real site;
// the steps they share are in steps_test.go.
package browser_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func TestRunShowsLinesInOrder(t *testing.T) {
	_, ctx := devPage(t, desktop)
	do(t, ctx, "run greenlets", runInstant("greenlets"))
	checkOwnOrigin(t, ctx)
	t.Logf("page usable (DOMContentLoaded) after %.0f ms", eval[float64](t, ctx, `performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd`))
	if out := eval[string](t, ctx, outputJS("greenlets")); out != "12\n56\n34\n78" {
		t.Errorf("output = %q, want 12 56 34 78 on four lines", out)
	}
	if status := statusOf(t, ctx, "greenlets"); !strings.Contains(status, "finished in") || !strings.Contains(status, "of virtual time") {
		t.Errorf("end of run = %q, want it to say it finished in virtual time", status)
	}
}

func TestAnsiColourAndTraceback(t *testing.T) {
	_, ctx := devPage(t, desktop)
	do(t, ctx, "run baozi and oops", runInstant("baozi"), runInstant("oops"))
	if green := eval[int](t, ctx, `document.querySelectorAll("#ex-baozi pre.ex-out .ansi-fg2.ansi-bold").length`); green != 6 {
		t.Errorf("bold green spans = %d, want 6 (one per [A]/[B] tag)", green)
	}
	errLine := eval[string](t, ctx, `(document.querySelector("#ex-oops .cm-error-line")||{}).textContent||""`)
	if strings.TrimSpace(errLine) != "return buns // people" {
		t.Errorf("highlighted error line = %q, want line 2 of main.py", errLine)
	}
	if status := statusOf(t, ctx, "oops"); !strings.Contains(status, "ZeroDivisionError") {
		t.Errorf("end of run = %q, want the error named", status)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#ex-oops .ln-stderr").length`); n != 7 {
		t.Errorf("stderr lines marked = %d, want the 7 traceback lines", n)
	}
}

func TestPlaybackByVirtualTime(t *testing.T) {
	_, ctx := devPage(t, desktop)
	// Scrub to 2.5 s of virtual time: two synchronous tasks are done.
	do(t, ctx, "run sync-async", runInstant("sync-async"), scrubTo("sync-async", 2.5e9))
	if out, want := eval[string](t, ctx, outputJS("sync-async")), "Synchronous:\nTask 1 done\nTask 2 done"; out != want {
		t.Errorf("output at 2.5 s = %q, want %q", out, want)
	}
	// Replay from the start at 10×, noting when each "Task" line appears.
	do(t, ctx, "replay at 10×", stampLines("sync-async", "Task"), setSpeed("sync-async", 3), scrubTo("sync-async", 0),
		press("#ex-sync-async .ex-pause"), waitJS(`window.stamps.length >= 10`))
	stamps := eval[[]float64](t, ctx, `window.stamps`)
	// At 10× a virtual second is 100 ms of playback; the asynchronous lines
	// come together.
	checkApart(t, stamps, 0, 5, 100, 40, math.Inf(1), "10×")
	checkTogether(t, stamps, 5, 10)
	t.Logf("Task line times at 10× (ms): %.0f", stamps)
}

func TestInputReachesProgram(t *testing.T) {
	_, ctx := devPage(t, desktop)
	do(t, ctx, "answer input()", chromedp.Click(chromedp.CSS("#ex-ask .ex-run")), answerInput("ask", "Ada"),
		chromedp.WaitVisible(chromedp.CSS(`#ex-ask[data-status="ok"] .ex-status`)))
	if out := eval[string](t, ctx, outputJS("ask")); out != "Your name? Ada\nHello, Ada!" {
		t.Errorf("output = %q, want the prompt, the typed line and the greeting", out)
	}
}

func TestStopStops(t *testing.T) {
	_, ctx := devPage(t, desktop)
	do(t, ctx, "stop sync-async", press("#ex-sync-async .ex-run"), press("#ex-sync-async .ex-stop"),
		chromedp.WaitVisible(chromedp.CSS(`#ex-sync-async[data-status] .ex-status`)))
	// The recorded run ends 20 ms after it starts, so on a busy machine Stop
	// can arrive after the end: then it stops the playback instead.
	switch ended := eval[string](t, ctx, `document.querySelector("#ex-sync-async").dataset.status`); ended {
	case "stopped":
		checkStopped(t, ctx, "sync-async")
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
	_, ctx := devPage(t, desktop)
	rememberEdit(t, ctx, "oops", "# edited")
	checkReset(t, ctx, "oops", "# edited", "def share")
}

func TestTimelineHasLanePerGreenlet(t *testing.T) {
	_, ctx := devPage(t, desktop)
	do(t, ctx, "run foobar", runInstant("foobar"))
	checkLanes(t, ctx, "foobar", "foo", "bar", "func3")
	if arrows := eval[int](t, ctx, `document.querySelectorAll("#ex-foobar .tl-switch").length`); arrows < 6 {
		t.Errorf("timeline has %d switch arrows, want at least 6", arrows)
	}
}

func TestPageKeysNavigate(t *testing.T) {
	_, ctx := devPage(t, desktop)
	do(t, ctx, "PageDown", keyTo(kb.PageDown, "ol.course"))
	url1 := eval[string](t, ctx, `location.pathname`)
	do(t, ctx, "→", keyTo(kb.ArrowRight, ".ex-run"))
	url2 := eval[string](t, ctx, `location.pathname`)
	if url1 != "/dev/course.html" || (url2 != "/dev/index.html" && url2 != "/dev/") {
		t.Errorf("PageDown went to %s and then → to %s, want course.html then index.html", url1, url2)
	}
}

func TestProjectorTheme(t *testing.T) {
	_, ctx := devPage(t, projector)
	checkProjectorTheme(t, ctx)
}

func TestShiftEnterRunsFromTheEditor(t *testing.T) {
	_, ctx := devPage(t, desktop)
	do(t, ctx, "Shift+Enter in the editor",
		chromedp.Click(chromedp.CSS("#ex-greenlets .cm-content")),
		chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierShift)),
		chromedp.WaitVisible(chromedp.CSS(`#ex-greenlets[data-status="ok"] .ex-status`)),
	)
	if out := eval[string](t, ctx, outputJS("greenlets")); out != "12\n56\n34\n78" {
		t.Errorf("output = %q after Shift+Enter", out)
	}
	if got := eval[string](t, ctx, editorJS("greenlets")); strings.Contains(got, "\n\n\n") {
		t.Errorf("Shift+Enter also typed a newline into the code")
	}
}
