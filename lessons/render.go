package lessons

// This file renders a lesson's markdown to HTML: GitHub-flavoured markdown
// with heading anchors, alerts as admonitions, highlighted code, and the
// markup of runnable examples that the browser code brings to life
// (docs/page.md).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var alertTitles = map[string]string{"NOTE": "Note", "TIP": "Tip", "WARNING": "Warning", "IMPORTANT": "Important", "TEACHER": "For the teacher"}

// admonitions turns GitHub alerts ("> [!NOTE]" blockquotes) into aside
// elements whose inside stays markdown. Fenced code is left alone.
func admonitions(body string) string {
	lines := strings.Split(body, "\n")
	var out []string
	inFence := ""
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		t := strings.TrimSpace(line)
		if inFence != "" {
			if strings.HasPrefix(t, inFence) {
				inFence = ""
			}
			out = append(out, line)
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = t[:3]
			out = append(out, line)
			continue
		}
		if strings.HasPrefix(t, "> [!") && strings.HasSuffix(t, "]") {
			kind := strings.TrimSuffix(strings.TrimPrefix(t, "> [!"), "]")
			title, ok := alertTitles[kind]
			if ok {
				attr := ""
				if kind == "TEACHER" {
					attr = " data-teacher"
				}
				out = append(out, fmt.Sprintf(`<aside class="admonition %s"%s><p class="admonition-title">%s</p>`, strings.ToLower(kind), attr, title), "")
				for i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), ">") {
					i++
					c := strings.TrimSpace(lines[i])
					c = strings.TrimPrefix(strings.TrimPrefix(c, ">"), " ")
					out = append(out, c)
				}
				out = append(out, "", "</aside>", "")
				continue
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func newMarkdown(extra ...renderer.Option) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(append([]renderer.Option{gmhtml.WithUnsafe()}, extra...)...),
	)
}

// markdownHTML renders a small piece of markdown (a hint).
func markdownHTML(src string) (template.HTML, error) {
	var buf bytes.Buffer
	if err := newMarkdown(renderer.WithNodeRenderers(util.Prioritized(&codeRenderer{}, 100))).Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// render converts a lesson body, replacing fenced blocks by highlighted code
// or example markup, and collects the level-2 headings.
func render(l *Lesson, body string, blocks []*block) (template.HTML, []Heading, error) {
	src := []byte(admonitions(body))
	cr := &codeRenderer{lesson: l, blocks: blocks}
	md := newMarkdown(renderer.WithNodeRenderers(util.Prioritized(cr, 100)))
	doc := md.Parser().Parse(text.NewReader(src))
	var toc []Heading
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level == 2 {
			id, _ := h.AttributeString("id")
			idStr := ""
			if b, ok := id.([]byte); ok {
				idStr = string(b)
			}
			toc = append(toc, Heading{ID: idStr, Text: nodeText(h, src)})
		}
		return ast.WalkContinue, nil
	})
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return "", nil, err
	}
	if cr.err != nil {
		return "", nil, cr.err
	}
	return template.HTML(buf.String()), toc, nil
}

func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		if t, ok := c.(*ast.String); ok && entering {
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// codeRenderer renders fenced code blocks: the n-th fence of the document is
// the n-th block found by scanBlocks.
type codeRenderer struct {
	lesson *Lesson
	blocks []*block
	next   int
	err    error
}

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderFence)
}

func (r *codeRenderer) renderFence(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	if r.lesson == nil {
		lang := ""
		if n.Info != nil {
			lang = strings.Fields(string(n.Info.Segment.Value(src)) + " x")[0]
		}
		w.WriteString(highlight(code.String(), lang))
		return ast.WalkSkipChildren, nil
	}
	if r.next >= len(r.blocks) {
		r.err = fmt.Errorf("internal: more code blocks than expected")
		return ast.WalkSkipChildren, nil
	}
	b := r.blocks[r.next]
	r.next++
	switch b.role {
	case "":
		w.WriteString(highlight(code.String(), b.lang))
	case "run", "exercise":
		if !b.ignore {
			w.WriteString(r.example(r.lesson.Example(b.attrs["id"])))
		}
	case "predict":
		w.WriteString(predictHTML(b))
	}
	// stdin, hosts, expect, hint and solution blocks are part of their example's data
	return ast.WalkSkipChildren, nil
}

var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.TabWidth(4))

// highlight renders code with chroma's classes (the CSS comes from ChromaCSS).
func highlight(code, lang string) string {
	lexer := lexers.Get(lang)
	if lexer == nil || lang == "" || lang == "text" || lang == "output" {
		return `<pre class="chroma"><code>` + html.EscapeString(code) + "</code></pre>\n"
	}
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		return `<pre class="chroma"><code>` + html.EscapeString(code) + "</code></pre>\n"
	}
	var buf bytes.Buffer
	if err := formatter.Format(&buf, styles.Get("github"), it); err != nil {
		return `<pre class="chroma"><code>` + html.EscapeString(code) + "</code></pre>\n"
	}
	return buf.String()
}

