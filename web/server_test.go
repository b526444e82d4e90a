// This file tests serving a lessons directory: reloading on change, and a
// broken edit keeping the previous lessons in service.

package web

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func page(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// eventually polls check until it holds, for up to 20 s (the watcher
// polls once a second).
func eventually(t *testing.T, what string, check func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if check() {
			return
		}
	}
	t.Fatalf("%s did not happen", what)
}

func TestLessonsDirectoryReload(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("01-first.md", "---\ntitle: First steps\nsummary: The start.\n---\n\n# First steps\n\nHello.\n")
	_, hs, _ := start(t, Config{LessonsDir: dir})
	if code, body := page(t, hs.URL+"/lessons/first"); code != 200 || !strings.Contains(body, "First steps") {
		t.Fatalf("first lesson: %d", code)
	}

	write("02-second.md", "---\ntitle: Second thoughts\nsummary: More.\n---\n\n# Second thoughts\n\nAgain.\n")
	eventually(t, "a new lesson appearing", func() bool {
		code, body := page(t, hs.URL+"/")
		return code == 200 && strings.Contains(body, "Second thoughts")
	})

	// a broken edit is logged; the site keeps the lessons it had
	write("02-second.md", "# no front matter\n")
	time.Sleep(2500 * time.Millisecond)
	if code, body := page(t, hs.URL+"/lessons/second"); code != 200 || !strings.Contains(body, "Second thoughts") {
		t.Errorf("after a broken edit: %d", code)
	}
}

func TestBrokenLessonFailsStart(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "01-bad.md"), []byte("---\ntitle: T\nsummary: S\n---\n\n```python run id=a\nprint(1)\n"), 0o644)
	_, err := New(Config{LessonsDir: dir})
	if err == nil || !strings.Contains(err.Error(), "01-bad.md:") {
		t.Errorf("want an error naming the file and line, got %v", err)
	}
}

func TestNotFoundHelps(t *testing.T) {
	_, hs, _ := start(t, Config{})
	code, body := page(t, hs.URL+"/lessons/nope")
	if code != 404 || !strings.Contains(body, `href="/"`) {
		t.Errorf("404 page: %d, links home: %v", code, strings.Contains(body, `href="/"`))
	}
	if code, _ := page(t, hs.URL+"/static/app.0000.js"); code != 404 {
		t.Errorf("unknown asset: %d", code)
	}
}
