package py

// This file defines subscripts, slices, len and iteration.

import (
	"math/big"
	"unicode/utf8"
)

// index converts an index value to an int.
func (th *Thread) index(v Value, what string) (int, error) {
	switch i := v.(type) {
	case int:
		return i, nil
	case bool:
		return boolInt(i), nil
	case *big.Int:
		return 0, th.newErr(IndexError, "cannot fit 'int' into an index-sized integer")
	case *Object:
		if m := i.Class.lookup("__index__"); m != nil {
			r, err := th.callValue(m, []Value{i}, nil)
			if err != nil {
				return 0, err
			}
			return th.index(r, what)
		}
	}
	if what == "string" {
		// CPython 3.11 words str's message apart from the others
		return 0, th.typeError("string indices must be integers, not '%s'", typeName(v))
	}
	return 0, th.typeError("%s indices must be integers or slices, not %s", what, typeName(v))
}

// sliceIndices resolves a slice against a length, as slice.indices does.
func (th *Thread) sliceIndices(s *Slice, n int) (start, stop, step int, err error) {
	step = 1
	if s.Step != None {
		if step, err = th.index(s.Step, "slice"); err != nil {
			return
		}
		if step == 0 {
			err = th.valueError("slice step cannot be zero")
			return
		}
	}
	get := func(v Value, def int) (int, error) {
		if v == None {
			return def, nil
		}
		i, err := th.index(v, "slice")
		if err != nil {
			return 0, th.typeError("slice indices must be integers or None or have an __index__ method")
		}
		if i < 0 {
			i += n
			if i < 0 {
				if step < 0 {
					i = -1
				} else {
					i = 0
				}
			}
		} else if i >= n {
			if step < 0 {
				i = n - 1
			} else {
				i = n
			}
		}
		return i, nil
	}
	if step > 0 {
		if start, err = get(s.Start, 0); err != nil {
			return
		}
		stop, err = get(s.Stop, n)
	} else {
		if start, err = get(s.Start, n-1); err != nil {
			return
		}
		stop, err = get(s.Stop, -1)
	}
	return
}

func sliceItems(items []Value, start, stop, step int) []Value {
	var out []Value
	if step > 0 {
		for i := start; i < stop; i += step {
			out = append(out, items[i])
		}
	} else {
		for i := start; i > stop; i += step {
			out = append(out, items[i])
		}
	}
	if out == nil {
		out = []Value{}
	}
	return out
}

// tupleItem is t[i] for a tuple's items t.
func (th *Thread) tupleItem(t Tuple, i Value) (Value, error) {
	if s, ok := i.(*Slice); ok {
		a, b, st, err := th.sliceIndices(s, len(t))
		if err != nil {
			return nil, err
		}
		return Tuple(sliceItems(t, a, b, st)), nil
	}
	n, err := th.index(i, "tuple")
	if err != nil {
		return nil, err
	}
	if n < 0 {
		n += len(t)
	}
	if n < 0 || n >= len(t) {
		return nil, th.newErr(IndexError, "tuple index out of range")
	}
	return t[n], nil
}

