// Package lessons holds the course: markdown files parsed once into pages
// with their runnable examples (docs/lessons.md describes the format). The
// lessons are embedded in the binary; Load also reads them from a directory.
package lessons

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"coroutinetour/sandbox/vnet"
)

// Embedded is the course built into the binary: the lesson files and their golden outputs.
//
//go:embed *.md golden
var Embedded embed.FS

// Course is every lesson, in order.
type Course struct {
	Lessons []*Lesson
	bySlug  map[string]*Lesson
}

// Lesson is one parsed lesson page.
type Lesson struct {
	Slug, Title, Summary string
	File                 string // file name, for error messages
	HTML                 template.HTML
	TOC                  []Heading
	Examples             []*Example // in order of appearance
	Prev, Next           *Lesson
	Number               int
}

// Heading is one entry of a lesson's table of contents.
type Heading struct{ ID, Text string }

// Example is one runnable example or exercise.
type Example struct {
	ID       string
	Kind     string // "run" or "exercise"
	Files    []File
	Expect   *Expect
	Hints    []template.HTML
	Solution string
	Hosts    []string
	Compare  string
	// GoldenEngine marks examples whose golden output is the engine's own
	// (they use the simulated network, which CPython cannot reproduce).
	GoldenEngine bool
	// Golden outputs per file name (from lessons/golden/SLUG/).
	Golden map[string]Golden
	// SolutionGolden is the golden output of the solution (exercises).
	SolutionGolden *Golden
	Line           int
}

// File is one program of an example.
type File struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	Stdin  string `json:"stdin,omitempty"`
}

// Expect is what an exercise must print.
type Expect struct {
	Mode string `json:"mode"` // "exact" or "lines"
	Text string `json:"text"`
}

// Golden is what a program printed when the golden files were recorded.
type Golden struct {
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
	Code   int    `json:"code"`
}

// Lesson returns the lesson with the given slug, or nil.
func (c *Course) Lesson(slug string) *Lesson { return c.bySlug[slug] }

// Example returns an example of a lesson by id, or nil.
func (l *Lesson) Example(id string) *Example {
	for _, e := range l.Examples {
		if e.ID == id {
			return e
		}
	}
	return nil
}

var fileName = regexp.MustCompile(`^(\d+)-([a-z0-9-]+)\.md$`)

// Load parses every lesson in fsys (files NN-slug.md at its root, golden
// outputs under golden/). A broken lesson is an error naming file and line.
func Load(fsys fs.FS) (*Course, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	type item struct {
		n    int
		name string
	}
	var items []item
	for _, e := range entries {
		m := fileName.FindStringSubmatch(e.Name())
		if m == nil {
			if strings.HasSuffix(e.Name(), ".md") && !strings.EqualFold(e.Name(), "README.md") {
				return nil, fmt.Errorf("%s: a lesson file must be named NN-slug.md (digits, a dash, lower-case words)", e.Name())
			}
			continue
		}
		n, _ := strconv.Atoi(m[1])
		items = append(items, item{n, e.Name()})
	}
	sort.Slice(items, func(i, j int) bool {
		return items[i].n < items[j].n || items[i].n == items[j].n && items[i].name < items[j].name
	})
	c := &Course{bySlug: map[string]*Lesson{}}
	for i, it := range items {
		src, err := fs.ReadFile(fsys, it.name)
		if err != nil {
			return nil, err
		}
		l, err := parseLesson(it.name, string(src))
		if err != nil {
			return nil, err
		}
		l.Number = i + 1
		if c.bySlug[l.Slug] != nil {
			return nil, fmt.Errorf("%s: another lesson already has the slug %q", it.name, l.Slug)
		}
		loadGolden(fsys, l)
		c.bySlug[l.Slug] = l
		c.Lessons = append(c.Lessons, l)
	}
	for i, l := range c.Lessons {
		if i > 0 {
			l.Prev = c.Lessons[i-1]
		}
		if i+1 < len(c.Lessons) {
			l.Next = c.Lessons[i+1]
		}
	}
	if len(c.Lessons) == 0 {
		return nil, fmt.Errorf("no lessons found (files named NN-slug.md)")
	}
	return c, nil
}

// parseError is a lesson error at a line.
func parseError(file string, line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...))
}

