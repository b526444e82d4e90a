package syntax

// This file defines the scanner: source text to tokens, with INDENT and DEDENT
// computed from leading whitespace and newlines ignored inside brackets.

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind int

const (
	tEOF tokKind = iota
	tNewline
	tIndent
	tDedent
	tName
	tInt
	tFloat
	tString  // value in tok.str (bytes flagged by tok.bytes)
	tFString // raw body in tok.str, parsed by the parser
	tOp
)

type token struct {
	kind   tokKind
	text   string // operator or name text
	str    string
	bytes  bool
	raw    bool
	num    any // int64, *big.Int or float64
	pos    Pos
	endCol int
	// endLine is the line the token ends on (a triple-quoted string may
	// span lines); endCol is a column of that line.
	endLine int
}

// maxNesting bounds bracket nesting, as CPython's parser does.
const maxNesting = 200

type scanner struct {
	src     []rune
	lines   []string
	i       int
	line    int
	col     int
	indents []int
	// altIndents holds the same levels measured with tabs as one column:
	// when the two measures disagree, tabs and spaces are mixed ambiguously.
	altIndents []int
	depth      []rune // open brackets
	depthAt    []Pos
	pending    []token
	atBOL      bool
	toks       []token
	// nonASCIIBytes: a bytes literal just scanned holds a non-ASCII
	// character; the error is raised at the next token (see emit).
	// comment is where the current line's comment starts (-1: none).
	nonASCIIBytes bool
	comment       int
}

// Error is a SyntaxError (or IndentationError) with its position.
type Error struct {
	Kind string // "SyntaxError", "IndentationError" or "TabError"
	Msg  string
	Line int // 1-based
	Col  int // 0-based column of the caret
	End  int // 0-based column just past the caret run (0: one caret)
	Text string
	// NoCaret leaves out the caret line, as CPython does for an unexpected
	// indent.
	NoCaret bool
	// AtEnd marks an error at the end of the input: the last line is shown
	// even when it is empty, with no caret.
	AtEnd bool
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s (line %d)", e.Kind, e.Msg, e.Line) }

// Format renders the error as CPython prints an uncaught SyntaxError.
func (e *Error) Format(filename string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  File \"%s\", line %d\n", filename, e.Line)
	if e.Text != "" || e.AtEnd {
		text := strings.TrimRight(e.Text, "\r\n")
		trimmed := strings.TrimLeft(text, " \t\f")
		cut := utf8.RuneCountInString(text) - utf8.RuneCountInString(trimmed)
		fmt.Fprintf(&b, "    %s\n", trimmed)
		if e.Kind == "TabError" || e.NoCaret || e.AtEnd {
			// CPython prints no caret for a TabError.
			fmt.Fprintf(&b, "%s: %s\n", e.Kind, e.Msg)
			return b.String()
		}
		col := e.Col - cut
		if col < 0 {
			col = 0
		}
		n := 1
		if e.End > e.Col {
			n = e.End - e.Col
		}
		fmt.Fprintf(&b, "    %s%s\n", strings.Repeat(" ", col), strings.Repeat("^", n))
	}
	fmt.Fprintf(&b, "%s: %s\n", e.Kind, e.Msg)
	return b.String()
}

func (s *scanner) errAt(kind string, p Pos, endCol int, format string, args ...any) {
	text := ""
	if p.Line >= 1 && p.Line <= len(s.lines) {
		text = s.lines[p.Line-1]
	}
	panic(&Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Line: p.Line, Col: p.Col, End: endCol, Text: text})
}

func (s *scanner) peekr(k int) rune {
	if s.i+k < len(s.src) {
		return s.src[s.i+k]
	}
	return 0
}

func (s *scanner) advance() rune {
	r := s.src[s.i]
	s.i++
	if r == '\n' {
		s.line++
		s.col = 0
	} else {
		s.col++
	}
	return r
}