// getItem implements x[i].
func (th *Thread) getItem(x, i Value) (Value, error) {
	switch c := x.(type) {
	case *List:
		if s, ok := i.(*Slice); ok {
			a, b, st, err := th.sliceIndices(s, len(c.Items))
			if err != nil {
				return nil, err
			}
			return &List{Items: sliceItems(c.Items, a, b, st)}, nil
		}
		n, err := th.index(i, "list")
		if err != nil {
			return nil, err
		}
		if n < 0 {
			n += len(c.Items)
		}
		if n < 0 || n >= len(c.Items) {
			return nil, th.newErr(IndexError, "list index out of range")
		}
		return c.Items[n], nil
	case Tuple:
		return th.tupleItem(c, i)
	case *Pair:
		return th.tupleItem(c[:], i)
	case string:
		runes := []rune(c)
		if isASCII(c) {
			runes = nil
		}
		length := len(c)
		if runes != nil {
			length = len(runes)
		}
		if s, ok := i.(*Slice); ok {
			a, b, st, err := th.sliceIndices(s, length)
			if err != nil {
				return nil, err
			}
			var out []rune
			at := func(k int) rune {
				if runes != nil {
					return runes[k]
				}
				return rune(c[k])
			}
			if st == 1 && runes == nil {
				if a >= b {
					return "", nil
				}
				return c[a:b], nil
			}
			if st > 0 {
				for k := a; k < b; k += st {
					out = append(out, at(k))
				}
			} else {
				for k := a; k > b; k += st {
					out = append(out, at(k))
				}
			}
			return string(out), nil
		}
		n, err := th.index(i, "string")
		if err != nil {
			return nil, err
		}
		if n < 0 {
			n += length
		}
		if n < 0 || n >= length {
			return nil, th.newErr(IndexError, "string index out of range")
		}
		if runes != nil {
			return string(runes[n]), nil
		}
		return c[n : n+1], nil
	case Bytes:
		if s, ok := i.(*Slice); ok {
			a, b, st, err := th.sliceIndices(s, len(c))
			if err != nil {
				return nil, err
			}
			var out []byte
			if st > 0 {
				for k := a; k < b; k += st {
					out = append(out, c[k])
				}
			} else {
				for k := a; k > b; k += st {
					out = append(out, c[k])
				}
			}
			return Bytes(out), nil
		}
		n, err := th.index(i, "byte")
		if err != nil {
			return nil, err
		}
		if n < 0 {
			n += len(c)
		}
		if n < 0 || n >= len(c) {
			return nil, th.newErr(IndexError, "index out of range")
		}
		return int(c[n]), nil
	case *Dict:
		v, ok, err := th.dictGet(c, i)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, &PyError{Exc: newExc(KeyError, i)}
		}
		return v, nil
	case *Range:
		if s, ok := i.(*Slice); ok {
			a, b, st, err := th.sliceIndices(s, c.Len())
			if err != nil {
				return nil, err
			}
			return &Range{Start: c.Start + a*c.Step, Stop: c.Start + b*c.Step, Step: c.Step * st}, nil
		}
		n, err := th.index(i, "range")
		if err != nil {
			return nil, err
		}
		if n < 0 {
			n += c.Len()
		}
		if n < 0 || n >= c.Len() {
			return nil, th.newErr(IndexError, "range object index out of range")
		}
		return c.Start + n*c.Step, nil
	case *ByteArray:
		if s, ok := i.(*Slice); ok {
			v, err := th.getItem(Bytes(c.B), s)
			if err != nil {
				return nil, err
			}
			return &ByteArray{B: []byte(v.(Bytes))}, nil
		}
		return th.getItem(Bytes(c.B), i)
	case *Object:
		if m := c.Class.lookup("__getitem__"); m != nil {
			return th.callValue(m, []Value{c, i}, nil)
		}
		if v, ok, err := th.nativeGetItem(c, i); ok || err != nil {
			return v, err
		}
	case *Class:
		// list[int] and friends in annotations
		return c, nil
	}
	return nil, th.typeError("'%s' object is not subscriptable", typeName(x))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// setItem implements x[i] = v.
