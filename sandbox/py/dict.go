package py

// This file defines dict and set: insertion-ordered hash tables whose
// iteration order never depends on Go's map order.

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Dict is a Python dict. It is four words: a dict with at most smallDict
// str keys (most instance dicts, every keyword-argument dict) has no index.
type Dict struct {
	ix      *dictIndex // nil until the dict needs one
	entries []dictEntry
	live    int
	// version changes on every insertion or deletion, to detect changes during iteration.
	version int
}

// dictIndex is what a dict adds once it outgrows a scan or holds keys other
// than str.
type dictIndex struct {
	// strs maps str keys to their position in entries (the common case,
	// hashed without an interface). A dict of at most smallDict entries has
	// none and finds str keys by a scan: most instance dicts hold a few
	// attributes, and a Go map would be most of their size.
	strs  map[string]int
	index map[any]int // other hash keys -> position in entries
	// hks holds, at each entry's position, the entry's hash key when that
	// is not the key itself (a bool, a float, a tuple, an object with
	// __hash__...), kept so that compacting never calls Python. It is nil
	// until the dict gets such a key: most never do.
	hks []any
}

// index returns the dict's index, making it on first use.
func (d *Dict) index() *dictIndex {
	if d.ix == nil {
		d.ix = new(dictIndex)
	}
	return d.ix
}

type dictEntry struct {
	key, value Value // key is nil once deleted
}

// deleted reports whether the entry's key was removed (its place is kept
// until the entries are compacted, to keep insertion order cheap).
func (e *dictEntry) deleted() bool { return e.key == nil }

// keyIsHashKey reports whether a key is its own hash key (see hashKey).
func keyIsHashKey(k Value) bool {
	switch k.(type) {
	case string, int, NoneType:
		return true
	}
	return false
}

// hkAt is the hash key of entry i.
func (d *Dict) hkAt(i int) any {
	if d.ix != nil && d.ix.hks != nil {
		if hk := d.ix.hks[i]; hk != nil {
			return hk
		}
	}
	return d.entries[i].key
}

// appendEntry adds an entry whose hash key is hk at the end.
func (d *Dict) appendEntry(k, v Value, hk any) {
	own := keyIsHashKey(k)
	if !own && (d.ix == nil || d.ix.hks == nil) {
		d.index().hks = make([]any, len(d.entries), cap(d.entries)+1)
	}
	if d.ix != nil && d.ix.hks != nil {
		if own {
			hk = nil
		}
		d.ix.hks = append(d.ix.hks, hk)
	}
	d.entries = append(d.entries, dictEntry{key: k, value: v})
}

// deleteEntry marks entry i deleted.
func (d *Dict) deleteEntry(i int) {
	d.entries[i] = dictEntry{}
	if d.ix != nil && d.ix.hks != nil {
		d.ix.hks[i] = nil
	}
}

// smallDict is the most entries a dict holds before it indexes its str keys.
const smallDict = 8

// compoundKey is the hash key of a value that is neither a str nor a number
// (bytes, big ints, tuples, frozensets, objects with __hash__): a type of its
// own, so that it never meets a str key with the same text.
type compoundKey string

// NewDict returns an empty dict. Its indexes are made on first use: most
// instance dicts only ever hold str keys.
func NewDict() *Dict { return &Dict{} }

// newStrDict returns an empty dict with room for n str keys.
func newStrDict(n int) *Dict {
	if n == 0 {
		return &Dict{}
	}
	if n <= smallDict {
		return &Dict{entries: make([]dictEntry, 0, n)}
	}
	return &Dict{ix: &dictIndex{strs: make(map[string]int, n)}, entries: make([]dictEntry, 0, n)}
}

// strIndexOf finds the entry position of a str key.
func (d *Dict) strIndexOf(k string) (int, bool) {
	if d.ix != nil && d.ix.strs != nil {
		i, ok := d.ix.strs[k]
		return i, ok
	}
	for i := range d.entries {
		if s, ok := d.entries[i].key.(string); ok && s == k {
			return i, true
		}
	}
	return 0, false
}

