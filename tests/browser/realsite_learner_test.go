// realsite_learner_test.go checks the real site as a learner and a teacher
// use it: playback by virtual time, Stop, Reset, page keys, the shortcut
// list, the projector theme and the remembered type size. learner_test.go
// does the same on the dev page; the steps they share are in steps_test.go.
package browser_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestRealSitePlaybackAt1x plays the sync-vs-async example at 1×: the
// synchronous lines come a second apart; switched to 10× mid-way, a tenth of
// a second apart; the five asynchronous lines come together.
func TestRealSitePlaybackAt1x(t *testing.T) {
	_, ctx := lessonPage(t, desktop, "sync-vs-async")
	do(t, ctx, "play sync-async at 1×",
		stampLines("sync-async", "Task"), setSpeed("sync-async", 1), press("#ex-sync-async .ex-run"),
		waitJS(`window.stamps.length >= 3`),
		setSpeed("sync-async", 3),
		waitJS(`window.stamps.length >= 10`),
		chromedp.WaitVisible(chromedp.CSS(`#ex-sync-async[data-status="ok"] .ex-status`)),
	)
	s := eval[[]float64](t, ctx, `window.stamps`)
	t.Logf("Task line times (ms), lines 1-3 at 1×, then 10×: %.0f", s)
	checkApart(t, s, 0, 3, 1000, 150, 400, "1×")
	checkApart(t, s, 3, 5, 100, 50, 300, "10×")
	checkTogether(t, s, 5, 10)
	if status := statusOf(t, ctx, "sync-async"); !strings.Contains(status, "finished in 6.0 s of virtual time") || !strings.Contains(status, "ms real") {
		t.Errorf("end of run = %q, want \"finished in 6.0 s of virtual time (N ms real)\"", status)
	}
	clock := eval[string](t, ctx, `document.querySelector("#ex-sync-async .ex-clock").textContent`)
	if !strings.Contains(clock, "6.0 s") || !strings.Contains(clock, "real") {
		t.Errorf("clock = %q, want virtual 6.0 s against the real time", clock)
	}
}

// TestRealSiteStop stops a run that waits for input forever.
func TestRealSiteStop(t *testing.T) {
	_, ctx := lessonPage(t, desktop, "socket-server")
	if idle := eval[string](t, ctx, `(b => b.disabled + " " + b.textContent)(document.querySelector("#ex-echo .ex-pause"))`); idle != "true ▶ Play" {
		t.Errorf("before any run the pause button is %q, want disabled \"▶ Play\"", idle)
	}
	do(t, ctx, "run echo, then Stop",
		press("#ex-echo .ex-run"),
		chromedp.WaitVisible(chromedp.CSS(`#ex-echo .ex-output[data-file="client.py"] form.ex-input`)),
		press("#ex-echo .ex-stop"),
		chromedp.WaitVisible(chromedp.CSS(`#ex-echo[data-status] .ex-status`)),
	)
	checkStopped(t, ctx, "echo")
}

// TestRealSiteResetAndRememberedEdits edits an example, reloads (the edit
// stays), runs the edit, then Reset puts the lesson's code back.
func TestRealSiteResetAndRememberedEdits(t *testing.T) {
	_, ctx := lessonPage(t, desktop, "greenlet")
	rememberEdit(t, ctx, "test1-test2", "print(90)", chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	do(t, ctx, "run the edit", runInstant("test1-test2"))
	if out := eval[string](t, ctx, outputJS("test1-test2")); out != "12\n56\n34\n78\n90" {
		t.Errorf("the edited program printed %q, want 12 56 34 78 90", out)
	}
	checkReset(t, ctx, "test1-test2", "print(90)", "from greenlet import greenlet")
}

// TestRealSitePageKeys: PageDown/PageUp and the arrow keys change lesson, as
// presentation clickers send them; inside the editor they do not.
func TestRealSitePageKeys(t *testing.T) {
	_, ctx := lessonPage(t, desktop, "greenlet")
	at := func(slug string) string { return `body[data-lesson="` + slug + `"] .ex-run` }
	do(t, ctx, "PageDown", keyTo(kb.PageDown, at("gevent")))
	do(t, ctx, "PageUp", keyTo(kb.PageUp, at("greenlet")))
	do(t, ctx, "→", keyTo(kb.ArrowRight, at("gevent")))
	do(t, ctx, "←", keyTo(kb.ArrowLeft, at("greenlet")))
	do(t, ctx, "keys in the editor",
		chromedp.Click(chromedp.CSS("#ex-test1-test2 .cm-content")),
		chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.PageDown), chromedp.Sleep(300e6))
	if p := eval[string](t, ctx, `location.pathname`); p != "/lessons/greenlet" {
		t.Errorf("keys typed in the editor changed the page to %s", p)
	}
}

