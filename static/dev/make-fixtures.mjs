// make-fixtures.mjs writes the dev page (index.html) and hand-made event
// streams (fixtures/NAME.json) for the seed examples, following
// docs/protocol.md, so the page and timeline can be built and tested before
// the engine emits coroutine events. Run: node dev/make-fixtures.mjs
import { writeFileSync, mkdirSync } from "node:fs";

const S = 1e9;

// Rec records one run: ev() appends an event at the current virtual time.
class Rec {
  constructor() { this.t = 0; this.seq = 0; this.events = []; this.prog = 0; }
  ev(kind, f) { this.events.push({ seq: ++this.seq, t_ns: this.t, kind, program: this.prog, ...f }); return this; }
  at(sec) { this.t = Math.round(sec * S); return this; }
  out(g, text, line) { return this.ev("stdout", { g, text, ...(line ? { line } : {}) }); }
  err(g, text) { return this.ev("stderr", { g, text }); }
  spawn(g, name, role, parent, line) { return this.ev("spawn", { g, name, role, ...(parent ? { parent } : {}), ...(line ? { line } : {}) }); }
  sw(from, to, reason, label, line) { return this.ev("switch", { from, to, reason, ...(label ? { label } : {}), ...(line ? { line } : {}) }); }
  line(g, line) { return this.ev("line", { g, line }); }
  sleep(g, untilSec) { return this.ev("sleep", { g, until_ns: Math.round(untilSec * S) }); }
  wait(g, reason) { return this.ev("wait", { g, reason }); }
  exit(g, value) { return this.ev("exit", { g, value: value || "None" }); }
  pexit(code) { return this.ev("program-exit", { code }); }
  end(status, extra) { return { events: this.events, end: { type: "end", status, reason: "", exit_code: 0, exits: [0], virtual_ns: this.t, steps: this.seq * 37, wall_ms: 3, cached: false, ...extra } }; }
}

const examples = [];
const fixtures = {};
function example(name, files, run, opts = {}) {
  examples.push({ name, files, ...opts });
  fixtures[name] = run;
}

// 1. baozi: producer/consumer with generators and ANSI colour.
example("baozi", [{ name: "main.py", source: `import time

def consumer(name):
    print("%s is ready to eat buns" % name)
    while True:
        bun = yield
        print("\\033[32;1m[%s]\\033[0m got bun %s" % (name, bun))

def producer():
    a = consumer("A")
    b = consumer("B")
    next(a)
    next(b)
    print("start making buns")
    for i in range(3):
        time.sleep(1)
        print("made bun %s" % i)
        a.send(i)
        b.send(i)

producer()
` }], (() => {
  const r = new Rec();
  r.spawn(1, "main.py", "program", 0, 1).line(1, 21).line(1, 10);
  r.spawn(2, "a", "generator", 1, 10).line(1, 11).spawn(3, "b", "generator", 1, 11).line(1, 12);
  r.sw(1, 2, "next", "next(a)", 12).line(2, 4).out(2, "A is ready to eat buns\n", 4).line(2, 6).sw(2, 1, "yield", "yield", 6);
  r.line(1, 13).sw(1, 3, "next", "next(b)", 13).line(3, 4).out(3, "B is ready to eat buns\n", 4).line(3, 6).sw(3, 1, "yield", "yield", 6);
  r.line(1, 14).out(1, "start making buns\n", 14);
  for (let i = 0; i < 3; i++) {
    r.line(1, 16).sleep(1, i + 1).at(i + 1).line(1, 17).out(1, `made bun ${i}\n`, 17);
    r.line(1, 18).sw(1, 2, "send", `send(${i})`, 18).line(2, 7).out(2, `\x1b[32;1m[A]\x1b[0m got bun ${i}\n`, 7).line(2, 6).sw(2, 1, "yield", "yield", 6);
    r.line(1, 19).sw(1, 3, "send", `send(${i})`, 19).line(3, 7).out(3, `\x1b[32;1m[B]\x1b[0m got bun ${i}\n`, 7).line(3, 6).sw(3, 1, "yield", "yield", 6);
  }
  r.pexit(0);
  return r.end("ok");
})(), { golden: "A is ready to eat buns\nB is ready to eat buns\nstart making buns\nmade bun 0\n\x1b[32;1m[A]\x1b[0m got bun 0\n\x1b[32;1m[B]\x1b[0m got bun 0\nmade bun 1\n\x1b[32;1m[A]\x1b[0m got bun 1\n\x1b[32;1m[B]\x1b[0m got bun 1\nmade bun 2\n\x1b[32;1m[A]\x1b[0m got bun 2\n\x1b[32;1m[B]\x1b[0m got bun 2\n" });