func (th *Thread) setItem(x, i, v Value) error {
	switch c := x.(type) {
	case *List:
		if s, ok := i.(*Slice); ok {
			items, err := th.iterate(v)
			if err != nil {
				return err
			}
			a, b, st, err := th.sliceIndices(s, len(c.Items))
			if err != nil {
				return err
			}
			if st != 1 {
				idx := sliceItemsIdx(a, b, st)
				if len(idx) != len(items) {
					return th.valueError("attempt to assign sequence of size %d to extended slice of size %d", len(items), len(idx))
				}
				for k, j := range idx {
					c.Items[j] = items[k]
				}
				return nil
			}
			if b < a {
				b = a
			}
			out := append([]Value{}, c.Items[:a]...)
			out = append(out, items...)
			c.Items = append(out, c.Items[b:]...)
			return nil
		}
		n, err := th.index(i, "list")
		if err != nil {
			return err
		}
		if n < 0 {
			n += len(c.Items)
		}
		if n < 0 || n >= len(c.Items) {
			return th.newErr(IndexError, "list assignment index out of range")
		}
		c.Items[n] = v
		return nil
	case *ByteArray:
		n, err := th.index(i, "bytearray")
		if err != nil {
			return err
		}
		if n < 0 {
			n += len(c.B)
		}
		if n < 0 || n >= len(c.B) {
			return th.newErr(IndexError, "bytearray index out of range")
		}
		b, ok := v.(int)
		if !ok || b < 0 || b > 255 {
			return th.valueError("byte must be in range(0, 256)")
		}
		c.B[n] = byte(b)
		return nil
	case *Dict:
		if err := th.dictSet(c, i, v); err != nil {
			return err
		}
		if c.Len()&255 == 0 {
			return th.alloc(64 * 256)
		}
		return nil
	case *Object:
		if m := c.Class.lookup("__setitem__"); m != nil {
			_, err := th.callValue(m, []Value{c, i, v}, nil)
			return err
		}
		if ok, err := th.nativeSetItem(c, i, v); ok || err != nil {
			return err
		}
	}
	return th.typeError("'%s' object does not support item assignment", typeName(x))
}

func sliceItemsIdx(start, stop, step int) []int {
	var out []int
	if step > 0 {
		for i := start; i < stop; i += step {
			out = append(out, i)
		}
	} else {
		for i := start; i > stop; i += step {
			out = append(out, i)
		}
	}
	return out
}

// delItem implements del x[i].
func (th *Thread) delItem(x, i Value) error {
	switch c := x.(type) {
	case *List:
		if s, ok := i.(*Slice); ok {
			a, b, st, err := th.sliceIndices(s, len(c.Items))
			if err != nil {
				return err
			}
			drop := map[int]bool{}
			for _, j := range sliceItemsIdx(a, b, st) {
				drop[j] = true
			}
			var out []Value
			for j, v := range c.Items {
				if !drop[j] {
					out = append(out, v)
				}
			}
			c.Items = out
			return nil
		}
		n, err := th.index(i, "list")
		if err != nil {
			return err
		}
		if n < 0 {
			n += len(c.Items)
		}
		if n < 0 || n >= len(c.Items) {
			return th.newErr(IndexError, "list assignment index out of range")
		}
		c.Items = append(c.Items[:n], c.Items[n+1:]...)
		return nil
	case *Dict:
		ok, err := th.dictDelete(c, i)
		if err != nil {
			return err
		}
		if !ok {
			return &PyError{Exc: newExc(KeyError, i)}
		}
		return nil
	case *Object:
		if m := c.Class.lookup("__delitem__"); m != nil {
			_, err := th.callValue(m, []Value{c, i}, nil)
			return err
		}
	}
	return th.typeError("'%s' object doesn't support item deletion", typeName(x))
}

// length implements len(x).
func (th *Thread) length(x Value) (int, error) {
	switch c := x.(type) {
	case string:
		if isASCII(c) {
			return len(c), nil
		}
		return utf8.RuneCountInString(c), nil
	case *List:
		return len(c.Items), nil
	case Tuple:
		return len(c), nil
	case *Pair:
		return 2, nil
	case *Dict:
		return c.Len(), nil
	case *Set:
		return c.Len(), nil
	case Bytes:
		return len(c), nil
	case *ByteArray:
		return len(c.B), nil
	case *Range:
		return c.Len(), nil
	case *Object:
		if m := c.Class.lookup("__len__"); m != nil {
			r, err := th.callValue(m, []Value{c}, nil)
			if err != nil {
				return 0, err
			}
			n, ok := r.(int)
			if !ok {
				return 0, th.typeError("'%s' object cannot be interpreted as an integer", typeName(r))
			}
			if n < 0 {
				return 0, th.valueError("__len__() should return >= 0")
			}
			return n, nil
		}
		if n, ok := th.nativeLen(c); ok {
			return n, nil
		}
	}
	return 0, th.typeError("object of type '%s' has no len()", typeName(x))
}