// indexStr records that str key k is about to be appended at position i,
// indexing every str key once the dict outgrows a scan.
func (d *Dict) indexStr(k string, i int) {
	if d.ix == nil || d.ix.strs == nil {
		if i < smallDict {
			return
		}
		strs := make(map[string]int, 2*smallDict)
		for j := range d.entries {
			if s, ok := d.entries[j].key.(string); ok {
				strs[s] = j
			}
		}
		d.index().strs = strs
	}
	d.ix.strs[k] = i
}

// lookupHashed finds the entry position of a hash key.
func (d *Dict) lookupHashed(hk any) (int, bool) {
	if s, ok := hk.(string); ok {
		return d.strIndexOf(s)
	}
	if d.ix == nil {
		return 0, false
	}
	i, ok := d.ix.index[hk]
	return i, ok
}

func (d *Dict) storeIndex(hk any, i int) {
	if s, ok := hk.(string); ok {
		d.indexStr(s, i)
	} else {
		ix := d.index()
		if ix.index == nil {
			ix.index = make(map[any]int)
		}
		ix.index[hk] = i
	}
}

func (d *Dict) dropIndex(hk any) {
	if s, ok := hk.(string); ok {
		if d.ix != nil && d.ix.strs != nil {
			delete(d.ix.strs, s)
		}
	} else if d.ix != nil {
		delete(d.ix.index, hk)
	}
}

// Set is a Python set or frozenset.
type Set struct {
	d      *Dict
	Frozen bool
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{d: NewDict()} }

// hashKey maps a hashable value to a comparable Go key so that values Python
// considers equal (1, 1.0, True) share a key.
func (th *Thread) hashKey(v Value) (any, error) {
	switch v.(type) {
	case string, int, NoneType:
		return v, nil // the value itself, not boxed again
	}
	switch v := v.(type) {
	case bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1e18 {
			return int(v), nil
		}
		return v, nil
	case *big.Int:
		return compoundKey("big:" + v.String()), nil
	case Bytes:
		return compoundKey("bytes:" + string(v)), nil
	case Tuple, *Pair:
		if th.native > maxNative { // a tuple nested a million deep must not recurse that deep in Go
			return nil, th.newErr(RecursionError, "maximum recursion depth exceeded while calling a Python object")
		}
		th.native++
		defer func() { th.native-- }()
		items := tupleItems(v)
		var b strings.Builder
		b.WriteString("tuple(")
		for _, x := range items {
			k, err := th.hashKey(x)
			if err != nil {
				return nil, err
			}
			b.WriteString(th.keyString(k))
			b.WriteByte(',')
		}
		b.WriteByte(')')
		return compoundKey(b.String()), nil
	case *Set:
		if v.Frozen {
			var keys []string
			for _, e := range v.d.entries {
				if !e.deleted() {
					k, _ := th.hashKey(e.key)
					keys = append(keys, th.keyString(k))
				}
			}
			sortStrings(keys)
			return compoundKey("frozenset(" + strings.Join(keys, ",") + ")"), nil
		}
	case *List, *Dict, *ByteArray:
	case *Object:
		if m := v.Class.lookup("__hash__"); m == None {
			break
		}
		if v.Class.lookup("__eq__") != nil && v.Class.lookup("__hash__") == nil {
			break
		}
		if h := v.Class.lookup("__hash__"); h != nil {
			r, err := th.callValue(h, []Value{v}, nil)
			if err != nil {
				return nil, err
			}
			return compoundKey("obj-hash:" + Str(r)), nil
		}
		return v, nil
	default:
		return v, nil
	}
	return nil, th.typeError("unhashable type: '%s'", typeName(v))
}