// TestRealSiteShortcutsAndLiveRegions: `?` lists the shortcuts; output and
// status are live regions that a screen reader announces.
func TestRealSiteShortcutsAndLiveRegions(t *testing.T) {
	_, ctx := lessonPage(t, desktop, "gevent")
	do(t, ctx, "?", keyTo("?", "#tour-help"))
	help := eval[string](t, ctx, `document.querySelector("#tour-help").textContent`)
	for _, want := range []string{"PageDown", "PageUp", "Shift+Enter", "?", "+ / −", "theme"} {
		if !strings.Contains(help, want) {
			t.Errorf("the shortcut list does not mention %q: %q", want, help)
		}
	}
	do(t, ctx, "close", chromedp.KeyEvent(kb.Escape), waitJS(`!document.querySelector("#tour-help").open`))
	bad := eval[[]string](t, ctx, `[...document.querySelectorAll("section.example")].flatMap(s => {
		const out = [...s.querySelectorAll("pre.ex-out")].filter(p => p.getAttribute("aria-live") !== "polite" || p.getAttribute("role") !== "log");
		const st = s.querySelector(".ex-status");
		return [...out.map(p => s.id + ": output " + p.outerHTML.slice(0, 60)), ...(st && st.getAttribute("role") === "status" ? [] : [s.id + ": status"])];
	})`)
	if len(bad) > 0 {
		t.Errorf("not live regions: %q", bad)
	}
}

// TestRealSiteProjectorAndTypeSize: the projector theme gives large type, the
// editor and output side by side and no table of contents; A+ and A− change
// the type size, and both are remembered.
func TestRealSiteProjectorAndTypeSize(t *testing.T) {
	_, ctx := lessonPage(t, projector, "gevent")
	base1 := checkProjectorTheme(t, ctx)
	if toc := eval[bool](t, ctx, `getComputedStyle(document.querySelector("nav.toc")).display === "none"`); !toc {
		t.Errorf("the projector theme still shows the table of contents")
	}
	side := eval[bool](t, ctx, `(() => { const e = document.querySelector("#ex-sleep-order .ex-editor").getBoundingClientRect(), o = document.querySelector("#ex-sleep-order pre.ex-out").getBoundingClientRect(); return e.right <= o.left && e.width > 700 && o.width > 700 })()`)
	if !side {
		t.Errorf("in the projector theme the editor and the output are not side by side filling the width")
	}
	do(t, ctx, "A+ twice, reload", press(`.tour-settings button[aria-label^="larger"]`), press(`.tour-settings button[aria-label^="larger"]`),
		chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".ex-run")))
	if bigger := rootFontPx(t, ctx); bigger < base1*1.15 {
		t.Errorf("after A+ twice and a reload the type is %.1f px, was %.1f px: want it larger and remembered", bigger, base1)
	}
	do(t, ctx, "− three times", chromedp.KeyEvent("-"), chromedp.KeyEvent("-"), chromedp.KeyEvent("-"), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".ex-run")))
	if smaller := rootFontPx(t, ctx); smaller >= base1 {
		t.Errorf("after − three times and a reload the type is %.1f px, want below %.1f px", smaller, base1)
	}
}