func (s *scanner) emit(t token) {
	t.endLine = s.line
	if s.nonASCIIBytes && t.kind != tString {
		s.bytesError(t)
	}
	s.toks = append(s.toks, t)
}

// bytesError raises CPython's error for a bytes literal with a non-ASCII
// character. CPython marks the token after the literal (a newline token
// covers the line's comment), and it counts that token's columns in bytes
// of UTF-8 where the display counts characters: so does this, to put the
// caret where CPython does.
func (s *scanner) bytesError(next token) {
	start, end := next.pos.Col, next.endCol
	if next.kind == tNewline && s.comment >= 0 {
		start, end = s.comment, next.pos.Col
	}
	line := ""
	if next.pos.Line >= 1 && next.pos.Line <= len(s.lines) {
		line = s.lines[next.pos.Line-1]
	}
	inBytes := func(col int) int {
		r := []rune(line)
		if col > len(r) {
			return len(string(r)) + col - len(r)
		}
		return len(string(r[:col]))
	}
	e := &Error{Kind: "SyntaxError", Msg: "bytes can only contain ASCII literal characters", Line: next.pos.Line, Col: inBytes(start), Text: line}
	if end > start+1 {
		e.End = inBytes(end)
	}
	panic(e)
}

// scan tokenizes the whole source.
func (s *scanner) scan() {
	s.line, s.atBOL, s.indents, s.altIndents, s.comment = 1, true, []int{0}, []int{0}, -1
	for {
		if s.atBOL && len(s.depth) == 0 {
			s.atBOL = false
			if s.indentation() {
				continue
			}
		}
		if s.i >= len(s.src) {
			break
		}
		r := s.peekr(0)
		p := Pos{s.line, s.col}
		switch {
		case r == '\n':
			s.advance()
			if len(s.depth) == 0 {
				s.emit(token{kind: tNewline, pos: p})
				s.atBOL = true
			}
			s.comment = -1
		case r == ' ' || r == '\t' || r == '\f' || r == '\r':
			s.advance()
		case r == '#':
			s.comment = s.col
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.advance()
			}
		case r == '\\' && s.peekr(1) == '\n':
			s.advance()
			s.advance()
		case r == '\\' && s.peekr(1) == '\r' && s.peekr(2) == '\n':
			s.advance()
			s.advance()
			s.advance()
		case r == '\\' && s.i+1 < len(s.src):
			s.errAt("SyntaxError", Pos{s.line, s.col + 1}, 0, "unexpected character after line continuation character")
		case isIdentStart(r):
			s.nameOrString(p)
		case r >= '0' && r <= '9' || r == '.' && isDigit(s.peekr(1)):
			s.number(p)
		case r == '"' || r == '\'':
			s.str(p, "")
		default:
			s.operator(p)
		}
	}
	if len(s.depth) > 0 {
		open := s.depthAt[len(s.depthAt)-1]
		s.errAt("SyntaxError", open, 0, "'%c' was never closed", s.depth[len(s.depth)-1])
	}
	if n := len(s.toks); n > 0 && s.toks[n-1].kind != tNewline && s.toks[n-1].kind != tDedent {
		s.emit(token{kind: tNewline, pos: Pos{s.line, s.col}})
	}
	for len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.emit(token{kind: tDedent, pos: Pos{s.line, 0}})
	}
	s.emit(token{kind: tEOF, pos: Pos{s.line, s.col}})
}

// indentation measures a logical line's indentation and emits INDENT/DEDENT.
// It reports true when the line was blank or a comment (nothing emitted).
func (s *scanner) indentation() bool {
	width, alt, start := 0, 0, s.i
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ':
			width++
			alt++
		case '\t':
			width = (width/8 + 1) * 8
			alt++
		case '\f':
			width, alt = 0, 0
		default:
			goto done
		}
		s.advance()
	}
