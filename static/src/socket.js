// socket.js is the page's one connection to the run websocket (docs/protocol.md).
// Runs are told apart by id; each run's handler gets events, end and error
// messages. A page with <meta name="run-fixtures" content="URL/"> replays
// recorded event streams instead (the dev page and browser tests use it).

let socket = null;
let opening = null;
let counter = 0;
const handlers = new Map(); // run id -> {onEvents, onEnd, onError}
const queue = [];

function socketURL() {
  const meta = document.querySelector('meta[name="run-socket"]');
  const path = (meta && meta.content) || "/ws";
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  return proto + "//" + location.host + path;
}

function dispatch(msg) {
  if (msg.type === "bye") {
    for (const h of handlers.values()) h.onError(msg.message || "the server closed the connection");
    return;
  }
  const h = handlers.get(msg.id);
  if (!h) return;
  if (msg.type === "events") h.onEvents(msg.events || []);
  else if (msg.type === "end") { handlers.delete(msg.id); h.onEnd(msg); }
  else if (msg.type === "error") h.onError(msg.message || "the server refused the request");
}

function connect() {
  if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
  if (opening) return opening;
  opening = new Promise((resolve, reject) => {
    let ws;
    try { ws = new WebSocket(socketURL()); } catch (e) { opening = null; reject(e); return; }
    ws.onopen = () => { socket = ws; opening = null; resolve(ws); while (queue.length) ws.send(queue.shift()); };
    ws.onmessage = (e) => { try { dispatch(JSON.parse(e.data)); } catch { /* ignore a bad frame */ } };
    ws.onerror = () => {};
    ws.onclose = () => {
      const wasOpen = socket === ws;
      socket = null;
      if (opening) { opening = null; reject(new Error("closed")); }
      if (wasOpen) for (const [id, h] of handlers) { handlers.delete(id); h.onError("the connection to the server was lost; run again to reconnect"); }
    };
  });
  return opening;
}

function send(msg) {
  const text = JSON.stringify(msg);
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(text);
  else { queue.push(text); connect().catch(() => {}); }
}

function fixtureBase() {
  const meta = document.querySelector('meta[name="run-fixtures"]');
  return meta ? meta.content : null;
}

/**
 * startRun sends a run and returns a handle {id, stdin(data, program, eof), stop()}.
 * request holds files, lesson, example; h has onEvents, onEnd, onError.
 */
export function startRun(request, h) {
  const id = "r" + (++counter);
  const base = fixtureBase();
  if (base !== null) return fixtureRun(base, id, request, h);
  handlers.set(id, h);
  send({ type: "run", id, ...request });
  connect().catch(() => {
    if (handlers.has(id)) { handlers.delete(id); h.onError("cannot reach the server to run this program"); }
  });
  return {
    id,
    stdin(data, program, eof) { send(eof ? { type: "stdin", id, data, program, eof: true } : { type: "stdin", id, data, program }); },
    stop() { send({ type: "stop", id }); },
  };
}

// fixtureRun replays static/dev/fixtures/EXAMPLE.json ({events, end}) as if a
// server sent it: in batches, pausing at input-wait until stdin arrives.
function fixtureRun(base, id, request, h) {
  let stopped = false;
  let pending = [];
  let end = null;
  let seq = 0;
  let lastT = 0;
  const deliver = () => {
    if (stopped) return;
    const batch = [];
    while (pending.length) {
      const ev = pending.shift();
      ev.seq = ++seq; lastT = ev.t_ns;
      batch.push(ev);
      if (ev.kind === "input-wait") break;
    }
    if (batch.length) h.onEvents(batch);
    if (!pending.length && end) { const e = end; end = null; h.onEnd({ type: "end", id, ...e }); }
  };
  fetch(base + encodeURIComponent(request.example) + ".json")
    .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then((data) => { pending = data.events.slice(); end = data.end; setTimeout(deliver, 20); })
    .catch(() => h.onError("no recorded run for this example"));
  return {
    id,
    stdin(data, program) {
      if (stopped) return;
      if (data) pending.unshift({ t_ns: lastT, kind: "input", program: program || 0, text: data });
      setTimeout(deliver, 20);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      h.onEnd({ type: "end", id, status: "stopped", reason: "", exit_code: 0, exits: [], virtual_ns: lastT, steps: 0, wall_ms: 0 });
    },
  };
}
