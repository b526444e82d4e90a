// Package web is the site's HTTP layer: the routes, the pages rendered from
// the lessons, the static assets, and the run websocket (docs/protocol.md).
package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"coroutinetour/lessons"
	"coroutinetour/sandbox"
	"coroutinetour/static"
	"coroutinetour/templates"
)

// Config is everything the server can be told.
type Config struct {
	// LessonsDir serves lessons from a directory (reloaded when files change)
	// instead of the embedded ones.
	LessonsDir string
	// Origins lists extra allowed websocket origins (scheme://host[:port]);
	// the site's own host is always allowed.
	Origins []string
	// Limits bound each run (zero fields: the engine's defaults).
	Limits sandbox.Limits
	// MaxRuns is how many runs execute at once; QueueWait how long a run
	// waits for a slot before the client is told the server is busy.
	MaxRuns   int
	QueueWait time.Duration
	// RunsPerMinute is the per-address rate (a classroom shares one address).
	RunsPerMinute int
	// TrustProxy takes the client address from X-Forwarded-For / X-Real-IP.
	TrustProxy bool
	Logger     *slog.Logger
	// Engine starts runs; nil means the real engine (sandbox.Start).
	Engine Engine
}

// Server serves the site.
type Server struct {
	cfg     Config
	log     *slog.Logger
	course  atomic.Pointer[lessons.Course]
	pages   *template.Template
	assets  map[string]asset // by hashed name
	hashed  map[string]string
	slots   chan struct{}
	cache   *runCache
	rate    *rateLimiter
	closing chan struct{}
	closed  sync.Once
	conns   sync.WaitGroup
	runs    sync.WaitGroup
}

type asset struct {
	body        []byte
	contentType string
	etag        string
}

// New loads the lessons and templates; a broken lesson is an error naming
// its file and line.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if cfg.Engine == nil {
		cfg.Engine = realEngine
	}
	if cfg.MaxRuns <= 0 {
		cfg.MaxRuns = 16
	}
	if cfg.QueueWait <= 0 {
		cfg.QueueWait = 3 * time.Second
	}
	if cfg.RunsPerMinute <= 0 {
		cfg.RunsPerMinute = 1200
	}
	s := &Server{cfg: cfg, log: cfg.Logger, slots: make(chan struct{}, cfg.MaxRuns), cache: newRunCache(512),
		rate: newRateLimiter(cfg.RunsPerMinute), closing: make(chan struct{})}
	course, err := s.loadCourse()
	if err != nil {
		return nil, err
	}
	s.course.Store(course)
	if err := s.loadAssets(); err != nil {
		return nil, err
	}
	funcs := template.FuncMap{"asset": func(name string) string { return s.hashed[name] }}
	s.pages, err = template.New("").Funcs(funcs).ParseFS(templates.FS, "*.html")
	if err != nil {
		return nil, err
	}
	if cfg.LessonsDir != "" {
		go s.watchLessons()
	}
	return s, nil
}

// Course returns the lessons being served.
func (s *Server) Course() *lessons.Course { return s.course.Load() }

func (s *Server) loadCourse() (*lessons.Course, error) {
	if s.cfg.LessonsDir == "" {
		return lessons.Load(lessons.Embedded)
	}
	return lessons.Load(os.DirFS(s.cfg.LessonsDir))
}

// watchLessons reloads a lessons directory when a file changes; a broken
// edit is logged and the previous lessons stay in service.
func (s *Server) watchLessons() {
	last := dirStamp(s.cfg.LessonsDir)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-s.closing:
			return
		case <-t.C:
		}
		stamp := dirStamp(s.cfg.LessonsDir)
		if stamp == last {
			continue
		}
		last = stamp
		c, err := s.loadCourse()
		if err != nil {
			s.log.Error("lessons not reloaded", "err", err)
			continue
		}
		s.course.Store(c)
		s.log.Info("lessons reloaded", "lessons", len(c.Lessons))
	}
}

// dirStamp summarises the names, sizes and times of the files under dir.
func dirStamp(dir string) string {
	h := sha256.New()
	fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}