// keyString spells a hash key inside a compound key; no two distinct keys
// share a spelling.
func (th *Thread) keyString(k any) string {
	switch k := k.(type) {
	case string:
		return strconv.Quote(k)
	case int:
		return strconv.Itoa(k)
	case float64:
		return strconv.FormatFloat(k, 'g', -1, 64)
	case NoneType:
		return "None"
	case compoundKey:
		return string(k)
	}
	return "id:" + th.addr(k) // hashed by identity
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// needsEq reports whether a hash key holds a hash computed by a user's
// __hash__: then equal hashes need not mean equal keys, and lookups compare
// the keys with ==. Such keys are stored under probe keys hk, hk#1, hk#2...
func needsEq(hk any) bool {
	c, ok := hk.(compoundKey)
	return ok && strings.Contains(string(c), "obj-hash:")
}

// probeKey is the n-th probe key of a hash key that needs ==.
func probeKey(hk compoundKey, n int) compoundKey {
	if n == 0 {
		return hk
	}
	return hk + "#" + compoundKey(strconv.Itoa(n))
}

// baseKey is the hash key a probe key was made from (no base key ends in
// "#" and digits: they end in ")" or in the hash's digits after ":").
func baseKey(hk any) any {
	c, ok := hk.(compoundKey)
	if !ok || !needsEq(c) {
		return hk
	}
	i := strings.LastIndexByte(string(c), '#')
	if i < 0 || i == len(c)-1 {
		return hk
	}
	for _, r := range c[i+1:] {
		if r < '0' || r > '9' {
			return hk
		}
	}
	return c[:i]
}

// findKey finds the entry of key k whose hash key is hk.
func (th *Thread) findKey(d *Dict, hk any, k Value) (int, bool, error) {
	if !needsEq(hk) {
		i, ok := d.lookupHashed(hk)
		return i, ok, nil
	}
	if d.ix == nil {
		return 0, false, nil
	}
	for n := 0; ; n++ {
		i, ok := d.ix.index[probeKey(hk.(compoundKey), n)]
		if !ok {
			return 0, false, nil
		}
		if err := th.charge(1); err != nil { // keys that all collide cost steps
			return 0, false, err
		}
		if stored := d.entries[i].key; identical(stored, k) {
			return i, true, nil
		} else if eq, err := th.equal(stored, k); err != nil || eq {
			return i, eq, err
		}
	}
}

// freeProbe is the first probe key of hk that no entry uses.
func (d *Dict) freeProbe(hk any) any {
	if !needsEq(hk) {
		return hk
	}
	for n := 0; ; n++ {
		p := probeKey(hk.(compoundKey), n)
		if d.ix == nil {
			return p
		}
		if _, used := d.ix.index[p]; !used {
			return p
		}
	}
}

// Get looks a key up.
func (th *Thread) dictGet(d *Dict, k Value) (Value, bool, error) {
	hk, err := th.hashKey(k)
	if err != nil {
		return nil, false, err
	}
	i, ok, err := th.findKey(d, hk, k)
	if !ok || err != nil {
		return nil, false, err
	}
	return d.entries[i].value, true, nil
}

// dictSet stores a value under a key.
func (th *Thread) dictSet(d *Dict, k, v Value) error {
	hk, err := th.hashKey(k)
	if err != nil {
		return err
	}
	if needsEq(hk) {
		i, ok, err := th.findKey(d, hk, k)
		if err != nil {
			return err
		}
		if ok {
			d.entries[i].value = v
			return nil
		}
		hk = d.freeProbe(hk)
	}
	d.setHashed(hk, k, v)
	return nil
}

func (d *Dict) setHashed(hk any, k, v Value) {
	if i, ok := d.lookupHashed(hk); ok {
		d.entries[i].value = v
		return
	}
	d.storeIndex(hk, len(d.entries))
	d.appendEntry(k, v, hk)
	d.live++
	d.version++
}

// dictDelete removes a key; it reports whether the key was present.
func (th *Thread) dictDelete(d *Dict, k Value) (bool, error) {
	hk, err := th.hashKey(k)
	if err != nil {
		return false, err
	}
	i, ok, err := th.findKey(d, hk, k)
	if !ok || err != nil {
		return false, err
	}
	probe := d.hkAt(i)
	d.dropIndex(probe)
	if needsEq(probe) {
		// the keys probed after this one move down one place
		base := baseKey(probe).(compoundKey)
		n := 0
		for probeKey(base, n) != probe {
			n++
		}
		for ; ; n++ {
			next := probeKey(base, n+1)
			j, used := d.ix.index[next]
			if !used {
				break
			}
			delete(d.ix.index, next)
			p := probeKey(base, n)
			d.ix.index[p] = j
			d.ix.hks[j] = p // a probe key is never the key itself
		}
	}
	d.deleteEntry(i)
	d.live--
	d.version++
	if len(d.entries) > 32 && d.live < len(d.entries)/2 {
		d.compact()
	}
	return true, nil
}

func (d *Dict) compact() {
	c := d.copy() // the live entries in order, with their hash keys
	d.ix, d.entries = c.ix, c.entries
}

// SetStr stores a value under a string key (no error possible). Replacing
// a value allocates nothing; a new key is boxed once.
func (d *Dict) SetStr(k string, v Value) { d.setStrBoxed(k, nil, v) }

// setStrBoxed is SetStr with the key already boxed (a code object's
// NameValues), or nil to box it here.
func (d *Dict) setStrBoxed(k string, boxed Value, v Value) {
	if i, ok := d.strIndexOf(k); ok {
		d.entries[i].value = v
		return
	}
	d.indexStr(k, len(d.entries))
	key := boxed
	if key == nil {
		key = Value(k)
	}
	d.appendEntry(key, v, key)
	d.live++
	d.version++
}

// GetStr looks a string key up.
func (d *Dict) GetStr(k string) (Value, bool) {
	if i, ok := d.strIndexOf(k); ok {
		return d.entries[i].value, true
	}
	return nil, false
}

// DelStr removes a string key.
func (d *Dict) DelStr(k string) bool {
	i, ok := d.strIndexOf(k)
	if !ok {
		return false
	}
	d.dropIndex(k)
	d.deleteEntry(i)
	d.live--
	d.version++
	return true
}

// StrKeys returns the str keys in insertion order. Dicts of names (globals,
// instance and class dicts) may hold other keys too: a program can put them there.
func (d *Dict) StrKeys() []string {
	out := make([]string, 0, d.live)
	for _, e := range d.entries {
		if s, ok := e.key.(string); ok && !e.deleted() {
			out = append(out, s)
		}
	}
	return out
}

// Len is the number of items.
func (d *Dict) Len() int { return d.live }

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.live)
	for _, e := range d.entries {
		if !e.deleted() {
			out = append(out, e.key)
		}
	}
	return out
}

// Items returns key, value pairs in insertion order.
func (d *Dict) Items() [][2]Value {
	out := make([][2]Value, 0, d.live)
	for _, e := range d.entries {
		if !e.deleted() {
			out = append(out, [2]Value{e.key, e.value})
		}
	}
	return out
}

func (d *Dict) copy() *Dict {
	n := NewDict()
	for i, e := range d.entries {
		if !e.deleted() {
			n.setHashed(d.hkAt(i), e.key, e.value)
		}
	}
	return n
}

// setAdd adds an element to a set.
func (th *Thread) setAdd(s *Set, v Value) error { return th.dictSet(s.d, v, None) }

func (th *Thread) setHas(s *Set, v Value) (bool, error) {
	_, ok, err := th.dictGet(s.d, v)
	return ok, err
}

// Elems returns the elements of a set in insertion order.
func (s *Set) Elems() []Value { return s.d.Keys() }

// Len is the number of elements.
func (s *Set) Len() int { return s.d.live }
