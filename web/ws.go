package web

// This file defines the run websocket: one connection per page, a read pump
// and a write pump per connection (one writer), runs streamed as batches of
// events and ended by exactly one "end" message. docs/protocol.md is the contract.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"coroutinetour/lessons"
	"coroutinetour/sandbox"
	"coroutinetour/sandbox/vnet"
)

const (
	writeWait      = 10 * time.Second // time allowed to write a message
	pongWait       = 60 * time.Second // time allowed between pongs
	pingPeriod     = 50 * time.Second // ping interval, shorter than pongWait
	maxMessageSize = 256 << 10        // largest client message the protocol accepts
	maxFrameSize   = 4 << 20          // past this the connection is closed (1009) rather than read
	sendQueueLen   = 256              // messages queued for a client before its runs are stopped
	batchInterval  = 40 * time.Millisecond
	batchMax       = 256 // events per "events" message
	runsPerConn    = 2   // a page may run two examples at once (side-by-side comparison)
	maxIDLen       = 64
	maxFiles       = 8
)

var upgrader = websocket.Upgrader{
	ReadBufferSize:    4096,
	WriteBufferSize:   16384,
	EnableCompression: false,
}

// clientMsg is any message from the browser.
type clientMsg struct {
	Type        string            `json:"type"`
	ID          string            `json:"id"`
	Source      *string           `json:"source"`
	Files       []sandbox.Program `json:"files"`
	Stdin       string            `json:"stdin"`
	Lesson      string            `json:"lesson"`
	Example     string            `json:"example"`
	Interactive *bool             `json:"interactive"`
	Trace       *bool             `json:"trace"`
	Data        string            `json:"data"`
	Program     *int              `json:"program"`
	EOF         bool              `json:"eof"`
}

// eventsMsg carries a batch of events.
type eventsMsg struct {
	Type   string          `json:"type"`
	ID     string          `json:"id"`
	Events []sandbox.Event `json:"events"`
}

// endMsg ends a run.
type endMsg struct {
	Type      string `json:"type"`
	ID        string `json:"id"`
	Status    string `json:"status"`
	Reason    string `json:"reason"`
	ExitCode  int    `json:"exit_code"`
	Exits     []int  `json:"exits"`
	VirtualNS int64  `json:"virtual_ns"`
	Steps     int64  `json:"steps"`
	WallMS    int64  `json:"wall_ms"`
	Cached    bool   `json:"cached"`
}

type errorMsg struct {
	Type    string `json:"type"`
	ID      string `json:"id,omitempty"`
	Message string `json:"message"`
}

// conn is one websocket client.
type conn struct {
	srv   *Server
	ws    *websocket.Conn
	addr  string
	send  chan []byte
	done  chan struct{}
	mu    sync.Mutex
	runs  map[string]*clientRun
	order []string
}

// clientRun is a run started by a client.
type clientRun struct {
	id  string
	run Run
	n   int // number of programs
}

func (s *Server) checkOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true // not a browser: no cross-site risk
	}
	u, err := url.Parse(origin)
	if err != nil {
		return false
	}
	if strings.EqualFold(u.Host, r.Host) {
		return true
	}
	for _, o := range s.cfg.Origins {
		if strings.EqualFold(strings.TrimSuffix(o, "/"), origin) {
			return true
		}
	}
	return false
}

func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	if !s.checkOrigin(r) {
		http.Error(w, "this page's origin may not use the run socket", http.StatusForbidden)
		return
	}
	up := upgrader
	up.CheckOrigin = func(*http.Request) bool { return true } // checked above
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered the client
	}
	c := &conn{srv: s, ws: ws, addr: s.clientAddr(r), send: make(chan []byte, sendQueueLen), done: make(chan struct{}), runs: map[string]*clientRun{}}
	s.conns.Add(1)
	go c.writePump()
	go c.readPump()
}