// TestRealSiteTimelineReadsClearly: the seed examples' timelines fit the
// width (the end of the run is on screen), lane names are short and tell the
// coroutines apart, and "zoom in" shows the run at full size, scrolling.
func TestRealSiteTimelineReadsClearly(t *testing.T) {
	base, ctx := lessonPage(t, desktop, "sync-vs-async")
	fits := func(ex string) string {
		return `(() => { const s = document.querySelector("#ex-` + ex + ` .tl-scroll"); return s.scrollWidth <= s.clientWidth + 1 })()`
	}
	do(t, ctx, "sync-async", runInstant("sync-async"))
	if !eval[bool](t, ctx, fits("sync-async")) {
		t.Errorf("the sync-async timeline does not fit its width: the five tasks finishing together at 6 s are off screen")
	}
	labels := eval[string](t, ctx, `[...document.querySelectorAll("#ex-sync-async .tl-out-label")].map(n => n.textContent).join("|")`)
	if !strings.Contains(labels, "Task 0 done") || !strings.Contains(labels, "Task 4 done") {
		t.Errorf("output labels on the timeline = %q, want the asynchronous lines readable", labels)
	}
	if got := strings.Join(laneNames(t, ctx, "sync-async"), ","); got != "main.py,Hub,task(0),task(1),task(2),task(3),task(4)" {
		t.Errorf("lanes = %s", got)
	}
	// The five tasks sleep together: their timers are due at 6 s, so their
	// sleeping bars end at one x (then each waits, ready, for its turn).
	ends := eval[[]float64](t, ctx, `[...document.querySelectorAll("#ex-sync-async rect.tl-sleeping")]
		.filter(r => /^task\(\d\): sleeping \(until 6\.0 s\)/.test(r.textContent))
		.map(r => parseFloat(r.getAttribute("x")) + parseFloat(r.getAttribute("width")))`)
	if len(ends) != 5 {
		t.Errorf("%d tasks drawn sleeping until 6.0 s, want 5", len(ends))
	} else {
		for _, x := range ends[1:] {
			if x < ends[0]-0.5 || x > ends[0]+0.5 {
				t.Errorf("the five asynchronous sleeps end at x = %.1f, want one x (their timers are due together)", ends)
				break
			}
		}
	}
	do(t, ctx, "zoom in", press("#ex-sync-async .tl-zoom"))
	if eval[bool](t, ctx, fits("sync-async")) {
		t.Errorf("after zoom in the timeline still fits: want it drawn larger, scrolling sideways")
	}
	if label := eval[string](t, ctx, `document.querySelector("#ex-sync-async .tl-zoom").textContent`); label != "fit to width" {
		t.Errorf("the zoom button says %q after zooming in, want \"fit to width\"", label)
	}

	do(t, ctx, "echo-one-process", chromedp.Navigate(base+"/lessons/socket-server"), runInstant("echo-one-process"))
	if !eval[bool](t, ctx, fits("echo-one-process")) {
		t.Errorf("the echo-one-process timeline does not fit its width")
	}
	lanes := laneNames(t, ctx, "echo-one-process")
	seen := map[string]bool{}
	for _, n := range lanes {
		if len([]rune(n)) > 30 || seen[n] || strings.Contains(n, "0x") {
			t.Errorf("lane name %q: want short, without addresses, and different from the others (%q)", n, lanes)
		}
		seen[n] = true
	}

	do(t, ctx, "baozi", chromedp.Navigate(base+"/lessons/two-way-generators"), runInstant("baozi"))
	switches := eval[string](t, ctx, `[...document.querySelectorAll("#ex-baozi .tl-switch-label")].map(n => n.textContent).join("|")`)
	if !strings.Contains(switches, "send(1)") || strings.Contains(switches, "yield None") {
		t.Errorf("baozi switch labels = %q, want send(n) shown and \"yield None\" read as \"yield\"", switches)
	}
}

// gutterJS scrolls each editor of the page into view and returns, per
// editor, the largest distance (px) between a line number and its line.
const gutterJS = `(async () => {
	const out = [];
	for (const ed of document.querySelectorAll(".cm-editor")) {
		ed.scrollIntoView();
		await new Promise(r => setTimeout(r, 150));
		const lines = [...ed.querySelectorAll(".cm-content > .cm-line")];
		let worst = 0;
		for (const g of ed.querySelectorAll(".cm-lineNumbers .cm-gutterElement")) {
			const l = lines[parseInt(g.textContent, 10) - 1];
			if (!l || g.style.visibility === "hidden") continue;
			worst = Math.max(worst, Math.abs(g.getBoundingClientRect().top - l.getBoundingClientRect().top));
		}
		out.push(worst);
	}
	return out;
})()`

