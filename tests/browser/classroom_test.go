// classroom_test.go checks exercises, predictions, the shortcut list, the
// presenter view and the progress marks on the course page.
package browser_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func TestExerciseCheckHintsSolution(t *testing.T) {
	_, ctx := devPage(t, desktop)
	do(t, ctx, "check, hint, solution",
		press("#ex-countdown .ex-check"),
		chromedp.WaitVisible(chromedp.CSS(`#ex-countdown .ex-check-result[data-ok]`)),
		press("#ex-countdown .ex-hint"),
		chromedp.WaitVisible(chromedp.CSS("#ex-countdown .ex-hints li")),
		press("#ex-countdown .ex-show-solution"),
		chromedp.WaitVisible(chromedp.CSS("#ex-countdown .ex-solution pre")),
	)
	if r := eval[string](t, ctx, `document.querySelector("#ex-countdown .ex-check-result").textContent`); !strings.HasPrefix(r, "✓ Correct") {
		t.Errorf("check said %q, want correct (the recorded run prints 3 2 1)", r)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#ex-countdown .ex-hints li").length`); n != 1 {
		t.Errorf("%d hints shown after one click, want 1", n)
	}
	if done := eval[string](t, ctx, `localStorage.getItem("tour.progress")`); !strings.Contains(done, `"done":true`) {
		t.Errorf("tour.progress = %s, want the lesson marked done", done)
	}
}

func TestPredictionRevealedAfterRun(t *testing.T) {
	_, ctx := devPage(t, desktop)
	do(t, ctx, "guess", press("#predict-order .predict-choices li:first-child"))
	if n := eval[int](t, ctx, `document.querySelectorAll("#predict-order li.right").length`); n != 0 {
		t.Errorf("the answer shows before the run")
	}
	do(t, ctx, "run greenlets", runInstant("greenlets"))
	right := eval[string](t, ctx, `document.querySelector("#predict-order li.right").textContent`)
	wrong := eval[string](t, ctx, `document.querySelector("#predict-order li.wrong").textContent`)
	if !strings.HasPrefix(right, "12 56 34 78") || !strings.HasPrefix(wrong, "12 34 56 78") {
		t.Errorf("after the run: right %q, wrong %q", right, wrong)
	}
}

func TestHelpPresenterAndProgress(t *testing.T) {
	base, ctx := devPage(t, desktop)
	do(t, ctx, "keys", keyTo("?", "#tour-help"))
	if rows := eval[int](t, ctx, `document.querySelectorAll("#tour-help tr").length`); rows < 8 {
		t.Errorf("the shortcut list has %d rows", rows)
	}
	do(t, ctx, "close help and press n", chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent("n"))
	do(t, ctx, "presenter", chromedp.WaitVisible(chromedp.CSS(".admonition.teacher")))
	do(t, ctx, "course page", chromedp.Navigate(base+"/dev/course.html"), chromedp.WaitVisible(chromedp.CSS("ol.course")))
	mark := eval[string](t, ctx, `(document.querySelector('li[data-lesson="dev"] .progress-mark')||{}).textContent||""`)
	if !strings.Contains(mark, "visited") || !strings.Contains(mark, "you were here") {
		t.Errorf("course page mark for the visited lesson = %q", mark)
	}
}