// 2. greenlet test1/test2: 12 56 34 78.
example("greenlets", [{ name: "main.py", source: `from greenlet import greenlet

def test1():
    print(12)
    gr2.switch()
    print(34)

def test2():
    print(56)
    gr1.switch()
    print(78)

gr1 = greenlet(test1)
gr2 = greenlet(test2)
gr1.switch()
gr2.switch()
` }], (() => {
  const r = new Rec();
  r.spawn(1, "main.py", "program", 0, 1).line(1, 13).spawn(2, "gr1", "greenlet", 1, 13).line(1, 14).spawn(3, "gr2", "greenlet", 1, 14);
  r.line(1, 15).sw(1, 2, "switch", "gr1.switch()", 15).line(2, 4).out(2, "12\n", 4).line(2, 5).sw(2, 3, "switch", "gr2.switch()", 5);
  r.line(3, 9).out(3, "56\n", 9).line(3, 10).sw(3, 2, "switch", "gr1.switch()", 10).line(2, 6).out(2, "34\n", 6).exit(2).sw(2, 1, "finished", "", 6);
  r.line(1, 16).sw(1, 3, "switch", "gr2.switch()", 16).line(3, 11).out(3, "78\n", 11).exit(3).sw(3, 1, "finished", "", 11).pexit(0);
  return r.end("ok");
})(), { golden: "12\n56\n34\n78\n", predict: true });

// 3. foo / bar / func3 with gevent sleeps.
example("foobar", [{ name: "main.py", source: `import gevent

def foo():
    print("Running in foo")
    gevent.sleep(2)
    print("Explicit context switch to foo again")

def bar():
    print("Explicit context to bar")
    gevent.sleep(1)
    print("Implicit context switch back to bar")

def func3():
    print("running func3")
    gevent.sleep(0)
    print("running func3 again")

gevent.joinall([
    gevent.spawn(foo),
    gevent.spawn(bar),
    gevent.spawn(func3),
])
` }], (() => {
  const r = new Rec();
  r.spawn(1, "main.py", "program", 0, 1).spawn(2, "hub", "hub", 1, 19);
  r.spawn(3, "foo", "gevent", 1, 19).spawn(4, "bar", "gevent", 1, 20).spawn(5, "func3", "gevent", 1, 21);
  r.line(1, 18).wait(1, "join").sw(1, 2, "wait", "joinall()", 18).sw(2, 3, "timer");
  r.line(3, 4).out(3, "Running in foo\n", 4).line(3, 5).sleep(3, 2).sw(3, 2, "sleep", "sleep(2)", 5).sw(2, 4, "timer");
  r.line(4, 9).out(4, "Explicit context to bar\n", 9).line(4, 10).sleep(4, 1).sw(4, 2, "sleep", "sleep(1)", 10).sw(2, 5, "timer");
  r.line(5, 14).out(5, "running func3\n", 14).line(5, 15).sleep(5, 0).sw(5, 2, "sleep", "sleep(0)", 15).sw(2, 5, "timer");
  r.line(5, 16).out(5, "running func3 again\n", 16).exit(5).sw(5, 2, "finished");
  r.at(1).sw(2, 4, "timer").line(4, 11).out(4, "Implicit context switch back to bar\n", 11).exit(4).sw(4, 2, "finished");
  r.at(2).sw(2, 3, "timer").line(3, 6).out(3, "Explicit context switch to foo again\n", 6).exit(3).sw(3, 2, "finished");
  r.sw(2, 1, "io", "joinall() returns").pexit(0);
  return r.end("ok");
})());

