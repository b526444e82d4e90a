// screenshots_test.go saves screenshots of the dev lesson in each theme and
// size to tests/artifacts/, for people to look at. It checks only that the
// page drew what it should; the pictures are for eyes.
package browser_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestScreenshots(t *testing.T) {
	base := startSite(t)
	out := filepath.Join(repoDir(t), "tests", "artifacts")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := []struct {
		vp     viewport
		theme  string
		blocks []string // example names to capture one by one
	}{
		{desktop, "light", []string{"baozi", "greenlets", "foobar", "sync-async", "crawl", "echo", "oops", "countdown"}},
		{desktop, "dark", []string{"baozi", "foobar", "crawl"}},
		{projector, "projector", []string{"baozi", "foobar"}},
		{phone, "light", []string{"greenlets", "foobar"}},
	}
	for _, s := range shots {
		name := s.vp.name + "-" + s.theme
		t.Run(name, func(t *testing.T) {
			ctx := newBrowser(t, s.vp)
			steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(base + "/dev/index.html?theme=" + s.theme)}
			for _, ex := range []string{"baozi", "greenlets", "foobar", "sync-async", "crawl-blocking", "crawl", "echo", "oops", "countdown"} {
				steps = append(steps, runInstant(ex))
			}
			steps = append(steps, js(`window.scrollTo(0, 0)`))
			do(t, ctx, "run the examples", steps...)
			save := func(file string, png []byte) {
				if err := os.WriteFile(filepath.Join(out, file), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			top, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			save(name+"-top.png", top)
			for _, ex := range s.blocks {
				// Scroll there first, as a reader would: editors measure
				// their lines when they come into view.
				do(t, ctx, "scroll to "+ex, chromedp.ScrollIntoView(chromedp.CSS("#ex-"+ex)), chromedp.Sleep(150*time.Millisecond))
				png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#ex-"+ex)))
				if err != nil {
					t.Fatalf("screenshot of %s: %v", ex, err)
				}
				save(name+"-"+ex+".png", png)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("#ex-crawl .tl-label-title").length`); n != 2 {
				t.Errorf("the crawl comparison shows %d runs, want 2 on one axis", n)
			}
		})
	}
}