func parseLesson(file, src string) (*Lesson, error) {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	slug := fileName.FindStringSubmatch(file)[2]
	l := &Lesson{Slug: slug, File: file}
	body, bodyLine, err := frontMatter(file, src, l)
	if err != nil {
		return nil, err
	}
	blocks, err := scanBlocks(file, body, bodyLine)
	if err != nil {
		return nil, err
	}
	if err := l.collectExamples(file, blocks); err != nil {
		return nil, err
	}
	html, toc, err := render(l, body, blocks)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	l.HTML, l.TOC = html, toc
	return l, nil
}

func frontMatter(file, src string, l *Lesson) (body string, bodyLine int, err error) {
	if !strings.HasPrefix(src, "---\n") {
		return "", 0, parseError(file, 1, "a lesson starts with front matter: ---, title: ..., summary: ..., ---")
	}
	end := strings.Index(src[4:], "\n---\n")
	if end < 0 {
		return "", 0, parseError(file, 1, "the front matter is not closed with a line ---")
	}
	head := src[4 : 4+end]
	for i, line := range strings.Split(head, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return "", 0, parseError(file, i+2, "front matter lines are key: value")
		}
		v = strings.Trim(strings.TrimSpace(v), `"`)
		switch strings.TrimSpace(k) {
		case "title":
			l.Title = v
		case "summary":
			l.Summary = v
		}
	}
	if l.Title == "" || l.Summary == "" {
		return "", 0, parseError(file, 1, "the front matter needs both title and summary")
	}
	body = src[4+end+5:]
	return body, strings.Count(src[:4+end+5], "\n") + 1, nil
}

// block is one fenced code block of a lesson.
type block struct {
	line   int // line of the opening fence, in the file
	lang   string
	role   string // "", run, exercise, solution, stdin, hosts, expect, hint, predict
	attrs  map[string]string
	text   string
	index  int // order among blocks
	ignore bool
}

var attrRe = regexp.MustCompile(`([a-z-]+)=("[^"]*"|\S+)|(\S+)`)

// scanBlocks finds the fenced code blocks (``` or ~~~) and parses their info strings.
func scanBlocks(file, body string, firstLine int) ([]*block, error) {
	var out []*block
	lines := strings.Split(body, "\n")
	for i := 0; i < len(lines); i++ {
		t := strings.TrimLeft(lines[i], " ")
		if !strings.HasPrefix(t, "```") && !strings.HasPrefix(t, "~~~") {
			continue
		}
		fence := t[:3]
		for _, c := range t[3:] {
			if string(c) != fence[:1] {
				break
			}
			fence += fence[:1]
		}
		info := strings.TrimSpace(t[len(fence):])
		b := &block{line: firstLine + i, attrs: map[string]string{}, index: len(out)}
		words := attrRe.FindAllStringSubmatch(info, -1)
		for j, w := range words {
			switch {
			case w[1] != "":
				b.attrs[w[1]] = strings.Trim(w[2], `"`)
			case j == 0:
				b.lang = w[3]
			case b.role == "":
				b.role = w[3]
			default:
				b.attrs[w[3]] = "true"
			}
		}
		// stdin, hosts, expect, hint, predict blocks put the role first
		switch b.lang {
		case "stdin", "hosts", "expect", "hint", "predict":
			b.role, b.lang = b.lang, ""
		}
		var text []string
		j := i + 1
		for ; j < len(lines); j++ {
			if strings.HasPrefix(strings.TrimLeft(lines[j], " "), fence) && strings.TrimSpace(strings.TrimLeft(lines[j], " ")[len(fence):]) == "" {
				break
			}
			text = append(text, lines[j])
		}
		if j >= len(lines) {
			return nil, parseError(file, b.line, "this code block is never closed (no closing %s)", fence)
		}
		b.text = strings.Join(text, "\n") + "\n"
		if b.role != "" && b.role != "run" && b.role != "exercise" && b.role != "solution" &&
			b.role != "stdin" && b.role != "hosts" && b.role != "expect" && b.role != "hint" && b.role != "predict" {
			return nil, parseError(file, b.line, "unknown block role %q (run, exercise, solution, stdin, hosts, expect, hint, predict)", b.role)
		}
		if b.role != "" && b.attrs["id"] == "" {
			return nil, parseError(file, b.line, "a %s block needs id=NAME", b.role)
		}
		out = append(out, b)
		i = j
	}
	return out, nil
}