// 4. sync vs async: one line a second, then five at once.
example("sync-async", [{ name: "main.py", source: `import gevent

def task(pid):
    gevent.sleep(1)
    print("Task %s done" % pid)

def synchronous():
    for i in range(1, 6):
        task(i)

def asynchronous():
    tasks = [gevent.spawn(task, i) for i in range(1, 6)]
    gevent.joinall(tasks)

print("Synchronous:")
synchronous()
print("Asynchronous:")
asynchronous()
` }], (() => {
  const r = new Rec();
  r.spawn(1, "main.py", "program", 0, 1).line(1, 15).out(1, "Synchronous:\n", 15).spawn(2, "hub", "hub", 1, 4);
  for (let i = 1; i <= 5; i++) {
    r.line(1, 4).sleep(1, i).sw(1, 2, "sleep", "sleep(1)", 4).at(i).sw(2, 1, "timer").line(1, 5).out(1, `Task ${i} done\n`, 5);
  }
  r.line(1, 17).out(1, "Asynchronous:\n", 17);
  for (let i = 1; i <= 5; i++) r.spawn(2 + i, `task(${i})`, "gevent", 1, 12);
  r.wait(1, "join").sw(1, 2, "wait", "joinall()", 13);
  for (let i = 1; i <= 5; i++) r.sw(2, 2 + i, "timer").line(2 + i, 4).sleep(2 + i, 6).sw(2 + i, 2, "sleep", "sleep(1)", 4);
  r.at(6);
  for (let i = 1; i <= 5; i++) r.sw(2, 2 + i, "timer").line(2 + i, 5).out(2 + i, `Task ${i} done\n`, 5).exit(2 + i).sw(2 + i, 2, "finished");
  r.sw(2, 1, "io", "joinall() returns").pexit(0);
  return r.end("ok");
})());

// 5. the crawl, patched and not patched (compared on one time axis).
const urls = [["https://www.python.org/", 0.3, 50123], ["https://www.yahoo.com/", 0.5, 80211], ["https://github.com/", 0.2, 61002]];
const crawlSource = (patched) => `${patched ? "from gevent import monkey; monkey.patch_all()\n" : ""}import gevent
from urllib.request import urlopen

def f(url):
    print("GET: %s" % url)
    data = urlopen(url).read()
    print("%d bytes received from %s." % (len(data), url))

gevent.joinall([
    gevent.spawn(f, "https://www.python.org/"),
    gevent.spawn(f, "https://www.yahoo.com/"),
    gevent.spawn(f, "https://github.com/"),
])
`;
example("crawl", [{ name: "main.py", source: crawlSource(true) }], (() => {
  const r = new Rec();
  const o = 1;
  r.spawn(1, "main.py", "program").spawn(2, "hub", "hub", 1);
  urls.forEach((u, i) => r.spawn(3 + i, `f(${new URL(u[0]).host})`, "gevent", 1, 10 + i + o));
  r.wait(1, "join").sw(1, 2, "wait", "joinall()", 9 + o);
  urls.forEach((u, i) => r.sw(2, 3 + i, "timer").out(3 + i, `GET: ${u[0]}\n`, 5 + o).wait(3 + i, "socket").sw(3 + i, 2, "io", "urlopen()", 6 + o));
  [...urls.keys()].sort((a, b) => urls[a][1] - urls[b][1]).forEach((i) => {
    const u = urls[i];
    r.at(u[1]).sw(2, 3 + i, "io").out(3 + i, `${u[2]} bytes received from ${u[0]}.\n`, 7 + o).exit(3 + i).sw(3 + i, 2, "finished");
  });
  r.sw(2, 1, "io", "joinall() returns").pexit(0);
  return r.end("ok");
})(), { compare: "crawl-blocking" });
example("crawl-blocking", [{ name: "main.py", source: crawlSource(false) }], (() => {
  const r = new Rec();
  r.spawn(1, "main.py", "program").spawn(2, "hub", "hub", 1);
  urls.forEach((u, i) => r.spawn(3 + i, `f(${new URL(u[0]).host})`, "gevent", 1, 10 + i));
  r.wait(1, "join").sw(1, 2, "wait", "joinall()", 9);
  let t = 0;
  urls.forEach((u, i) => {
    r.sw(2, 3 + i, "timer").out(3 + i, `GET: ${u[0]}\n`, 5).wait(3 + i, "socket");
    t += u[1];
    r.at(t).out(3 + i, `${u[2]} bytes received from ${u[0]}.\n`, 7).exit(3 + i).sw(3 + i, 2, "finished");
  });
  r.sw(2, 1, "io", "joinall() returns").pexit(0);
  return r.end("ok");
})());