// TestRealSiteLineNumbersAlign: in the socket lesson (two editors per
// example), every line number sits beside its line, on a laptop, after
// switching to the projector theme and a larger type, and on a phone.
func TestRealSiteLineNumbersAlign(t *testing.T) {
	base := startRealSite(t)
	check := func(ctx context.Context, when string) {
		t.Helper()
		offs, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](gutterJS, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if len(offs) < 4 {
			t.Fatalf("%s: %d editors on the socket lesson, want at least 4", when, len(offs))
		}
		for i, d := range offs {
			if d > 2 {
				t.Errorf("%s: editor %d has line numbers %.0f px away from their lines", when, i+1, d)
			}
		}
	}
	ctx := openPage(t, desktop, base+"/lessons/socket-server")
	do(t, ctx, "wait for the editors", chromedp.WaitVisible(chromedp.CSS("#ex-echo .cm-content")))
	check(ctx, "laptop")
	do(t, ctx, "projector, larger type",
		js(`window.scrollTo(0, 0)`), chooseTheme("projector"),
		press(`.tour-settings button[aria-label^="larger"]`))
	check(ctx, "projector")
	// Both programs of the echo example, editors and outputs, on one projected screen.
	fits := eval[bool](t, ctx, `(() => { const ex = document.querySelector("#ex-echo .ex-work"); ex.scrollIntoView(); const r = ex.getBoundingClientRect(); return r.height <= innerHeight })()`)
	if !fits {
		t.Errorf("projector: the echo example's two editors and outputs do not fit one screen")
	}
	pctx := openPage(t, phone, base+"/lessons/socket-server")
	do(t, pctx, "wait for the editors on a phone", chromedp.WaitVisible(chromedp.CSS("#ex-echo .cm-content")))
	check(pctx, "phone")
	if over := eval[int](t, pctx, `document.documentElement.scrollWidth - innerWidth`); over > 0 {
		t.Errorf("phone: the page is %d px wider than the screen", over)
	}
}

// TestRealSiteStepHoverAndScrub replays test1/test2 without running it
// again: back to the start with the scrubber, then the timeline's keys step
// event by event (the output grows, the editor marks the line that runs),
// and pointing at an output dot marks the line that printed it.
func TestRealSiteStepHoverAndScrub(t *testing.T) {
	_, ctx := lessonPage(t, desktop, "greenlet")
	current := `(document.querySelector("#ex-test1-test2 .cm-current-line")||{}).textContent||""`
	do(t, ctx, "run test1-test2", runInstant("test1-test2"))
	if dots := eval[int](t, ctx, `document.querySelectorAll("#ex-test1-test2 .tl-out").length`); dots != 4 {
		t.Errorf("%d output dots on the timeline, want one per printed line (4)", dots)
	}
	do(t, ctx, "scrub to the start", scrubTo("test1-test2", 0))
	if out := eval[string](t, ctx, outputJS("test1-test2")); out != "" {
		t.Errorf("at the start of the replay the output is %q, want nothing yet", out)
	}
	// Step with the timeline's → key until the first line is printed.
	do(t, ctx, "step with the timeline's keys", js(`document.querySelector("#ex-test1-test2 .tl-scroll").focus()`))
	for i := 0; i < 20 && eval[string](t, ctx, outputJS("test1-test2")) == ""; i++ {
		do(t, ctx, "→", chromedp.KeyEvent(kb.ArrowRight))
	}
	if out := eval[string](t, ctx, outputJS("test1-test2")); out != "12" {
		t.Errorf("stepping to the first output shows %q, want 12 alone", out)
	}
	if line := strings.TrimSpace(eval[string](t, ctx, current)); !strings.HasPrefix(line, "print(12)") {
		t.Errorf("after stepping to the first output the editor marks %q, want print(12)", line)
	}
	if p := eval[string](t, ctx, `location.pathname`); p != "/lessons/greenlet" {
		t.Errorf("→ on the timeline changed the page to %s", p)
	}
	// Point at the dot of the third line printed (34).
	do(t, ctx, "hover the 34 dot", js(`
		const dot = [...document.querySelectorAll("#ex-test1-test2 .tl-out")].find(d => d.textContent.includes('"34\\n"'));
		const r = dot.getBoundingClientRect();
		dot.closest("svg").dispatchEvent(new MouseEvent("mousemove", {clientX: r.x + r.width / 2, clientY: r.y + r.height / 2, bubbles: true}))`))
	if line := strings.TrimSpace(eval[string](t, ctx, current)); !strings.HasPrefix(line, "print(34)") {
		t.Errorf("pointing at the 34 dot marks %q in the editor, want print(34)", line)
	}
}

