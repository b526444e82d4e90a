// screenshots_test.go saves screenshots of the real lessons' seed examples
// in each theme and size to tests/artifacts/, for people to look at. It
// checks only that the page drew what it should; the pictures are for eyes.
package browser_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// seed is an example of the course's source material, in its lesson.
type seed struct{ lesson, example string }

var (
	baozi    = seed{"two-way-generators", "baozi"}
	test12   = seed{"greenlet", "test1-test2"}
	foobar   = seed{"gevent", "sleep-order"}
	syncAsyn = seed{"sync-vs-async", "sync-async"}
	crawl    = seed{"monkey-patching", "crawl-timing"}
	echoMany = seed{"socket-server", "echo-one-process"}
)

func TestScreenshots(t *testing.T) {
	base := startRealSite(t)
	out := filepath.Join(repoDir(t), "tests", "artifacts")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := []struct {
		vp     viewport
		theme  string // "auto-dark": the default theme with the system set to dark
		blocks []seed
	}{
		{desktop, "light", []seed{baozi, test12, foobar, syncAsyn, crawl, echoMany}},
		{desktop, "auto-dark", []seed{baozi, foobar, crawl}},
		{projector, "projector", []seed{baozi, syncAsyn, echoMany}},
		{phone, "light", []seed{test12, foobar}},
	}
	for _, s := range shots {
		name := s.vp.name + "-" + s.theme
		t.Run(name, func(t *testing.T) {
			ctx := newBrowser(t, s.vp)
			query := "?theme=" + s.theme
			if s.theme == "auto-dark" {
				query = ""
				if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
				}); err != nil {
					t.Fatal(err)
				}
			}
			save := func(file string, png []byte) {
				if err := os.WriteFile(filepath.Join(out, file), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for i, b := range s.blocks {
				steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(base + "/lessons/" + b.lesson + query)}
				if b == crawl {
					steps = append(steps, runInstant("crawl-unpatched"))
				}
				steps = append(steps, runInstant(b.example))
				do(t, ctx, "run "+b.example, steps...)
				if i == 0 {
					do(t, ctx, "top", js(`window.scrollTo(0, 0)`), chromedp.Sleep(100*time.Millisecond))
					top, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatalf("screenshot: %v", err)
					}
					save(name+"-top.png", top)
				}
				// Scroll there first, as a reader would: editors measure
				// their lines when they come into view.
				do(t, ctx, "scroll to "+b.example, chromedp.ScrollIntoView(chromedp.CSS("#ex-"+b.example)), chromedp.Sleep(150*time.Millisecond))
				png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#ex-"+b.example)))
				if err != nil {
					t.Fatalf("screenshot of %s: %v", b.example, err)
				}
				save(name+"-"+b.example+".png", png)
				if b == crawl {
					if n := eval[int](t, ctx, `document.querySelectorAll("#ex-crawl-timing .tl-label-title").length`); n != 2 {
						t.Errorf("the crawl comparison shows %d runs, want 2 on one axis", n)
					}
				}
			}
			bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
			dark := strings.HasPrefix(bg, "rgb(21, 23, 27)")
			if want := strings.Contains(s.theme, "dark"); dark != want {
				t.Errorf("theme %s: page background %s (dark: %v)", s.theme, bg, dark)
			}
		})
	}
}