// 6. the echo server with two clients: two programs on one virtual network.
example("echo", [{ name: "server.py", source: `from gevent.server import StreamServer

def handle(sock, address):
    print("connection from client %d" % address[1])
    while True:
        data = sock.recv(1024)
        if not data:
            break
        sock.sendall(data)
    print("client %d left" % address[1])

StreamServer(("127.0.0.1", 8000), handle).serve_forever()
` }, { name: "client.py", source: `import gevent
from gevent import socket

def client(word):
    s = socket.create_connection(("127.0.0.1", 8000))
    s.sendall(word.encode())
    print("echoed:", s.recv(1024).decode())
    s.close()

gevent.joinall([gevent.spawn(client, "hello"), gevent.spawn(client, "world")])
` }], (() => {
  const r = new Rec();
  // Coroutine ids are per program: each program's main is 1 and its hub 2.
  r.prog = 0; r.spawn(1, "server.py", "program").spawn(2, "Hub", "hub", 1).wait(1, "accept").sw(1, 2, "wait", "serve_forever()", 12);
  r.prog = 1; r.spawn(1, "client.py", "program").spawn(2, "Hub", "hub", 1).spawn(3, "client(hello)", "gevent", 1, 10).spawn(4, "client(world)", "gevent", 1, 10);
  r.wait(1, "join").sw(1, 2, "wait", "joinall()", 10);
  r.sw(2, 3, "timer").wait(3, "socket").sw(3, 2, "io", "connect()", 5).sw(2, 4, "timer").wait(4, "socket").sw(4, 2, "io", "connect()", 5);
  const handlers = [[3, 40001, "hello", 3], [4, 40002, "world", 4]];
  r.at(0.001); r.prog = 0;
  for (const [g, port, word, cg] of handlers) {
    r.spawn(g, `handle(${port})`, "gevent", 1, 12).sw(2, g, "io").line(g, 4).out(g, `connection from client ${port}\n`, 4).wait(g, "socket").sw(g, 2, "io", "recv()", 6);
  }
  r.at(0.002);
  for (const [g, port, word, cg] of handlers) {
    r.prog = 1; r.sw(2, cg, "io").wait(cg, "socket").sw(cg, 2, "io", "sendall()", 6);
    r.prog = 0; r.sw(2, g, "io").wait(g, "socket").sw(g, 2, "io", "sendall()", 9);
  }
  r.at(0.003);
  for (const [g, port, word, cg] of handlers) {
    r.prog = 1; r.sw(2, cg, "io").out(cg, `echoed: ${word}\n`, 7).exit(cg).sw(cg, 2, "finished");
    r.prog = 0; r.sw(2, g, "io").out(g, `client ${port} left\n`, 10).exit(g).sw(g, 2, "finished");
  }
  r.prog = 1; r.sw(2, 1, "io", "joinall() returns").pexit(0);
  r.prog = 0; r.wait(1, "accept");
  return r.end("idle", { reason: "the server is still waiting for a connection, and no program can connect any more", exits: [-1, 0] });
})());