done:
	_ = start
	if s.i >= len(s.src) {
		return false
	}
	switch s.src[s.i] {
	case '\n', '#', '\r':
		// blank line or comment: no indentation change
		for s.i < len(s.src) && s.src[s.i] != '\n' {
			s.advance()
		}
		if s.i < len(s.src) {
			s.advance()
		}
		s.atBOL = true
		return true
	case '\\':
		return false
	}
	cur := s.indents[len(s.indents)-1]
	p := Pos{s.line, s.col}
	tabError := func() {
		s.errAt("TabError", p, 0, "inconsistent use of tabs and spaces in indentation")
	}
	if width > cur {
		if len(s.indents) >= 100 {
			s.errAt("IndentationError", p, 0, "too many levels of indentation")
		}
		if alt <= s.altIndents[len(s.altIndents)-1] {
			tabError()
		}
		s.indents = append(s.indents, width)
		s.altIndents = append(s.altIndents, alt)
		s.emit(token{kind: tIndent, pos: p})
		return false
	}
	for width < s.indents[len(s.indents)-1] {
		s.indents = s.indents[:len(s.indents)-1]
		s.altIndents = s.altIndents[:len(s.altIndents)-1]
		if width > s.indents[len(s.indents)-1] {
			// CPython puts the caret past the end of the line
			line := strings.TrimRight(s.lines[s.line-1], "\r\n")
			s.errAt("IndentationError", Pos{s.line, utf8.RuneCountInString(line)}, 0, "unindent does not match any outer indentation level")
		}
		s.emit(token{kind: tDedent, pos: p})
	}
	if alt != s.altIndents[len(s.altIndents)-1] {
		tabError()
	}
	return false
}

func isIdentStart(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && unicode.IsLetter(r)
}