func (s *Server) loadAssets() error {
	s.assets, s.hashed = map[string]asset{}, map[string]string{}
	add := func(name string, body []byte) {
		sum := sha256.Sum256(body)
		tag := hex.EncodeToString(sum[:])[:12]
		ext := path.Ext(name)
		hashedName := strings.TrimSuffix(name, ext) + "." + tag + ext
		ct := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".map": "application/json"}[ext]
		if ct == "" {
			ct = "application/octet-stream"
		}
		s.assets[hashedName] = asset{body: body, contentType: ct, etag: `"` + tag + `"`}
		s.hashed[name] = "/static/" + hashedName
	}
	add("chroma.css", []byte(lessons.ChromaCSS()))
	for _, name := range []string{"app.js", "app.css", "theme.js"} {
		body, err := fs.ReadFile(static.Dist, "dist/"+name)
		if err != nil {
			// the pages stay readable without the bundle
			s.log.Warn("bundle file missing; build it with `npm run build` in static/", "file", name)
			body = []byte("/* " + name + " has not been built */\n")
		}
		add(name, body)
	}
	return nil
}

// Handler returns the site's routes.
func (s *Server) Handler() http.Handler {
	r := chi.NewRouter()
	r.Use(s.recoverer)
	r.Use(s.requestLog)
	r.Get("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	r.Get("/ws", s.serveWS)
	r.Group(func(r chi.Router) {
		r.Use(middleware.Compress(5, "text/html", "text/css", "text/javascript", "application/json", "text/plain"))
		r.Get("/", s.serveCourse)
		r.Get("/lessons/{slug}", s.serveLesson)
		r.Get("/static/{name}", s.serveAsset)
		r.NotFound(s.serveNotFound)
	})
	return r
}

// pageData is what the templates see.
type pageData struct {
	Page   string
	Course *lessons.Course
	Lesson *lessons.Lesson
	Path   string
}

func (s *Server) render(w http.ResponseWriter, status int, name string, data pageData) {
	t, err := s.pages.Clone()
	if err == nil {
		_, err = t.ParseFS(templates.FS, name)
	}
	var buf bytes.Buffer
	if err == nil {
		err = t.ExecuteTemplate(&buf, "base", data)
	}
	if err != nil {
		s.log.Error("page not rendered", "template", name, "err", err)
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) serveCourse(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "course.html", pageData{Page: "course", Course: s.Course()})
}

func (s *Server) serveLesson(w http.ResponseWriter, r *http.Request) {
	c := s.Course()
	l := c.Lesson(chi.URLParam(r, "slug"))
	if l == nil {
		s.serveNotFound(w, r)
		return
	}
	s.render(w, http.StatusOK, "lesson.html", pageData{Page: "lesson", Course: c, Lesson: l})
}

func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusNotFound, "notfound.html", pageData{Page: "notfound", Course: s.Course(), Path: r.URL.Path})
}

func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets[chi.URLParam(r, "name")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", a.contentType)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("ETag", a.etag)
	if r.Header.Get("If-None-Match") == a.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(a.body)
}

// clientAddr is the address rate limits apply to.
func (s *Server) clientAddr(r *http.Request) string {
	if s.cfg.TrustProxy {
		if xf := r.Header.Get("X-Forwarded-For"); xf != "" {
			return strings.TrimSpace(strings.Split(xf, ",")[0])
		}
		if xr := r.Header.Get("X-Real-IP"); xr != "" {
			return xr
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// recoverer turns a panic in a handler into a 500 and a log line.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil && v != http.ErrAbortHandler {
				s.log.Error("handler panic", "path", r.URL.Path, "panic", fmt.Sprint(v))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// requestLog writes one line per request.
func (s *Server) requestLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", ww.Status(),
			"bytes", ww.BytesWritten(), "ms", time.Since(start).Milliseconds(), "addr", s.clientAddr(r))
	})
}

// Shutdown tells open websockets the server is going away and stops their runs.
func (s *Server) Shutdown() {
	s.closed.Do(func() { close(s.closing) })
}

// Wait blocks until every websocket connection has finished.
func (s *Server) Wait() { s.conns.Wait() }
