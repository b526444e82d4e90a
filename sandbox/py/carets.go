package py

// This file defines the markers CPython 3.11 prints under a traceback's
// source line: ^ under the range of the expression that failed, or, when
// that expression is a binary operation or a subscript on one line, ~ under
// it with ^ under the operator or the brackets.

import (
	"strings"

	"coroutinetour/sandbox/compile"
	"coroutinetour/sandbox/syntax"
)

// tbStyle is how a traceback's source lines are printed. CPython has two
// printers that differ in small ways: the interpreter's own, for an uncaught
// exception (it keeps trailing whitespace), and the traceback module's, which
// gevent uses for its reports (it strips the line, and its carets then shift
// left by the trailing whitespace).
type tbStyle int

const (
	tbInterpreter tbStyle = iota
	tbModule
)

// isTraceSpace reports the characters CPython strips from traceback lines.
func isTraceSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\f' }

// sourceLineText is a source line as the printer shows it, after four
// spaces: without its indentation, and (traceback module) trailing space.
func sourceLineText(line string, style tbStyle) string {
	if style == tbModule {
		return strings.TrimSpace(line)
	}
	return strings.TrimLeftFunc(line, isTraceSpace)
}

// caretLine is the marker line for an instruction at pos on line (the
// original source line, indentation included), or "" when CPython prints
// none: the range is unknown, or covers the whole line.
func caretLine(line string, lineno int, pos compile.Position, style tbStyle) string {
	if pos.Col < 0 || int(pos.Line) != lineno || pos.EndLine < pos.Line {
		return ""
	}
	runes := []rune(line)
	start, end := int(pos.Col), int(pos.EndCol)
	if start > len(runes) {
		return ""
	}
	leading := 0
	for leading < len(runes) && isTraceSpace(runes[leading]) {
		leading++
	}
	left, right := -1, -1 // the secondary range [left, right), when anchored
	if pos.EndLine == pos.Line {
		// an end one past the text is the newline, which CPython's line
		// still has (only a reloaded gevent traceback reaches it)
		if end > len(runes)+1 || end < start {
			return ""
		}
		if l, r, ok := caretAnchors(string(runes[start:min(end, len(runes))])); ok {
			left, right = start+l, start+r
		}
	} else {
		// a range over several lines is marked to the end of this one
		end = len([]rune(strings.TrimRightFunc(line, isTraceSpace)))
	}
	indent := leading // the columns before the printed text
	shown := len(runes) - leading
	if style == tbModule {
		stripped := []rune(strings.TrimSpace(line))
		trailing := len(runes) - leading - len(stripped)
		// the module measures from a line that still has its newline, so
		// its carets move left by the trailing whitespace
		indent, shown = leading+trailing, len(stripped)
		if pos.EndLine != pos.Line {
			end = indent + len(stripped)
		}
	}
	// nothing to point at when the range is the whole line (the module also
	// when it is longer)
	if left < 0 && (end-start == shown || style == tbModule && end-start > shown) {
		return ""
	}
	var b strings.Builder
	b.WriteString("    ")
	from := indent
	if start < indent {
		// only a reloaded gevent traceback starts in the indentation: the
		// module still writes every caret after its four spaces; the
		// interpreter's printer moves them left, into its margin
		from = start
		if style != tbModule {
			from = max(start, indent-4)
			b.Reset()
			b.WriteString(strings.Repeat(" ", 4-(indent-from)))
		}
	}
	for k := from; k < end; k++ {
		switch {
		case k < start:
			b.WriteByte(' ')
		case left >= 0 && k >= left && k < right:
			b.WriteByte('^')
		case left >= 0:
			b.WriteByte('~')
		default:
			b.WriteByte('^')
		}
	}
	return b.String()
}

// caretAnchors finds, as CPython does by parsing the failing expression's
// text on its own, the operator of a binary operation or the bracketed part
// of a subscript: the secondary range [left, right) in segment's characters.
func caretAnchors(segment string) (left, right int, ok bool) {
	f, err := syntax.Parse("<segment>", segment)
	if err != nil || len(f.Body) != 1 {
		return 0, 0, false
	}
	st, isExpr := f.Body[0].(*syntax.ExprStmt)
	if !isExpr {
		return 0, 0, false
	}
	runes := []rune(segment)
	switch e := st.X.(type) {
	case *syntax.BinOp:
		l, lok := f.Spans[e.X]
		r, rok := f.Spans[e.Y]
		if !lok || !rok || l.End.Line != 1 || r.Start.Line != 1 {
			return 0, 0, false
		}
		for i := l.End.Col; i < r.Start.Col && i < len(runes); i++ {
			if isTraceSpace(runes[i]) {
				continue
			}
			left, right = i, i+1
			if i+1 < r.Start.Col && !isTraceSpace(runes[i+1]) {
				right++ // a two-character operator
			}
			return left, right, true
		}
	case *syntax.Subscript:
		v, vok := f.Spans[e.X]
		s, sok := f.Spans[e.Index]
		if !vok || !sok || v.End.Line != 1 || s.End.Line != 1 {
			return 0, 0, false
		}
		return v.End.Col, s.End.Col + 1, true
	}
	return 0, 0, false
}
