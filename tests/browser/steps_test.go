// steps_test.go holds the steps that the dev-page tests (recorded runs) and
// the real-site tests (the server and its engine) share, so that each test
// states only its page, its example and what it expects.
package browser_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// devPage opens the dev lesson page (static/dev, recorded runs) in a new tab
// of size vp, once its examples are ready; base is the site's address.
func devPage(t *testing.T, vp viewport) (base string, ctx context.Context) {
	t.Helper()
	base = startSite(t)
	return base, openPage(t, vp, base+"/dev/index.html")
}

// lessonPage opens a lesson of the real site (the embedded course, the
// engine behind /ws) in a new tab of size vp, once its examples are ready.
func lessonPage(t *testing.T, vp viewport, slug string) (base string, ctx context.Context) {
	t.Helper()
	base = startRealSite(t)
	return base, openPage(t, vp, base+"/lessons/"+slug)
}

// openPage opens url in a new tab of size vp and waits for its first example.
func openPage(t *testing.T, vp viewport, url string) context.Context {
	t.Helper()
	ctx := newBrowser(t, vp)
	do(t, ctx, "open "+url, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(".ex-run")))
	return ctx
}

// js runs a statement in the page, for its effect.
func js(code string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[any]("(() => {"+code+"; return null })()")(ctx, t)
		return err
	}))
}

// waitJS waits until a JavaScript expression is true.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr)(ctx, tg)
		return err
	})
}

// press clicks a button from script once it is visible: the page may still
// be settling its layout (editors measure themselves), which makes a mouse
// click at computed coordinates miss now and then.
func press(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.WaitVisible(chromedp.CSS(sel)), js(`document.querySelector(`+"`"+sel+"`"+`).click()`))
}

// keyTo presses a key and waits until sel shows (the page it leads to).
func keyTo(key, sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.KeyEvent(key), chromedp.WaitVisible(chromedp.CSS(sel)))
}

// setSpeed chooses an example's playback speed by its place in the list
// (0.25×, 1×, 2×, 10×, instant).
func setSpeed(example string, index int) chromedp.Action[chromedp.Void] {
	return js(fmt.Sprintf(`const s = document.querySelector("#ex-%s select.ex-speed"); s.selectedIndex = %d; s.dispatchEvent(new Event("change"))`, example, index))
}

// scrubTo moves an example's replay to a virtual time (ns), or an event
// count for runs that take no virtual time.
func scrubTo(example string, value float64) chromedp.Action[chromedp.Void] {
	return js(fmt.Sprintf(`const s = document.querySelector("#ex-%s .ex-scrub"); s.value = %g; s.dispatchEvent(new Event("input"))`, example, value))
}

// chooseTheme picks a theme in the settings, as a learner would.
func chooseTheme(theme string) chromedp.Action[chromedp.Void] {
	return js(`const s = document.querySelector(".tour-theme"); s.value = "` + theme + `"; s.dispatchEvent(new Event("change"))`)
}

// runInstant sets the example's playback speed to instant and runs it,
// waiting until the end of the run is shown.
func runInstant(name string) chromedp.Action[chromedp.Void] {
	sel := "#ex-" + name
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS(sel+" .ex-run")),
		setSpeed(name, 4),
		press(sel+" .ex-run"),
		chromedp.WaitVisible(chromedp.CSS(sel+`[data-status] .ex-status`)),
	)
}

// answerInput types a line (and Enter) into an example's input box once its
// program waits in input().
func answerInput(example, line string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS("#ex-"+example+" form.ex-input")),
		chromedp.SendKeys(chromedp.CSS("#ex-"+example+" .ex-input-text"), line+"\r"),
	)
}

// outputJS is the lines of an example's output (all its panes).
func outputJS(name string) string {
	return `[...document.querySelectorAll("#ex-` + name + ` pre.ex-out .ln")].map(l => l.textContent).join("\n")`
}

// outputOf returns the lines of one program's output pane (by file name).
func outputOf(example, file string) string {
	return `[...document.querySelectorAll('#ex-` + example + ` .ex-output[data-file="` + file + `"] pre.ex-out .ln')].map(l => l.textContent).join("\n")`
}

// editorJS is the code in an example's (first) editor.
func editorJS(example string) string {
	return `[...document.querySelectorAll("#ex-` + example + ` .cm-line")].map(l => l.textContent).join("\n")`
}

// statusOf returns the line that says how an example's run went.
func statusOf(t *testing.T, ctx context.Context, example string) string {
	t.Helper()
	return eval[string](t, ctx, `document.querySelector("#ex-`+example+` .ex-status").textContent`)
}

// laneNames returns the names of an example's timeline lanes, top to bottom.
func laneNames(t *testing.T, ctx context.Context, example string) []string {
	t.Helper()
	return eval[[]string](t, ctx, `[...document.querySelectorAll("#ex-`+example+` .tl-label .tl-name")].map(n => n.textContent)`)
}

// checkLanes checks that an example's timeline has a lane named each of want.
func checkLanes(t *testing.T, ctx context.Context, example string, want ...string) {
	t.Helper()
	lanes := laneNames(t, ctx, example)
	have := map[string]bool{}
	for _, l := range lanes {
		have[l] = true
	}
	for _, name := range want {
		if !have[name] {
			t.Errorf("%s timeline lanes = %q, want one named %s", example, lanes, name)
		}
	}
}

