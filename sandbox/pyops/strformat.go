// This file defines str.format's parsing: literal text and replacement fields, with automatic
// and manual numbering, conversions and nested fields in specs.

package pyops

import (
	"strconv"
	"strings"
)

// FieldAccessor is one step after a field's first name: .attr or [key].
type FieldAccessor struct {
	Attr    string // set for .attr
	Key     string // set for [key]
	IsIndex bool   // [key] where key is all digits: Index holds its value
	Index   int
}

// FieldRef names the value a replacement field wants: a positional argument (Keyword ""),
// or a keyword argument, followed by accessors.
type FieldRef struct {
	Position  int
	Keyword   string
	Accessors []FieldAccessor
}

// FieldFormatter resolves a field, applies its conversion ('s', 'r', 'a' or 0) and formats
// it with spec (its nested fields already expanded). Its errors pass through unchanged.
type FieldFormatter func(ref FieldRef, conversion byte, spec string) (string, *Error)

// FormatString returns format.format(...) given a FieldFormatter that owns the arguments.
func FormatString(format string, fieldFormatter FieldFormatter) (string, *Error) {
	auto := 0 // next automatic number; -1 once manual numbering is used
	mode := 0 // 0 unknown, 1 automatic, 2 manual
	return expandFormat(format, fieldFormatter, &auto, &mode, 2)
}

func expandFormat(format string, ff FieldFormatter, auto, mode *int, depth int) (string, *Error) {
	if depth <= 0 {
		return "", newError("ValueError", "Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(format); {
		c := format[i]
		if c == '}' {
			if i+1 < len(format) && format[i+1] == '}' {
				b.WriteByte('}')
				i += 2
				continue
			}
			return "", newError("ValueError", "Single '}' encountered in format string")
		}
		if c != '{' {
			j := strings.IndexAny(format[i:], "{}")
			if j < 0 {
				j = len(format) - i
			}
			b.WriteString(format[i : i+j])
			i += j
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			b.WriteByte('{')
			i += 2
			continue
		}
		if i+1 == len(format) {
			return "", newError("ValueError", "Single '{' encountered in format string")
		}
		// Find the field's end as CPython scans it: in the name, brackets are skipped and '{'
		// is an error; '!' takes the next character as the conversion; in the spec, braces nest.
		j, level, inName, done := i+1, 1, true, false
		for ; j < len(format) && !done; j++ {
			c := format[j]
			switch {
			case inName && c == '[':
				for j < len(format) && format[j] != ']' {
					j++
				}
			case inName && c == '{':
				return "", newError("ValueError", "unexpected '{' in field name")
			case inName && c == '!':
				inName = false
				j++
			case inName && c == ':':
				inName = false
			case c == '{':
				level++
			case c == '}':
				if level--; level == 0 {
					done = true
					j--
				}
			}
		}
		if !done {
			if inName {
				return "", newError("ValueError", "expected '}' before end of string")
			}
			return "", newError("ValueError", "unmatched '{' in format spec")
		}
		s, err := formatField(format[i+1:j], ff, auto, mode, depth)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		i = j + 1
	}
	return b.String(), nil
}

func formatField(field string, ff FieldFormatter, auto, mode *int, depth int) (string, *Error) {
	// The field name runs to the first ':' or '!' outside brackets.
	k := 0
	for ; k < len(field); k++ {
		c := field[k]
		if c == '{' {
			return "", newError("ValueError", "unexpected '{' in field name")
		}
		if c == '[' {
			for k < len(field) && field[k] != ']' {
				k++
			}
			if k == len(field) {
				break
			}
			continue
		}
		if c == ':' || c == '!' {
			break
		}
	}
	name, rest := field[:k], field[k:]
	var conversion byte
	if strings.HasPrefix(rest, "!") {
		if len(rest) < 2 {
			return "", newError("ValueError", "end of string while looking for conversion specifier")
		}
		conversion = rest[1]
		rest = rest[2:]
		if rest != "" && rest[0] != ':' {
			return "", newError("ValueError", "expected ':' after conversion specifier")
		}
	}
	spec := strings.TrimPrefix(rest, ":")
	ref, err := parseFieldName(name, auto, mode)
	if err != nil {
		return "", err
	}
	switch conversion {
	case 0, 's', 'r', 'a':
	default:
		return "", newError("ValueError", "Unknown conversion specifier "+string(rune(conversion)))
	}
	if strings.ContainsAny(spec, "{}") {
		if spec, err = expandFormat(spec, ff, auto, mode, depth-1); err != nil {
			return "", err
		}
	}
	return ff(ref, conversion, spec)
}

func parseFieldName(name string, auto, mode *int) (FieldRef, *Error) {
	end := strings.IndexAny(name, ".[")
	if end < 0 {
		end = len(name)
	}
	first, rest := name[:end], name[end:]
	var ref FieldRef
	if first == "" {
		if *mode == 2 {
			return ref, newError("ValueError", "cannot switch from manual field specification to automatic field numbering")
		}
		*mode = 1
		ref.Position = *auto
		*auto++
	} else if n, err := strconv.Atoi(first); err == nil && isAllDigits(first) {
		if *mode == 1 {
			return ref, newError("ValueError", "cannot switch from automatic field numbering to manual field specification")
		}
		*mode = 2
		ref.Position = n
	} else {
		ref.Keyword = first
	}
	for rest != "" {
		switch rest[0] {
		case '.':
			e := strings.IndexAny(rest[1:], ".[")
			if e < 0 {
				e = len(rest) - 1
			}
			attr := rest[1 : 1+e]
			if attr == "" {
				return ref, newError("ValueError", "Empty attribute in format string")
			}
			ref.Accessors = append(ref.Accessors, FieldAccessor{Attr: attr})
			rest = rest[1+e:]
		case '[':
			e := strings.IndexByte(rest, ']')
			if e < 0 {
				return ref, newError("ValueError", "Missing ']' in format string")
			}
			key := rest[1:e]
			if key == "" {
				return ref, newError("ValueError", "Empty attribute in format string")
			}
			acc := FieldAccessor{Key: key}
			if n, err := strconv.Atoi(key); err == nil && isAllDigits(key) {
				acc.IsIndex, acc.Index = true, n
			}
			ref.Accessors = append(ref.Accessors, acc)
			rest = rest[e+1:]
			if rest != "" && rest[0] != '.' && rest[0] != '[' {
				return ref, newError("ValueError", "Only '.' or '[' may follow ']' in format field specifier")
			}
		}
	}
	return ref, nil
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