func isIdentChar(r rune) bool { return isIdentStart(r) || isDigit(r) || r > 127 && unicode.IsDigit(r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func (s *scanner) nameOrString(p Pos) {
	start := s.i
	for s.i < len(s.src) && isIdentChar(s.src[s.i]) {
		s.advance()
	}
	word := string(s.src[start:s.i])
	if q := s.peekr(0); (q == '"' || q == '\'') && len(word) <= 2 {
		lw := strings.ToLower(word)
		switch lw {
		case "r", "b", "f", "u", "rb", "br", "fr", "rf":
			s.str(p, lw)
			return
		}
	}
	s.emit(token{kind: tName, text: word, pos: p, endCol: s.col})
}

func (s *scanner) number(p Pos) {
	start := s.i
	isFloat := false
	if s.peekr(0) == '0' && strings.ContainsRune("xXoObB", s.peekr(1)) {
		s.advance()
		s.prefixedDigits()
	} else {
		for s.i < len(s.src) {
			r := s.src[s.i]
			if isDigit(r) {
				s.advance()
			} else if r == '_' {
				if !isDigit(s.peekr(1)) {
					// an underscore goes between digits
					s.errAt("SyntaxError", Pos{s.line, s.col}, 0, "invalid decimal literal")
				}
				s.advance()
			} else if r == '.' && !isFloat {
				isFloat = true
				s.advance()
			} else if (r == 'e' || r == 'E') && (isDigit(s.peekr(1)) || (s.peekr(1) == '+' || s.peekr(1) == '-') && isDigit(s.peekr(2))) {
				isFloat = true
				s.advance()
				s.advance()
			} else {
				break
			}
		}
	}
	text := string(s.src[start:s.i])
	if r := s.peekr(0); r == 'j' || r == 'J' {
		s.errAt("SyntaxError", p, 0, "complex numbers are not supported here")
	}
	if r := s.peekr(0); isIdentStart(r) {
		s.errAt("SyntaxError", p, 0, "invalid decimal literal")
	}
	clean := strings.ReplaceAll(text, "_", "")
	if isFloat {
		f, err := strconv.ParseFloat(clean, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			s.errAt("SyntaxError", p, 0, "invalid decimal literal")
		}
		s.emit(token{kind: tFloat, num: f, pos: p, endCol: s.col})
		return
	}
	if len(clean) > 1 && clean[0] == '0' && isDigit(rune(clean[1])) && strings.Trim(clean, "0") != "" {
		s.errAt("SyntaxError", p, 0, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
	}
	n := new(big.Int)
	if _, ok := n.SetString(clean, 0); !ok {
		s.errAt("SyntaxError", p, 0, "invalid decimal literal")
	}
	var v any = n
	if n.IsInt64() {
		v = n.Int64()
	}
	s.emit(token{kind: tInt, num: v, pos: p, endCol: s.col})
}

// prefixedDigits reads the digits of a 0x, 0o or 0b literal (at its letter),
// failing with CPython's messages: an invalid digit is marked itself, a
// literal that ends wrong is marked at its last character.
func (s *scanner) prefixedDigits() {
	base, name := 16, "hexadecimal"
	switch s.peekr(0) {
	case 'o', 'O':
		base, name = 8, "octal"
	case 'b', 'B':
		base, name = 2, "binary"
	}
	s.advance()
	fits := func(r rune) bool {
		switch base {
		case 2:
			return r == '0' || r == '1'
		case 8:
			return r >= '0' && r <= '7'
		}
		return isHex(r)
	}
	digits := 0
	for {
		r := s.peekr(0)
		switch {
		case r == '_':
			s.advance()
			if !fits(s.peekr(0)) {
				s.errAt("SyntaxError", Pos{s.line, s.col - 1}, 0, "invalid %s literal", name)
			}
		case fits(r):
			s.advance()
			digits++
		case isDigit(r):
			s.errAt("SyntaxError", Pos{s.line, s.col}, 0, "invalid digit '%c' in %s literal", r, name)
		default:
			if digits == 0 || isIdentStart(r) {
				s.errAt("SyntaxError", Pos{s.line, s.col - 1}, 0, "invalid %s literal", name)
			}
			return
		}
	}
}

func isHex(r rune) bool {
	return isDigit(r) || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

// str scans a string literal whose prefix (lower case) has been consumed.
func (s *scanner) str(p Pos, prefix string) {
	q := s.advance()
	triple := false
	if s.peekr(0) == q && s.peekr(1) == q {
		s.advance()
		s.advance()
		triple = true
	}
	var body []rune
	for {
		if s.i >= len(s.src) {
			if triple {
				at := s.line
				if s.col == 0 && at > 1 {
					at-- // the final newline does not start a line of its own
				}
				s.errAt("SyntaxError", p, 0, "unterminated triple-quoted string literal (detected at line %d)", at)
			}
			s.errAt("SyntaxError", p, 0, "unterminated string literal (detected at line %d)", p.Line)
		}
		r := s.peekr(0)
		if r == '\n' && !triple {
			s.errAt("SyntaxError", p, 0, "unterminated string literal (detected at line %d)", p.Line)
		}
		if r == q {
			if !triple {
				s.advance()
				break
			}
			if s.peekr(1) == q && s.peekr(2) == q {
				s.advance()
				s.advance()
				s.advance()
				break
			}
		}
		if r == '\\' && s.i+1 < len(s.src) {
			body = append(body, s.advance(), s.advance())
			continue
		}
		body = append(body, s.advance())
	}
	raw := strings.ContainsRune(prefix, 'r')
	if strings.ContainsRune(prefix, 'f') {
		s.emit(token{kind: tFString, str: string(body), raw: raw, pos: p, endCol: s.col})
		return
	}
	isBytes := strings.ContainsRune(prefix, 'b')
	if isBytes {
		for _, c := range body {
			if c > 0x7f {
				s.nonASCIIBytes = true // raised at the next token, as CPython does
			}
		}
	}
	val := string(body)
	if !raw {
		val = s.unescape(body, isBytes, p)
	}
	// adjacent literals concatenate
	if n := len(s.toks); n > 0 && s.toks[n-1].kind == tString && s.toks[n-1].bytes == isBytes {
		prev := &s.toks[n-1]
		prev.str += val
		prev.endCol, prev.endLine = s.col, s.line
		return
	}
	s.emit(token{kind: tString, str: val, bytes: isBytes, pos: p, endCol: s.col})
}

// unescape interprets backslash escapes; for bytes each result rune is a byte.
func (s *scanner) unescape(body []rune, isBytes bool, p Pos) string {
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		r := body[i]
		if r != '\\' || i+1 >= len(body) {
			b.WriteRune(r)
			continue
		}
		i++
		switch c := body[i]; c {
		case '\n':
		case '\\', '\'', '"':
			b.WriteRune(c)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 'f':
			b.WriteByte(12)
		case 'v':
			b.WriteByte(11)
		case 'x', 'u', 'U':
			n := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c]
			if isBytes && c != 'x' {
				b.WriteRune('\\')
				b.WriteRune(c)
				continue
			}
			if i+n >= len(body)+0 && i+n > len(body)-1+1 {
				s.errAt("SyntaxError", p, 0, "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\%cXX escape", c)
			}
			v, err := strconv.ParseUint(string(body[i+1:min(i+1+n, len(body))]), 16, 32)
			if err != nil || i+n >= len(body)+1 {
				s.errAt("SyntaxError", p, 0, "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\%cXX escape", c)
			}
			i += n
			if isBytes {
				b.WriteRune(rune(v)) // a byte value, kept as one rune
			} else {
				b.WriteRune(rune(v))
			}
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(string(body[i:j]), 8, 32)
			b.WriteRune(rune(v))
			i = j - 1
		default:
			b.WriteRune('\\')
			b.WriteRune(c)
		}
	}
	return b.String()
}

var operators = []string{
	"**=", "//=", ">>=", "<<=", "...", "->", ":=",
	"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
	"+", "-", "*", "/", "%", "@", "<", ">", "=", ".", ",", ":", ";", "(", ")", "[", "]", "{", "}", "&", "|", "^", "~",
}

func (s *scanner) operator(p Pos) {
	for _, op := range operators {
		if s.hasPrefix(op) {
			for range op {
				s.advance()
			}
			switch op {
			case "(", "[", "{":
				if len(s.depth) >= maxNesting {
					s.errAt("SyntaxError", p, 0, "too many nested parentheses")
				}
				s.depth = append(s.depth, rune(op[0]))
				s.depthAt = append(s.depthAt, p)
			case ")", "]", "}":
				if len(s.depth) == 0 {
					s.errAt("SyntaxError", p, 0, "unmatched '%s'", op)
				}
				open := s.depth[len(s.depth)-1]
				want := map[rune]string{'(': ")", '[': "]", '{': "}"}[open]
				if want != op {
					at := s.depthAt[len(s.depthAt)-1]
					if at.Line != p.Line {
						s.errAt("SyntaxError", p, 0, "closing parenthesis '%s' does not match opening parenthesis '%c' on line %d", op, open, at.Line)
					}
					s.errAt("SyntaxError", p, 0, "closing parenthesis '%s' does not match opening parenthesis '%c'", op, open)
				}
				s.depth = s.depth[:len(s.depth)-1]
				s.depthAt = s.depthAt[:len(s.depthAt)-1]
			}
			s.emit(token{kind: tOp, text: op, pos: p, endCol: s.col})
			return
		}
	}
	r := s.peekr(0)
	if r == '!' {
		s.errAt("SyntaxError", p, 0, "invalid syntax")
	}
	if r > 127 {
		s.errAt("SyntaxError", p, 0, "invalid character '%c' (U+%04X)", r, r)
	}
	s.errAt("SyntaxError", p, 0, "invalid syntax")
}

func (s *scanner) hasPrefix(op string) bool {
	for k, c := range op {
		if s.peekr(k) != c {
			return false
		}
	}
	return true
}