// 7. input(): the program waits for the learner.
example("ask", [{ name: "main.py", source: `name = input("Your name? ")
print("Hello, %s!" % name)
`, stdin: "Ada\n" }], (() => {
  const r = new Rec();
  r.spawn(1, "main.py", "program").line(1, 1).out(1, "Your name? ", 1).ev("input-wait", { g: 1, text: "Your name? " });
  r.line(1, 2).out(1, "Hello, Ada!\n", 2).pexit(0);
  return r.end("ok");
})());

// 8. a traceback in the learner's code.
example("oops", [{ name: "main.py", source: `def share(buns, people):
    return buns // people

print(share(6, 3))
print(share(6, 0))
` }], (() => {
  const r = new Rec();
  r.spawn(1, "main.py", "program").out(1, "2\n", 4);
  r.err(1, 'Traceback (most recent call last):\n  File "main.py", line 5, in <module>\n    print(share(6, 0))\n  File "main.py", line 2, in share\n    return buns // people\n           ~~~~~^^~~~~~~~\nZeroDivisionError: integer division or modulo by zero\n').pexit(1);
  return r.end("error", { exit_code: 1, exits: [1] });
})());

// 9. an exercise.
example("countdown", [{ name: "main.py", source: `def countdown(n):
    # yield n, n-1, ..., 1
    pass

for x in countdown(3):
    print(x)
` }], (() => {
  const r = new Rec();
  r.spawn(1, "main.py", "program").spawn(2, "countdown(3)", "generator", 1, 5);
  for (const v of [3, 2, 1]) r.sw(1, 2, "next", "next()", 5).sw(2, 1, "yield", `yield ${v}`, 4).out(1, `${v}\n`, 6);
  r.sw(1, 2, "next", "next()", 5).exit(2).sw(2, 1, "finished", "StopIteration", 4).pexit(0);
  return r.end("ok");
})(), { kind: "exercise", expect: { mode: "exact", text: "3\n2\n1\n" }, hints: ["<p>Use a <code>while</code> loop that runs while <code>n &gt; 0</code>.</p>", "<p>Inside the loop: <code>yield n</code>, then <code>n -= 1</code>.</p>"], solution: "def countdown(n):\n    while n > 0:\n        yield n\n        n -= 1\n\nfor x in countdown(3):\n    print(x)\n" });