// readPump reads client messages until the connection ends.
func (c *conn) readPump() {
	defer func() {
		if v := recover(); v != nil {
			c.srv.log.Error("read pump panic", "panic", fmt.Sprint(v))
		}
		c.stopAll()
		close(c.done)
		c.ws.Close()
		c.srv.conns.Done()
	}()
	c.ws.SetReadLimit(maxFrameSize)
	c.ws.SetReadDeadline(time.Now().Add(pongWait))
	c.ws.SetPongHandler(func(string) error { c.ws.SetReadDeadline(time.Now().Add(pongWait)); return nil })
	for {
		kind, data, err := c.ws.ReadMessage()
		if err != nil {
			if err == websocket.ErrReadLimit {
				c.sendJSON(errorMsg{Type: "error", Message: fmt.Sprintf("message too large (the limit is %d KiB)", maxMessageSize>>10)})
			}
			return
		}
		if len(data) > maxMessageSize {
			c.sendJSON(errorMsg{Type: "error", Message: fmt.Sprintf("message too large (%d KiB; the limit is %d KiB): a program this long cannot run here", len(data)>>10, maxMessageSize>>10)})
			continue
		}
		if kind != websocket.TextMessage {
			c.sendJSON(errorMsg{Type: "error", Message: "messages must be JSON text"})
			continue
		}
		var m clientMsg
		if err := json.Unmarshal(data, &m); err != nil {
			c.sendJSON(errorMsg{Type: "error", Message: "not a protocol message: send one JSON object like {\"type\":\"run\",\"id\":\"r1\",\"source\":\"print(1)\"} (see docs/protocol.md)"})
			continue
		}
		c.handle(&m)
	}
}

// writePump is the connection's only writer.
func (c *conn) writePump() {
	ticker := time.NewTicker(pingPeriod)
	defer func() {
		ticker.Stop()
		c.ws.Close()
	}()
	for {
		select {
		case msg := <-c.send:
			c.ws.SetWriteDeadline(time.Now().Add(writeWait))
			if err := c.ws.WriteMessage(websocket.TextMessage, msg); err != nil {
				return
			}
		case <-ticker.C:
			c.ws.SetWriteDeadline(time.Now().Add(writeWait))
			if err := c.ws.WriteMessage(websocket.PingMessage, nil); err != nil {
				return
			}
		case <-c.srv.closing:
			b, _ := json.Marshal(errorMsg{Type: "bye", Message: "the server is restarting; run again in a moment"})
			c.ws.SetWriteDeadline(time.Now().Add(writeWait))
			c.ws.WriteMessage(websocket.TextMessage, b)
			c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, "server shutdown"))
			c.stopAll()
			return
		case <-c.done:
			return
		}
	}
}

// sendJSON queues a message; it reports false when the client is not
// keeping up (the queue is full).
func (c *conn) sendJSON(v any) bool {
	b, err := json.Marshal(v)
	if err != nil {
		return false
	}
	select {
	case c.send <- b:
		return true
	case <-c.done:
		return false
	default:
		return false
	}
}

func (c *conn) handle(m *clientMsg) {
	switch m.Type {
	case "run":
		c.startRun(m)
	case "stdin":
		r := c.lookup(m.ID)
		if r == nil {
			c.sendJSON(errorMsg{Type: "error", ID: m.ID, Message: "no run with this id is going on"})
			return
		}
		p := r.n - 1
		if m.Program != nil {
			p = *m.Program
		}
		if p < 0 || p >= r.n {
			c.sendJSON(errorMsg{Type: "error", ID: m.ID, Message: "program index out of range"})
			return
		}
		if len(m.Data) > 0 {
			r.run.Input(p, m.Data)
		}
		if m.EOF {
			r.run.CloseInput(p)
		}
	case "stop":
		// a stop that crosses the run's end on the wire is harmless: ignore it
		c.mu.Lock()
		if r := c.runs[m.ID]; r != nil {
			r.run.Stop()
		} else if i := slices.Index(c.order, m.ID); i >= 0 {
			// queued, not started yet: runLive stops it as soon as it starts
			c.order = slices.Delete(c.order, i, i+1)
		}
		c.mu.Unlock()
	case "":
		c.sendJSON(errorMsg{Type: "error", ID: m.ID, Message: `a message needs a "type" (run, stdin or stop)`})
	default:
		c.sendJSON(errorMsg{Type: "error", ID: m.ID, Message: fmt.Sprintf("unknown message type %q (run, stdin or stop)", m.Type)})
	}
}

func (c *conn) lookup(id string) *clientRun {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.runs[id]
}

func (c *conn) stopAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range c.runs {
		r.run.Stop()
	}
}