// TestRealSiteKeyboardOnly uses the page without a mouse: Tab reaches Run,
// Enter runs; in the editor Shift+Enter runs and Esc then Tab leaves it
// (Tab alone indents).
func TestRealSiteKeyboardOnly(t *testing.T) {
	_, ctx := lessonPage(t, desktop, "greenlet")
	active := `(e => e.className + "|" + e.textContent.slice(0, 20))(document.activeElement)`
	found := false
	for i := 0; i < 40 && !found; i++ {
		do(t, ctx, "Tab", chromedp.KeyEvent(kb.Tab))
		found = eval[bool](t, ctx, `document.activeElement === document.querySelector("#ex-test1-test2 .ex-run")`)
	}
	if !found {
		t.Fatalf("40 presses of Tab never reached the first example's Run button (focus on %s)", eval[string](t, ctx, active))
	}
	if ring := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); ring == "none" {
		t.Errorf("the focused Run button shows no focus ring")
	}
	do(t, ctx, "Enter", chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS(`#ex-test1-test2[data-status="ok"] .ex-status`)))
	do(t, ctx, "into the editor, Esc, Tab",
		js(`document.querySelector("#ex-test1-test2 .cm-content").focus()`),
		chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent(kb.Tab))
	if in := eval[bool](t, ctx, `!!document.activeElement.closest(".cm-editor")`); in {
		t.Errorf("Esc then Tab left the focus in the editor")
	}
	if code := eval[string](t, ctx, `document.querySelector("#ex-test1-test2 .cm-content").textContent`); strings.Contains(code, "\t") {
		t.Errorf("Esc then Tab typed a tab into the code")
	}
}

// TestRealSiteCompareAndBudget: "Run both and compare" draws the crawl with
// and without monkey.patch_all() on one time axis; the lesson page loads
// nothing from elsewhere, under 300 KB of compressed JavaScript and CSS, and
// the time until it is usable is reported.
func TestRealSiteCompareAndBudget(t *testing.T) {
	_, ctx := lessonPage(t, desktop, "monkey-patching")
	do(t, ctx, "wait until the page is ready",
		chromedp.WaitVisible(chromedp.CSS("#ex-crawl-timing .ex-run-both")),
		waitJS(`performance.getEntriesByName("tour-ready").length > 0`))
	ready := eval[float64](t, ctx, `performance.getEntriesByName("tour-ready")[0].startTime`)
	dcl := eval[float64](t, ctx, `performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd`)
	size := eval[float64](t, ctx, `performance.getEntriesByType("resource").filter(e => /\.(js|css)$/.test(new URL(e.name).pathname)).reduce((n, e) => n + e.encodedBodySize, 0) / 1024`)
	t.Logf("lesson page: DOMContentLoaded %.0f ms, usable (editors and timelines built) %.0f ms, JS+CSS %.0f KB compressed", dcl, ready, size)
	if size > 300 || size < 20 {
		t.Errorf("the page loaded %.0f KB of compressed JavaScript and CSS, want some, under 300 KB", size)
	}
	if ready > 10000 {
		t.Errorf("the page became usable after %.0f ms", ready)
	}
	do(t, ctx, "run both",
		setSpeed("crawl-timing", 4), setSpeed("crawl-unpatched", 4),
		press("#ex-crawl-timing .ex-run-both"),
		chromedp.WaitVisible(chromedp.CSS(`#ex-crawl-timing[data-status="ok"] .ex-status`)),
		chromedp.WaitVisible(chromedp.CSS(`#ex-crawl-unpatched[data-status="ok"] .ex-status`)),
		waitJS(`document.querySelectorAll("#ex-crawl-timing .tl-label-title").length === 2`),
	)
	titles := eval[[]string](t, ctx, `[...document.querySelectorAll("#ex-crawl-timing .tl-label-title")].map(n => n.textContent)`)
	if strings.Join(titles, ",") != "crawl-unpatched,crawl-timing" {
		t.Errorf("compared runs = %q, want crawl-unpatched and crawl-timing", titles)
	}
	if runs := eval[int](t, ctx, `document.querySelectorAll("#ex-crawl-timing svg.tl-svg .tl-run").length`); runs != 2 {
		t.Errorf("%d runs drawn on the comparison's one axis, want 2", runs)
	}
	checkOwnOrigin(t, ctx)
}
