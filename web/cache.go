package web

// This file defines the result cache for unmodified lesson examples: runs are
// deterministic, so forty learners pressing Run on the same example cost one
// run; the others wait for it and replay its events.

import (
	"sync"

	"coroutinetour/sandbox"
)

// runCache holds finished runs by key, and the runs still in progress.
type runCache struct {
	mu      sync.Mutex
	entries map[string]*cacheEntry
	order   []string // insertion order, for eviction
	max     int
}

// cacheEntry is one run's recorded result; done is closed when it is known.
type cacheEntry struct {
	c      *runCache
	key    string
	done   chan struct{}
	ok     bool
	events []sandbox.Event
	end    endMsg
}

func newRunCache(max int) *runCache {
	return &runCache{entries: map[string]*cacheEntry{}, max: max}
}

// claim returns the entry for key; owner is true when the caller must run
// the program and then call store or abandon.
func (c *runCache) claim(key string) (e *cacheEntry, owner bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.entries[key]; e != nil {
		return e, false
	}
	e = &cacheEntry{c: c, key: key, done: make(chan struct{})}
	c.entries[key] = e
	c.order = append(c.order, key)
	for len(c.order) > c.max {
		old := c.order[0]
		c.order = c.order[1:]
		if oe := c.entries[old]; oe != nil && oe.isDone() {
			delete(c.entries, old)
		}
	}
	return e, true
}

func (e *cacheEntry) isDone() bool {
	select {
	case <-e.done:
		return true
	default:
		return false
	}
}

// store records the result and releases the waiters.
func (e *cacheEntry) store(events []sandbox.Event, end endMsg) {
	e.events, e.end, e.ok = events, end, true
	e.finish()
}

// abandon forgets the entry (the run was stopped or waited for input) and
// releases the waiters, who then run the program themselves.
func (e *cacheEntry) abandon() {
	e.c.mu.Lock()
	if e.c.entries[e.key] == e {
		delete(e.c.entries, e.key)
	}
	e.c.mu.Unlock()
	e.finish()
}

func (e *cacheEntry) finish() {
	if !e.isDone() {
		close(e.done)
	}
}

// wait blocks until the entry is known; it reports whether there is a result.
func (e *cacheEntry) wait(cancel <-chan struct{}) bool {
	select {
	case <-e.done:
		return e.ok
	case <-cancel:
		return false
	}
}