// checkOwnOrigin checks that the page fetched nothing from anywhere but its
// own server (its websocket aside).
func checkOwnOrigin(t *testing.T, ctx context.Context) {
	t.Helper()
	foreign := eval[[]string](t, ctx, `performance.getEntriesByType("resource").map(e => e.name).filter(u => !u.startsWith(location.origin) && !u.startsWith("ws"))`)
	if len(foreign) > 0 {
		t.Errorf("the page fetched from elsewhere: %q", foreign)
	}
}

// checkStopped checks how an example looks once Stop ended its run: said
// so, no input line left, Stop disabled.
func checkStopped(t *testing.T, ctx context.Context, example string) {
	t.Helper()
	if st := eval[string](t, ctx, `document.querySelector("#ex-`+example+`").dataset.status`); st != "stopped" {
		t.Errorf("after Stop the run ended %q, want stopped", st)
	}
	if status := statusOf(t, ctx, example); !strings.Contains(status, "stopped") {
		t.Errorf("status = %q, want it to say the run was stopped", status)
	}
	if forms := eval[int](t, ctx, `[...document.querySelectorAll("#ex-`+example+` form.ex-input")].filter(f => !f.hidden).length`); forms != 0 {
		t.Errorf("%d input lines still shown after Stop", forms)
	}
	if on := eval[bool](t, ctx, `document.querySelector("#ex-`+example+` .ex-stop").disabled`); !on {
		t.Errorf("Stop is still enabled after the run stopped")
	}
}

// rememberEdit types into an example's editor (after the keys that place
// the cursor), reloads the page and checks that the edit was kept.
func rememberEdit(t *testing.T, ctx context.Context, example, typed string, place ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	content := chromedp.CSS("#ex-" + example + " .cm-content")
	steps := append([]chromedp.Action[chromedp.Void]{chromedp.WaitVisible(content), chromedp.Click(content)}, place...)
	steps = append(steps, chromedp.KeyEvent(typed), chromedp.Reload(), chromedp.WaitVisible(content))
	do(t, ctx, "edit "+example+" and reload", steps...)
	if got := eval[string](t, ctx, editorJS(example)); !strings.Contains(got, typed) {
		t.Fatalf("after reload the editor holds %q, want the edit %q kept", got, typed)
	}
}

// checkReset presses an example's Reset: the lesson's code (which starts with
// want) is back and no edit of it stays stored.
func checkReset(t *testing.T, ctx context.Context, example, typed, want string) {
	t.Helper()
	do(t, ctx, "reset "+example, press("#ex-"+example+" .ex-reset"))
	if got := eval[string](t, ctx, editorJS(example)); strings.Contains(got, typed) || !strings.HasPrefix(got, want) {
		t.Errorf("after Reset the editor holds %q, want the lesson's code", got)
	}
	if n := eval[int](t, ctx, `Object.keys(localStorage).filter(k => k.startsWith("tour.edit.`+example+`.")).length`); n != 0 {
		t.Errorf("after Reset %d stored edits remain", n)
	}
}

// checkProjectorTheme chooses the projector theme, reloads and checks that
// it stayed, with large type; it returns the type size (px).
func checkProjectorTheme(t *testing.T, ctx context.Context) float64 {
	t.Helper()
	do(t, ctx, "choose projector and reload", chooseTheme("projector"), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".ex-run")))
	theme := eval[string](t, ctx, `document.documentElement.dataset.theme`)
	fontPx := rootFontPx(t, ctx)
	if theme != "projector" || fontPx < 22 {
		t.Errorf("after choosing projector and reloading: theme %q, type %.0f px; want projector and large type", theme, fontPx)
	}
	return fontPx
}

// rootFontPx is the page's type size.
func rootFontPx(t *testing.T, ctx context.Context) float64 {
	t.Helper()
	return eval[float64](t, ctx, `parseFloat(getComputedStyle(document.documentElement).fontSize)`)
}

// stampLines starts recording, in window.stamps, when each output line of
// an example that starts with prefix appears (performance.now(), ms).
func stampLines(example, prefix string) chromedp.Action[chromedp.Void] {
	return js(`
		window.stamps = [];
		const pre = document.querySelector("#ex-` + example + ` pre.ex-out");
		new MutationObserver(() => {
			const n = [...pre.querySelectorAll(".ln")].filter(l => l.textContent.startsWith("` + prefix + `")).length;
			const now = performance.now();
			while (window.stamps.length < n) window.stamps.push(now);
		}).observe(pre, {childList: true, subtree: true, characterData: true})`)
}

// checkApart checks that lines from+1 .. to-1 came gap ms apart each,
// measured from line from (so that one late animation frame, which the
// player makes up for, does not count), early ms early or late ms late at
// most (math.Inf(1): no bound). Lines count from 0.
func checkApart(t *testing.T, s []float64, from, to int, gap, early, late float64, speed string) {
	t.Helper()
	for i := from + 1; i < to; i++ {
		want := float64(i-from) * gap
		if since := s[i] - s[from]; since < want-early || since > want+late || math.IsNaN(since) {
			t.Errorf("at %s line %d came %.0f ms after line %d, want about %.0f ms", speed, i+1, since, from+1, want)
		}
	}
}

// checkTogether checks that lines from .. to-1 appeared at one instant.
func checkTogether(t *testing.T, s []float64, from, to int) {
	t.Helper()
	for i := from + 1; i < to; i++ {
		if s[i] != s[from] {
			t.Errorf("line %d came %.0f ms after line %d, want them all at once", i+1, s[i]-s[from], from+1)
		}
	}
}