// programsOf builds the run's programs from a message, using the lesson's
// files when the message names an example without code.
func (c *conn) programsOf(m *clientMsg) ([]sandbox.Program, bool, error) {
	var progs []sandbox.Program
	switch {
	case m.Source != nil:
		progs = []sandbox.Program{{Name: "main.py", Source: *m.Source, Stdin: m.Stdin}}
	case len(m.Files) > 0:
		if len(m.Files) > maxFiles {
			return nil, false, fmt.Errorf("at most %d files in one run", maxFiles)
		}
		progs = m.Files
		for i := range progs {
			if progs[i].Name == "" {
				progs[i].Name = fmt.Sprintf("program%d.py", i+1)
			}
		}
	case m.Lesson != "" && m.Example != "":
		ex := c.lessonExample(m)
		if ex == nil {
			return nil, false, fmt.Errorf("no example %q in lesson %q", m.Example, m.Lesson)
		}
		for _, f := range ex.Files {
			progs = append(progs, sandbox.Program{Name: f.Name, Source: f.Source})
		}
	default:
		return nil, false, fmt.Errorf(`a run needs "source", "files", or "lesson" and "example"`)
	}
	// unmodified lesson examples can be answered from the cache
	pristine := false
	if ex := c.lessonExample(m); ex != nil && len(ex.Files) == len(progs) && m.Stdin == "" {
		pristine = true
		for i, f := range ex.Files {
			if progs[i].Source != f.Source || progs[i].Name != f.Name || progs[i].Stdin != "" {
				pristine = false
			}
		}
	}
	return progs, pristine, nil
}

// lessonExample is the lesson example a message names, or nil.
func (c *conn) lessonExample(m *clientMsg) *lessons.Example {
	if m.Lesson == "" || m.Example == "" {
		return nil
	}
	l := c.srv.Course().Lesson(m.Lesson)
	if l == nil {
		return nil
	}
	return l.Example(m.Example)
}

func (c *conn) startRun(m *clientMsg) {
	if m.ID == "" || len(m.ID) > maxIDLen {
		c.sendJSON(errorMsg{Type: "error", Message: fmt.Sprintf(`a run needs an "id" of 1 to %d characters`, maxIDLen)})
		return
	}
	if c.lookup(m.ID) != nil {
		c.sendJSON(errorMsg{Type: "error", ID: m.ID, Message: "a run with this id is already going on"})
		return
	}
	progs, pristine, err := c.programsOf(m)
	if err != nil {
		c.sendJSON(errorMsg{Type: "error", ID: m.ID, Message: err.Error()})
		return
	}
	if !c.srv.rate.allow(c.addr) {
		c.sendJSON(errorMsg{Type: "error", ID: m.ID, Message: "too many runs from your address in the last minute; wait a little and run again"})
		return
	}
	opts := sandbox.Options{Programs: progs, Limits: c.srv.cfg.Limits, Trace: true, Interactive: true}
	if ex := c.lessonExample(m); ex != nil && len(ex.Hosts) > 0 {
		// the lesson's own hosts of the simulated internet (checked when the lessons loaded)
		hosts, _ := vnet.ParseHosts(strings.Join(ex.Hosts, "\n"))
		for _, h := range hosts {
			opts.Hosts = append(opts.Hosts, sandbox.Host(h))
		}
	}
	if m.Trace != nil {
		opts.Trace = *m.Trace
	}
	if m.Interactive != nil {
		opts.Interactive = *m.Interactive
	}
	if m.Source != nil && m.Stdin != "" {
		opts.Programs[0].Stdin = m.Stdin
	}
	c.mu.Lock()
	for len(c.order) >= runsPerConn {
		oldest := c.order[0]
		c.order = c.order[1:]
		if r := c.runs[oldest]; r != nil {
			r.run.Stop()
		}
	}
	c.order = append(c.order, m.ID)
	c.mu.Unlock()
	key := ""
	if pristine {
		key = cacheKey(opts)
	}
	c.srv.runs.Add(1)
	go c.execute(m.ID, opts, key)
}

// cacheKey identifies a run's result: engine version, programs, options.
func cacheKey(opts sandbox.Options) string {
	h := sha256.New()
	b, _ := json.Marshal(struct {
		V string
		O sandbox.Options
	}{sandbox.Version, opts})
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// forget drops a run from the connection's runs. It happens before the run's
// end is sent: a client may reuse the id as soon as it reads the end.
func (c *conn) forget(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.runs, id)
	for i, x := range c.order {
		if x == id {
			c.order = append(c.order[:i], c.order[i+1:]...)
			break
		}
	}
}