func (l *Lesson) collectExamples(file string, blocks []*block) error {
	byID := map[string]*Example{}
	for _, b := range blocks {
		id := b.attrs["id"]
		switch b.role {
		case "run", "exercise":
			e := byID[id]
			if e == nil {
				e = &Example{ID: id, Kind: b.role, Line: b.line, Compare: b.attrs["compare"], GoldenEngine: b.attrs["golden"] == "engine"}
				byID[id] = e
				l.Examples = append(l.Examples, e)
			} else if e.Kind != b.role {
				return parseError(file, b.line, "example %q mixes run and exercise blocks", id)
			} else {
				b.ignore = true // rendered with the first block of the example
			}
			name := b.attrs["file"]
			if name == "" {
				name = "main.py"
			}
			for _, f := range e.Files {
				if f.Name == name {
					return parseError(file, b.line, "example %q has two files named %s", id, name)
				}
			}
			e.Files = append(e.Files, File{Name: name, Source: b.text})
		}
	}
	for _, b := range blocks {
		id := b.attrs["id"]
		if b.role == "" || b.role == "run" || b.role == "exercise" || b.role == "predict" {
			continue
		}
		e := byID[id]
		if e == nil {
			return parseError(file, b.line, "no example or exercise with id=%s comes before this %s block", id, b.role)
		}
		switch b.role {
		case "stdin":
			name := b.attrs["file"]
			found := false
			for i := range e.Files {
				if name == "" && i == len(e.Files)-1 || e.Files[i].Name == name {
					e.Files[i].Stdin = b.text
					found = true
					break
				}
			}
			if !found {
				return parseError(file, b.line, "example %q has no file %s for this stdin", id, name)
			}
		case "hosts":
			if _, err := vnet.ParseHosts(b.text); err != nil {
				return parseError(file, b.line, "hosts block: %v", err)
			}
			for _, h := range strings.Split(strings.TrimSpace(b.text), "\n") {
				if strings.TrimSpace(h) != "" {
					e.Hosts = append(e.Hosts, strings.TrimSpace(h))
				}
			}
		case "expect":
			mode := b.attrs["mode"]
			if mode == "" {
				mode = "exact"
			}
			if mode != "exact" && mode != "lines" {
				return parseError(file, b.line, "expect mode is exact or lines, not %q", mode)
			}
			e.Expect = &Expect{Mode: mode, Text: b.text}
		case "hint":
			html, err := markdownHTML(b.text)
			if err != nil {
				return parseError(file, b.line, "%v", err)
			}
			e.Hints = append(e.Hints, html)
		case "solution":
			e.Solution = b.text
		}
	}
	for _, b := range blocks {
		if b.role != "predict" {
			continue
		}
		ex := b.attrs["example"]
		if ex == "" || byID[ex] == nil {
			return parseError(file, b.line, "a predict block needs example=ID of an example in this lesson")
		}
		answer, err := strconv.Atoi(b.attrs["answer"])
		if err != nil {
			return parseError(file, b.line, "a predict block needs answer=NUMBER of the right choice")
		}
		if n := len(predictChoices(b.text)); n < 2 || answer < 1 || answer > n {
			return parseError(file, b.line, "a predict block needs at least two choices (lines 1. 2. ...) and answer= one of them; it has %d, answer=%d", n, answer)
		}
	}
	for _, e := range l.Examples {
		if e.Kind == "exercise" && (e.Expect == nil || e.Solution == "") {
			return parseError(file, e.Line, "exercise %q needs an expect block and a solution block", e.ID)
		}
	}
	return nil
}

// loadGolden attaches the recorded outputs in golden/SLUG/ to the examples.
func loadGolden(fsys fs.FS, l *Lesson) {
	dir := path.Join("golden", l.Slug)
	read := func(name string) (string, bool) {
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		return string(b), err == nil
	}
	one := func(base string) (Golden, bool) {
		out, ok := read(base + ".out")
		if !ok {
			return Golden{}, false
		}
		g := Golden{Stdout: out}
		g.Stderr, _ = read(base + ".err")
		if c, ok := read(base + ".code"); ok {
			g.Code, _ = strconv.Atoi(strings.TrimSpace(c))
		}
		return g, true
	}
	for _, e := range l.Examples {
		e.Golden = map[string]Golden{}
		for _, f := range e.Files {
			base := e.ID
			if len(e.Files) > 1 {
				base = e.ID + "." + strings.TrimSuffix(f.Name, ".py")
			}
			if g, ok := one(base); ok {
				e.Golden[f.Name] = g
			}
		}
		if e.Kind == "exercise" {
			if g, ok := one(e.ID + ".solution"); ok {
				e.SolutionGolden = &g
			}
		}
	}
}

var _ = bytes.MinRead
