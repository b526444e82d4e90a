package py

// This file defines bytearray (a mutable bytes) and the text codecs of
// str.encode and bytes.decode: utf-8, ascii and latin-1, with the strict,
// replace and ignore error handlers.

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ByteArray is a Python bytearray.
type ByteArray struct {
	B []byte
}

// PyTypeName is the type name CPython's messages use.
func (*ByteArray) PyTypeName() string { return "bytearray" }

// PyRepr is bytearray(b'...').
func (b *ByteArray) PyRepr(th *Thread) string { return "bytearray(" + bytesRepr(Bytes(b.B)) + ")" }

// ByteArrayClass is the bytearray type.
var ByteArrayClass = builtinType("bytearray")

func init() {
	builtinConstructors["bytearray"] = func(th *Thread, c *Class, args []Value, kw *Kwargs) (Value, error) {
		if len(args) == 0 {
			return &ByteArray{}, nil
		}
		if s, ok := args[0].(string); ok {
			enc := "utf-8"
			if len(args) > 1 {
				enc, _ = args[1].(string)
			} else if v, ok := kw.Get("encoding"); ok {
				enc, _ = v.(string)
			}
			b, err := th.encode(s, enc, "strict")
			if err != nil {
				return nil, err
			}
			return &ByteArray{B: []byte(b)}, nil
		}
		v, err := builtinConstructors["bytes"](th, BytesClass, args, kw)
		if err != nil {
			return nil, err
		}
		return &ByteArray{B: []byte(v.(Bytes))}, nil
	}
}

// bytearrayMethods are bytearray's methods (registered with the other types' in methods.go).
func bytearrayMethods() map[string]method {
	return map[string]method{
		"append": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			n, ok := a[1].(int)
			if !ok || n < 0 || n > 255 {
				return nil, th.valueError("byte must be in range(0, 256)")
			}
			ba := a[0].(*ByteArray)
			ba.B = append(ba.B, byte(n))
			return None, nil
		},
		"extend": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			b, err := th.bytesOf(a[1])
			if err != nil {
				return nil, err
			}
			ba := a[0].(*ByteArray)
			ba.B = append(ba.B, b...)
			return None, th.alloc(int64(len(b)))
		},
		"decode": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return th.decodeArgs(string(a[0].(*ByteArray).B), a[1:], kw)
		},
		"clear": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			a[0].(*ByteArray).B = nil
			return None, nil
		},
		"copy": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return &ByteArray{B: append([]byte(nil), a[0].(*ByteArray).B...)}, nil
		},
		"hex": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			return fmt.Sprintf("%x", a[0].(*ByteArray).B), nil
		},
		"pop": func(th *Thread, a []Value, kw *Kwargs) (Value, error) {
			ba := a[0].(*ByteArray)
			if len(ba.B) == 0 {
				return nil, th.newErr(IndexError, "pop from empty bytearray")
			}
			v := ba.B[len(ba.B)-1]
			ba.B = ba.B[:len(ba.B)-1]
			return int(v), nil
		},
	}
}

// bytesOf converts a bytes-like value (bytes, bytearray, or an iterable of ints).
func (th *Thread) bytesOf(v Value) ([]byte, error) {
	switch b := v.(type) {
	case Bytes:
		return []byte(b), nil
	case *ByteArray:
		return append([]byte(nil), b.B...), nil
	case string:
		return nil, th.typeError("a bytes-like object is required, not 'str'")
	}
	items, err := th.iterate(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(items))
	for i, x := range items {
		n, ok := x.(int)
		if !ok || n < 0 || n > 255 {
			return nil, th.valueError("byte must be in range(0, 256)")
		}
		out[i] = byte(n)
	}
	return out, nil
}

func normCodec(name string) string {
	n := strings.ToLower(strings.ReplaceAll(name, "_", "-"))
	switch n {
	case "utf8", "utf-8", "u8":
		return "utf-8"
	case "ascii", "us-ascii":
		return "ascii"
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		return "latin-1"
	}
	return n
}

// encode implements str.encode.
func (th *Thread) encode(s, encoding, errors string) (Bytes, error) {
	codec := normCodec(encoding)
	limit := 0
	switch codec {
	case "utf-8":
		return Bytes(s), nil
	case "ascii":
		limit = 128
	case "latin-1":
		limit = 256
	default:
		return "", th.newErr(LookupError, "unknown encoding: %s", encoding)
	}
	var b strings.Builder
	i := 0
	for _, r := range s {
		if int(r) < limit {
			b.WriteByte(byte(r))
		} else {
			switch errors {
			case "ignore":
			case "replace":
				b.WriteByte('?')
			default:
				return "", th.unicodeError(UnicodeEncodeError, "'%s' codec can't encode character '\\u%04x' in position %d: ordinal not in range(%d)", codec, r, i, limit)
			}
		}
		i++
	}
	return Bytes(b.String()), nil
}

// decode implements bytes.decode.
func (th *Thread) decode(b, encoding, errors string) (string, error) {
	switch normCodec(encoding) {
	case "utf-8":
		if utf8.ValidString(b) {
			return b, nil
		}
		var out strings.Builder
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRuneInString(b[i:])
			if r == utf8.RuneError && size <= 1 {
				switch errors {
				case "ignore":
				case "replace":
					out.WriteRune('\ufffd')
				default:
					reason := "invalid start byte"
					if b[i] >= 0xc2 && b[i] <= 0xf4 {
						reason = "invalid continuation byte"
						if need := utf8Len(b[i]); i+need > len(b) {
							reason = "unexpected end of data"
						}
					}
					return "", th.unicodeError(UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[i], i, reason)
				}
				i++
				continue
			}
			out.WriteRune(r)
			i += size
		}
		return out.String(), nil
	case "ascii":
		var out strings.Builder
		for i := 0; i < len(b); i++ {
			if b[i] >= 128 {
				switch errors {
				case "ignore":
					continue
				case "replace":
					out.WriteRune('\ufffd')
					continue
				}
				return "", th.unicodeError(UnicodeDecodeError, "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", b[i], i)
			}
			out.WriteByte(b[i])
		}
		return out.String(), nil
	case "latin-1":
		var out strings.Builder
		for i := 0; i < len(b); i++ {
			out.WriteRune(rune(b[i]))
		}
		return out.String(), nil
	}
	return "", th.newErr(LookupError, "unknown encoding: %s", encoding)
}

// utf8Len is the length of the UTF-8 sequence a leading byte announces.
func utf8Len(c byte) int {
	switch {
	case c >= 0xf0:
		return 4
	case c >= 0xe0:
		return 3
	}
	return 2
}

func (th *Thread) unicodeError(c *Class, format string, args ...any) error {
	return &PyError{Exc: newExc(c, fmt.Sprintf(format, args...))}
}

// codecArgs reads (encoding, errors) from positional or keyword arguments.
func codecArgs(a []Value, kw *Kwargs) (string, string) {
	enc, errs := "utf-8", "strict"
	if len(a) > 0 {
		enc, _ = a[0].(string)
	}
	if len(a) > 1 {
		errs, _ = a[1].(string)
	}
	if v, ok := kw.Get("encoding"); ok {
		enc, _ = v.(string)
	}
	if v, ok := kw.Get("errors"); ok {
		errs, _ = v.(string)
	}
	return enc, errs
}

func (th *Thread) decodeArgs(b string, a []Value, kw *Kwargs) (Value, error) {
	enc, errs := codecArgs(a, kw)
	return th.decode(b, enc, errs)
}
