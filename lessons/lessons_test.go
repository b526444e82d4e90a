package lessons

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coroutinetour/sandbox"
)

var update = flag.Bool("update", false, "write the engine's golden files for golden=engine examples")

// TestLoadEmbedded checks that the embedded course parses and links up.
func TestLoadEmbedded(t *testing.T) {
	c, err := Load(Embedded)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Lessons) < 6 {
		t.Fatalf("only %d lessons", len(c.Lessons))
	}
	for i, l := range c.Lessons {
		if l.Title == "" || l.Summary == "" || l.HTML == "" {
			t.Errorf("%s: empty title, summary or page", l.File)
		}
		if i+1 < len(c.Lessons) && l.Next != c.Lessons[i+1] {
			t.Errorf("%s: next lesson not linked", l.File)
		}
		if len(l.Examples) == 0 {
			t.Errorf("%s: no runnable example", l.File)
		}
		if !strings.Contains(string(l.HTML), `class="predict"`) {
			t.Errorf("%s: no predict-the-output question", l.File)
		}
		if !strings.Contains(string(l.HTML), `data-teacher`) {
			t.Errorf("%s: no teacher notes", l.File)
		}
		hasExercise := false
		for _, e := range l.Examples {
			hasExercise = hasExercise || e.Kind == "exercise"
		}
		if !hasExercise {
			t.Errorf("%s: no exercise", l.File)
		}
	}
}

// run executes programs in the engine the way the tests compare them.
func run(files []File) (stdout, stderr []string, res sandbox.Result) {
	var progs []sandbox.Program
	for _, f := range files {
		progs = append(progs, sandbox.Program{Name: f.Name, Source: f.Source, Stdin: f.Stdin})
	}
	stdout, stderr = make([]string, len(progs)), make([]string, len(progs))
	r := sandbox.Start(sandbox.Options{Programs: progs}, func(e sandbox.Event) {
		switch e.Kind {
		case sandbox.KindStdout:
			stdout[e.Program] += e.Text
		case sandbox.KindStderr:
			stderr[e.Program] += e.Text
		}
	})
	res = r.Wait()
	return
}

func compare(t *testing.T, what, file string, g Golden, stdout, stderr string, code int) {
	t.Helper()
	if stdout != g.Stdout {
		t.Errorf("%s: stdout differs\n--- got\n%s--- want (CPython)\n%s", what, stdout, g.Stdout)
	}
	if code != g.Code {
		t.Errorf("%s: exit status %d, want %d", what, code, g.Code)
	}
	if a, b := strings.Join(SignificantStderr(stderr, file), "\n"), strings.Join(SignificantStderr(g.Stderr, file), "\n"); a != b {
		t.Errorf("%s: stderr differs\n--- got\n%s\n--- want\n%s", what, a, b)
	}
}

// knownFailing lists the examples (SLUG/ID) the engine cannot run yet, with
// the feature each needs; tests/e2e keeps the same list and reports when a
// listed example starts passing. Delete lines as the engine catches up.
var knownFailing = map[string]string{}

// TestExamples runs every example and solution of every lesson in the
// engine and compares with the golden outputs recorded from CPython.
func TestExamples(t *testing.T) {
	c, err := Load(Embedded)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Lessons {
		for _, e := range l.Examples {
			l, e := l, e
			t.Run(l.Slug+"/"+e.ID, func(t *testing.T) {
				if missing, ok := knownFailing[l.Slug+"/"+e.ID]; ok {
					t.Skipf("known to fail until the engine has %s (see also tests/e2e)", missing)
				}
				stdout, stderr, res := run(e.Files)
				if res.Status == sandbox.StatusLimit || strings.Contains(res.Reason, "internal error") {
					t.Fatalf("the run ended with %s: %s", res.Status, res.Reason)
				}
				if e.GoldenEngine && *update {
					writeEngineGolden(t, l.Slug, e, stdout, stderr, res)
					return
				}
				for i, f := range e.Files {
					g, ok := e.Golden[f.Name]
					if !ok {
						t.Fatalf("no golden output for %s (record it: /usr/bin/python3 lessons/golden/record)", f.Name)
					}
					compare(t, f.Name, f.Name, g, stdout[i], stderr[i], res.Exits[i])
				}
				if e.Kind == "exercise" {
					files := append([]File(nil), e.Files...)
					files[0].Source = e.Solution
					out, errs, res := run(files)
					if e.SolutionGolden == nil {
						t.Fatal("no golden output for the solution")
					}
					compare(t, "solution", files[0].Name, *e.SolutionGolden, out[0], errs[0], res.Exits[0])
					if e.Expect.Mode == "exact" && out[0] != e.Expect.Text {
						t.Errorf("the solution prints %q, the exercise expects %q", out[0], e.Expect.Text)
					}
				}
			})
		}
	}
}

func writeEngineGolden(t *testing.T, slug string, e *Example, stdout, stderr []string, res sandbox.Result) {
	dir := filepath.Join("golden", slug)
	os.MkdirAll(dir, 0o755)
	for i, f := range e.Files {
		base := e.ID
		if len(e.Files) > 1 {
			base += "." + strings.TrimSuffix(f.Name, ".py")
		}
		os.WriteFile(filepath.Join(dir, base+".out"), []byte(stdout[i]), 0o644)
		if stderr[i] != "" {
			os.WriteFile(filepath.Join(dir, base+".err"), []byte(stderr[i]), 0o644)
		}
	}
	t.Logf("wrote the engine's golden for %s/%s", slug, e.ID)
}

// TestBrokenLessons checks that mistakes in a lesson are reported with file and line.
func TestBrokenLessons(t *testing.T) {
	cases := map[string]string{
		"no front matter":     "# Title\n",
		"unclosed block":      "---\ntitle: T\nsummary: S\n---\n\n```python run id=a\nprint(1)\n",
		"stdin without run":   "---\ntitle: T\nsummary: S\n---\n\n```stdin id=zz\nx\n```\n",
		"unknown role":        "---\ntitle: T\nsummary: S\n---\n\n```python runn id=a\nprint(1)\n```\n",
		"exercise alone":      "---\ntitle: T\nsummary: S\n---\n\n```python exercise id=a\nprint(1)\n```\n",
		"answer out of range": "---\ntitle: T\nsummary: S\n---\n\n```python run id=a\nprint(1)\n```\n\n```predict id=p example=a answer=3\nWhat?\n1. one\n2. two\n```\n",
	}
	for name, src := range cases {
		_, err := parseLesson("01-broken.md", src)
		if err == nil || !strings.HasPrefix(err.Error(), "01-broken.md:") {
			t.Errorf("%s: got %v, want an error naming the file and line", name, err)
		}
	}
}