mkdirSync(new URL("fixtures/", import.meta.url), { recursive: true });
for (const [name, run] of Object.entries(fixtures)) {
  writeFileSync(new URL(`fixtures/${name}.json`, import.meta.url), JSON.stringify(run, null, 0).replace(/\},\{"seq"/g, '},\n{"seq"') + "\n");
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const scriptJSON = (v) => JSON.stringify(v).replace(/</g, "\\u003c");
const section = (ex) => {
  const data = { files: ex.files };
  if (ex.golden) data.golden = { [ex.files[0].name]: { stdout: ex.golden, stderr: "", code: 0 } };
  if (ex.expect) Object.assign(data, { expect: ex.expect, hints: ex.hints, solution: ex.solution });
  return `<section class="example" id="ex-${ex.name}" data-example="${ex.name}" data-kind="${ex.kind || "run"}"${ex.compare ? ` data-compare="${ex.compare}"` : ""}>
  <script type="application/json" class="example-data">${scriptJSON(data)}</script>
  <div class="example-static">${ex.files.map((f) => `<pre class="chroma">${esc(f.source)}</pre>`).join("")}</div>
</section>`;
};
const titles = {
  baozi: "Generators: the baozi producer and consumer", greenlets: "greenlet: test1 and test2", foobar: "gevent: foo, bar and func3",
  "sync-async": "Synchronous against asynchronous", crawl: "The crawl with monkey.patch_all()", "crawl-blocking": "The same crawl without patching",
  echo: "An echo server and its clients", ask: "input()", oops: "A traceback", countdown: "Exercise: count down",
};
const body = examples.map((ex) => `<h2 id="h-${ex.name}">${esc(titles[ex.name])}</h2>\n${section(ex)}${ex.predict ? `
<section class="predict" data-example="greenlets" data-answer="2" id="predict-order">
  <p class="predict-question">In what order do the numbers come out?</p>
  <ol class="predict-choices"><li>12 34 56 78</li><li>12 56 34 78</li><li>12 56 78 34</li></ol>
</section>` : ""}`).join("\n");
writeFileSync(new URL("index.html", import.meta.url), `<!doctype html>
<!-- Generated by dev/make-fixtures.mjs: a lesson page like the templates render (docs/page.md), replaying recorded runs. -->
<html lang="en" data-theme="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="run-socket" content="/ws">
<meta name="run-fixtures" content="fixtures/">
<title>Dev page · Coroutine Tour</title>
<script src="../dist/theme.js"></script>
<link rel="stylesheet" href="../dist/app.css">
<script type="module" src="../dist/app.js"></script>
</head>
<body data-page="lesson" data-lesson="dev" data-prev="course.html" data-next="course.html">
<a class="skip-link" href="#main">Skip to the content</a>
<header class="site-header">
  <a class="site-title" href="course.html">Coroutine Tour</a>
  <nav aria-label="Site"><a href="course.html">Course</a><span data-tour-settings></span></nav>
</header>
<main id="main">
<div class="lesson-layout">
<nav class="toc" aria-label="In this lesson">
<p class="toc-title">Lesson 2 of 3</p>
<ol>${examples.map((ex) => `<li><a href="#h-${ex.name}">${esc(titles[ex.name])}</a></li>`).join("")}</ol>
</nav>
<article class="lesson">
<h1>Dev page: every example, replayed from fixtures</h1>
<p>Each example below replays a hand-written event stream from <code>dev/fixtures/</code>.</p>
<aside class="admonition note"><p class="admonition-title">Note</p><p>Virtual time: sleeping costs nothing real.</p></aside>
<aside class="admonition teacher" data-teacher><p class="admonition-title">Teacher</p><p>Ask the class to predict the order before running.</p></aside>
${body}
<nav class="pager" aria-label="Lessons"><a class="pager-prev" rel="prev" href="course.html">← Course</a><a class="pager-next" rel="next" href="course.html">Course →</a></nav>
</article>
</div>
</main>
<footer class="site-footer"><p>Dev page: runs are replayed from recorded event streams.</p></footer>
</body>
</html>
`);
writeFileSync(new URL("course.html", import.meta.url), `<!doctype html>
<!-- Generated by dev/make-fixtures.mjs: a course page like the templates render. -->
<html lang="en" data-theme="auto">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Course · Coroutine Tour</title><link rel="stylesheet" href="../dist/app.css"><script type="module" src="../dist/app.js"></script></head>
<body data-page="course" data-next="index.html">
<header class="site-header"><a class="site-title" href="course.html">Coroutine Tour</a><nav aria-label="Site"><a href="course.html">Course</a><span data-tour-settings></span></nav></header>
<main><h1>Coroutine Tour</h1>
<ol class="course">
<li data-lesson="generators"><a href="index.html">Generators</a><p>yield hands control back.</p></li>
<li data-lesson="dev"><a href="index.html">Dev page</a><p>Every example.</p></li>
<li data-lesson="gevent"><a href="index.html">gevent</a><p>A hub that switches for you.</p></li>
</ol></main></body></html>
`);
console.log("wrote", Object.keys(fixtures).length, "fixtures");