// execute runs (or replays from the cache) one run and streams it.
func (c *conn) execute(id string, opts sandbox.Options, key string) {
	defer c.srv.runs.Done()
	// forget the run once, before its end goes out: after that the id may
	// already belong to the client's next run
	var once sync.Once
	forget := func() { once.Do(func() { c.forget(id) }) }
	defer func() {
		if v := recover(); v != nil {
			c.srv.log.Error("run panic", "panic", fmt.Sprint(v))
			forget()
			c.sendJSON(endMsg{Type: "end", ID: id, Status: sandbox.StatusError, Reason: "internal error in the server"})
		}
		forget()
	}()
	if key != "" {
		if entry, owner := c.srv.cache.claim(key); !owner {
			// another client is running (or has run) the same example: replay it
			if entry.wait(c.done) {
				c.replay(id, entry, forget)
				return
			}
			select {
			case <-c.done:
				return
			default:
			}
			c.runLive(id, opts, nil, forget)
			return
		} else {
			defer entry.finish()
			c.runLive(id, opts, entry, forget)
			return
		}
	}
	c.runLive(id, opts, nil, forget)
}

func (c *conn) replay(id string, e *cacheEntry, forget func()) {
	for i := 0; i < len(e.events); i += batchMax {
		end := min(i+batchMax, len(e.events))
		if !c.sendJSON(eventsMsg{Type: "events", ID: id, Events: e.events[i:end]}) {
			return
		}
	}
	em := e.end
	em.ID, em.Cached = id, true
	forget()
	c.sendJSON(em)
	c.srv.log.Info("run", "id", id, "status", em.Status, "cached", true, "events", len(e.events))
}

// runLive executes a run, batching its events to the client; rec (may be
// nil) records them for the cache; forget is called just before the end.
func (c *conn) runLive(id string, opts sandbox.Options, rec *cacheEntry, forget func()) {
	select {
	case c.srv.slots <- struct{}{}:
	case <-time.After(c.srv.cfg.QueueWait):
		c.sendJSON(errorMsg{Type: "error", ID: id, Message: "busy: the server is running as many programs as it can; run again in a few seconds"})
		if rec != nil {
			rec.abandon()
		}
		return
	case <-c.done:
		if rec != nil {
			rec.abandon()
		}
		return
	}
	defer func() { <-c.srv.slots }()

	var mu sync.Mutex
	var pending []sandbox.Event
	var all []sandbox.Event
	slow := false
	wake := make(chan struct{}, 1)
	run := c.srv.cfg.Engine(opts, func(e sandbox.Event) {
		mu.Lock()
		pending = append(pending, e)
		if rec != nil {
			all = append(all, e)
		}
		n := len(pending)
		mu.Unlock()
		if n >= batchMax {
			select {
			case wake <- struct{}{}:
			default:
			}
		}
	})
	c.mu.Lock()
	c.runs[id] = &clientRun{id: id, run: run, n: len(opts.Programs)}
	if !slices.Contains(c.order, id) {
		run.Stop() // a newer run displaced this one before it started
	}
	c.mu.Unlock()
	flush := func() {
		mu.Lock()
		batch := pending
		pending = nil
		mu.Unlock()
		for len(batch) > 0 && !slow {
			n := min(len(batch), batchMax)
			if !c.sendJSON(eventsMsg{Type: "events", ID: id, Events: batch[:n]}) {
				// the browser does not read: stop the run rather than buffer without end
				slow = true
				run.Stop()
			}
			batch = batch[n:]
		}
	}
	ticker := time.NewTicker(batchInterval)
	defer ticker.Stop()
loop:
	for {
		select {
		case <-run.Done():
			break loop
		case <-ticker.C:
			flush()
		case <-wake:
			flush()
		case <-c.done:
			run.Stop()
		}
	}
	flush()
	res := run.Wait()
	em := endMsg{Type: "end", ID: id, Status: res.Status, Reason: res.Reason, ExitCode: res.ExitCode, Exits: res.Exits,
		VirtualNS: res.VirtualNS, Steps: res.Steps, WallMS: res.Wall.Milliseconds()}
	if slow {
		em.Status, em.Reason = sandbox.StatusStopped, "your browser did not keep up with the output"
	}
	forget()
	c.sendJSON(em)
	c.srv.log.Info("run", "id", id, "status", em.Status, "steps", res.Steps, "virtual_ms", res.VirtualNS/1e6,
		"wall_ms", res.Wall.Milliseconds(), "events", res.Events, "addr", c.addr)
	if rec != nil {
		if (res.Status == sandbox.StatusOK || res.Status == sandbox.StatusError) && !hasInput(all) {
			rec.store(all, em)
		} else {
			rec.abandon()
		}
	}
}

func hasInput(evs []sandbox.Event) bool {
	for _, e := range evs {
		if e.Kind == sandbox.KindInputWait || e.Kind == sandbox.KindInput {
			return true
		}
	}
	return false
}
