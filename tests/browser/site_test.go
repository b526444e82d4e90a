// site_test.go starts what the browser tests load and the headless Chromium
// that loads it.
package browser_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium; CHROMIUM overrides it.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// repoDir is the repository root, found from this file's place in it.
func repoDir(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the test file")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// startSite serves static/ so that /dev/index.html is a lesson page whose
// examples replay the recorded runs in static/dev/fixtures. (The web package
// does not exist yet; when it does, these tests should load its real lessons.)
func startSite(t *testing.T) string {
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(repoDir(t), "static"))))
	t.Cleanup(srv.Close)
	return srv.URL
}

// viewport is a window size to test and screenshot at.
type viewport struct {
	name          string
	width, height int64
	mobile        bool
}

var (
	desktop   = viewport{"desktop", 1366, 768, false}
	projector = viewport{"projector", 1920, 1080, false}
	phone     = viewport{"phone", 390, 844, true}
)

// The tests share one headless Chromium: starting it costs seconds on a
// loaded machine, a new tab in a fresh browser context (its own storage, as
// a new profile would have) costs milliseconds.
var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
	stopBrowser = func() {}
)

func TestMain(m *testing.M) {
	code := m.Run()
	stopBrowser()
	os.Exit(code)
}

func sharedBrowser() (context.Context, error) {
	browserOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tour-chromium-")
		if err != nil {
			browserErr = err
			return
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(chromiumPath()),
			chromedp.Flag("headless", true),
			chromedp.Flag("no-sandbox", true),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("no-first-run", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("hide-scrollbars", true),
			// Timers and animation frames at full speed in every tab.
			chromedp.Flag("disable-background-timer-throttling", true),
			chromedp.Flag("disable-renderer-backgrounding", true),
			chromedp.Flag("disable-backgrounding-occluded-windows", true),
			chromedp.UserDataDir(dir),
			chromedp.WindowSize(1366, 768),
		}
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelBrowser := chromedp.NewContext(actx)
		stopBrowser = func() { cancelBrowser(); cancelAlloc(); os.RemoveAll(dir) }
		if err := chromedp.Do(bctx); err != nil {
			browserErr = fmt.Errorf("starting Chromium: %w", err)
			return
		}
		browserCtx = bctx
	})
	return browserCtx, browserErr
}

// newBrowser returns a new tab of the shared headless Chromium, in a browser
// context of its own (fresh localStorage), sized to vp. It skips the test
// when Chromium is missing, unless CI is set.
func newBrowser(t *testing.T, vp viewport) context.Context {
	t.Helper()
	path := chromiumPath()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("Chromium is needed for browser tests in CI: %v", err)
		}
		t.Skipf("skipping: no Chromium at %s (install the chromium package, or set CHROMIUM)", path)
	}
	bctx, err := sharedBrowser()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancelCtx := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx() })
	emulate := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
	if vp.mobile {
		emulate = append(emulate, chromedp.EmulateMobile)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.width, vp.height, emulate...)); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// do runs chromedp actions, failing the test with what was being done.
func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page and returns its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}