// sliceIter returns an iterator over a fixed slice of values.
func sliceIter(name string, items []Value) *Iterator {
	i := 0
	return &Iterator{Name: name, next: func(th *Thread) (Value, bool, error) {
		if i >= len(items) {
			return nil, false, nil
		}
		i++
		return items[i-1], true, nil
	}}
}

// getIter implements iter(x).
func (th *Thread) getIter(x Value) (Value, error) {
	switch c := x.(type) {
	case *Iterator, *Generator:
		return c, nil
	case *List:
		i := 0
		return &Iterator{Name: "list_iterator", next: func(th *Thread) (Value, bool, error) {
			if i >= len(c.Items) {
				return nil, false, nil
			}
			i++
			return c.Items[i-1], true, nil
		}}, nil
	case Tuple:
		return sliceIter("tuple_iterator", c), nil
	case *Pair:
		return sliceIter("tuple_iterator", c[:]), nil
	case string:
		if isASCII(c) {
			i := 0
			return &Iterator{Name: "str_ascii_iterator", next: func(th *Thread) (Value, bool, error) {
				if i >= len(c) {
					return nil, false, nil
				}
				i++
				return c[i-1 : i], true, nil
			}}, nil
		}
		var items []Value
		for _, r := range c {
			items = append(items, string(r))
		}
		return sliceIter("str_iterator", items), nil
	case *ByteArray:
		return th.getIter(Bytes(c.B))
	case Bytes:
		items := make([]Value, len(c))
		for i := range c {
			items[i] = int(c[i])
		}
		return sliceIter("bytes_iterator", items), nil
	case *Dict:
		keys := c.Keys()
		version := c.version
		i := 0
		return &Iterator{Name: "dict_keyiterator", next: func(th *Thread) (Value, bool, error) {
			if c.version != version {
				return nil, false, th.newErr(RuntimeError, "dictionary changed size during iteration")
			}
			if i >= len(keys) {
				return nil, false, nil
			}
			i++
			return keys[i-1], true, nil
		}}, nil
	case *Set:
		keys := c.Elems()
		version := c.d.version
		i := 0
		return &Iterator{Name: "set_iterator", next: func(th *Thread) (Value, bool, error) {
			if c.d.version != version {
				return nil, false, th.newErr(RuntimeError, "Set changed size during iteration")
			}
			if i >= len(keys) {
				return nil, false, nil
			}
			i++
			return keys[i-1], true, nil
		}}, nil
	case *Range:
		return &Iterator{Name: "range_iterator", rangeNext: c.Start, rangeStep: c.Step, rangeLeft: c.Len()}, nil
	case *Object:
		if m := c.Class.lookup("__iter__"); m != nil {
			it, err := th.callValue(m, []Value{c}, nil)
			if err != nil {
				return nil, err
			}
			if _, ok := it.(*Object); ok {
				if it.(*Object).Class.lookup("__next__") == nil {
					return nil, th.typeError("iter() returned non-iterator of type '%s'", typeName(it))
				}
			}
			return it, nil
		}
		if m := c.Class.lookup("__getitem__"); m != nil {
			i := 0
			return &Iterator{Name: "iterator", next: func(th *Thread) (Value, bool, error) {
				v, err := th.callValue(m, []Value{c, i}, nil)
				if err != nil {
					if pe, ok := err.(*PyError); ok && (pe.Exc.Class.isSubclass(IndexError) || pe.Exc.Class.isSubclass(StopIteration)) {
						return nil, false, nil
					}
					return nil, false, err
				}
				i++
				return v, true, nil
			}}, nil
		}
		if it, ok := th.nativeIter(c); ok {
			return it, nil
		}
	}
	return nil, th.typeError("'%s' object is not iterable", typeName(x))
}