// exampleData is the JSON the browser code reads from script.example-data.
type exampleData struct {
	Files    []File            `json:"files"`
	Expect   *Expect           `json:"expect,omitempty"`
	Hints    []template.HTML   `json:"hints,omitempty"`
	Solution string            `json:"solution,omitempty"`
	Hosts    []string          `json:"hosts,omitempty"`
	Golden   map[string]Golden `json:"golden,omitempty"`
}

func (r *codeRenderer) example(e *Example) string {
	data := exampleData{Files: e.Files, Expect: e.Expect, Hints: e.Hints, Solution: e.Solution, Hosts: e.Hosts}
	js, _ := json.Marshal(data)
	// inside <script>, "</" must not appear literally
	jsText := strings.ReplaceAll(string(js), "</", `<\/`)
	var b strings.Builder
	fmt.Fprintf(&b, `<section class="example" id="ex-%s" data-example="%s" data-kind="%s"`, html.EscapeString(e.ID), html.EscapeString(e.ID), e.Kind)
	if e.Compare != "" {
		fmt.Fprintf(&b, ` data-compare="%s"`, html.EscapeString(e.Compare))
	}
	b.WriteString(">\n")
	fmt.Fprintf(&b, "<script type=\"application/json\" class=\"example-data\">%s</script>\n", jsText)
	b.WriteString(`<div class="example-static">`)
	for _, f := range e.Files {
		if len(e.Files) > 1 {
			fmt.Fprintf(&b, `<p class="example-file">%s</p>`, html.EscapeString(f.Name))
		}
		b.WriteString(highlight(f.Source, "python"))
	}
	b.WriteString("</div>\n</section>\n")
	return b.String()
}

// isChoice tells whether a trimmed line of a predict block is a choice ("1. ...").
func isChoice(t string) bool {
	return len(t) > 2 && t[0] >= '0' && t[0] <= '9' && strings.Contains(t[:min(4, len(t))], ".")
}

// predictChoices returns the choices of a predict block, in order.
func predictChoices(text string) []string {
	var choices []string
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		if t := strings.TrimSpace(l); isChoice(t) {
			_, rest, _ := strings.Cut(t, ".")
			choices = append(choices, strings.TrimSpace(rest))
		}
	}
	return choices
}

// predictHTML renders a "predict the output" question.
func predictHTML(b *block) string {
	lines := strings.Split(strings.TrimSpace(b.text), "\n")
	var s strings.Builder
	fmt.Fprintf(&s, `<section class="predict" id="predict-%s" data-example="%s" data-answer="%s">`,
		html.EscapeString(b.attrs["id"]), html.EscapeString(b.attrs["example"]), html.EscapeString(b.attrs["answer"]))
	var question []string
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && !isChoice(t) {
			question = append(question, t)
		} else if isChoice(t) {
			break
		}
	}
	choices := predictChoices(b.text)
	q, _ := markdownHTML(strings.Join(question, " "))
	fmt.Fprintf(&s, `<div class="predict-question">%s</div><ol class="predict-choices">`, q)
	for _, c := range choices {
		h, _ := markdownHTML(c)
		inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(string(h)), "<p>"), "</p>")
		fmt.Fprintf(&s, "<li>%s</li>", inner)
	}
	s.WriteString("</ol></section>\n")
	return s.String()
}

// ChromaCSS is the stylesheet for highlighted code: a light style, and a dark
// one for the dark theme (and for the system's dark mode under the auto theme).
func ChromaCSS() string {
	var light, dark bytes.Buffer
	formatter.WriteCSS(&light, styles.Get("github"))
	formatter.WriteCSS(&dark, styles.Get("github-dark"))
	var out strings.Builder
	out.WriteString("/* code highlighting: generated from chroma's github and github-dark styles */\n")
	out.WriteString(light.String())
	scoped := func(prefix string) string {
		var b strings.Builder
		for _, line := range strings.Split(dark.String(), "\n") {
			if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "/*") && strings.Contains(line, "*/ .") {
				if i := strings.Index(line, "*/ ."); i >= 0 {
					line = line[:i+3] + prefix + line[i+3:]
				} else {
					line = prefix + line
				}
			}
			b.WriteString(line + "\n")
		}
		return b.String()
	}
	out.WriteString(scoped(`html[data-theme="dark"] `))
	out.WriteString("@media (prefers-color-scheme: dark) {\n")
	out.WriteString(scoped(`html[data-theme="auto"] `))
	out.WriteString("}\n")
	return out.String()
}