// next advances any iterator from Go; ok is false at the end.
func (th *Thread) next(it Value) (Value, bool, error) {
	switch i := it.(type) {
	case *Iterator:
		return i.Next(th)
	case *Generator:
		v, done, err := th.genStep(i, None, nil)
		if err != nil || done {
			return nil, false, err
		}
		return v, true, nil
	}
	v, err := th.callMethod(it, "__next__")
	if err != nil {
		if pe, ok := err.(*PyError); ok && pe.Exc.Class.isSubclass(StopIteration) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return v, true, nil
}

// iterate collects every value of an iterable.
func (th *Thread) iterate(x Value) ([]Value, error) { return th.iterateAtMost(x, -1) }

// iterateAtMost is iterate reading no more than limit items (no limit when
// negative): unpacking reads one item past the targets, as CPython does, and
// so stops on an endless iterator.
func (th *Thread) iterateAtMost(x Value, limit int) ([]Value, error) {
	switch c := x.(type) {
	case *List:
		return append([]Value(nil), c.Items...), nil
	case Tuple:
		return c, nil
	case *Pair:
		return c[:], nil
	}
	it, err := th.getIter(x)
	if err != nil {
		return nil, err
	}
	return th.drain(it, limit)
}

// unpackItems reads what an unpacking assignment assigns: at most limit
// items (all when negative), with CPython's message for a value whose type
// cannot be iterated at all.
func (th *Thread) unpackItems(seq Value, limit int) ([]Value, error) {
	switch seq.(type) {
	case *List, Tuple, *Pair:
		return th.iterateAtMost(seq, limit)
	}
	it, err := th.getIter(seq)
	if err != nil {
		if pe, ok := err.(*PyError); ok && pe.Exc.Class == TypeError && !definesIteration(seq) {
			return nil, th.typeError("cannot unpack non-iterable %s object", typeName(seq))
		}
		return nil, err
	}
	return th.drain(it, limit)
}

// definesIteration reports whether v's class has Python __iter__ or
// __getitem__ (whose own TypeError is not about iterability).
func definesIteration(v Value) bool {
	o, ok := v.(*Object)
	return ok && (o.Class.lookup("__iter__") != nil || o.Class.lookup("__getitem__") != nil)
}

// drain reads at most limit items (all when negative) from the iterator it.
func (th *Thread) drain(it Value, limit int) ([]Value, error) {
	var out []Value
	for len(out) != limit {
		v, ok, err := th.next(it)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, v)
		if len(out)&1023 == 0 {
			if err := th.alloc(16 * 1024); err != nil {
				return nil, err
			}
			if err := th.charge(1024); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// dictUpdate merges m (a mapping or iterable of pairs) into d.
func (th *Thread) dictUpdate(d *Dict, m Value, kwStyle bool) error {
	switch src := m.(type) {
	case *Dict:
		for _, kv := range src.Items() {
			if err := th.dictSet(d, kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	case *Object:
		if keys := src.Class.lookup("keys"); keys != nil {
			ks, err := th.callValue(keys, []Value{src}, nil)
			if err != nil {
				return err
			}
			items, err := th.iterate(ks)
			if err != nil {
				return err
			}
			for _, k := range items {
				v, err := th.getItem(src, k)
				if err != nil {
					return err
				}
				if err := th.dictSet(d, k, v); err != nil {
					return err
				}
			}
			return nil
		}
		if src.Native != nil {
			if inner, ok := src.Native.(*Dict); ok {
				return th.dictUpdate(d, inner, kwStyle)
			}
		}
	}
	if kwStyle {
		return th.typeError("'%s' object is not a mapping", typeName(m))
	}
	items, err := th.iterate(m)
	if err != nil {
		return err
	}
	for i, it := range items {
		pair, err := th.iterate(it)
		if err != nil {
			return th.typeError("cannot convert dictionary update sequence element #%d to a sequence", i)
		}
		if len(pair) != 2 {
			return th.valueError("dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
		}
		if err := th.dictSet(d, pair[0], pair[1]); err != nil {
			return err
		}
	}
	return nil
}
