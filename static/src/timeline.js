// timeline.js draws one lane per coroutine on a virtual-time axis, as SVG:
// state bars (running, ready, sleeping, waiting, finished), an arrow at every
// switch, and output pinned where it was printed. Events at the same virtual
// instant get slots of their own so that generators and greenlets, which
// switch without time passing, still read left to right.

const NS = "http://www.w3.org/2000/svg";
const basePxPerSec = 90; // px per virtual second between instants, before fitting
const maxGapSec = 8;    // longer gaps are drawn broken
const laneH = 30;    // a lane's height
const compactH = 18; // a lane's height in a crowded timeline
const axisH = 24;
const denseAt = 16;  // more lanes than this are crowded: similar ones are grouped
const groupMin = 4;  // this many similar coroutines make a group

// Events that take a slot of their own on the axis.
const slotted = new Set(["switch", "stdout", "stderr", "spawn", "exit", "input", "input-wait", "program-exit"]);

function el(name, attrs, parent) {
  const n = document.createElementNS(NS, name);
  for (const k in attrs) n.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(n);
  return n;
}

/** fmtTime prints a virtual time in seconds, briefly. */
export function fmtTime(ns) {
  const s = ns / 1e9;
  if (s === 0) return "0 s";
  if (s < 0.01) return (ns / 1e6).toFixed(1) + " ms";
  if (s < 10) return s.toFixed(s < 1 ? 2 : 1) + " s";
  return s.toFixed(0) + " s";
}

/**
 * slotWidth is the room (px, before fitting) that an event takes inside its
 * instant: a labelled switch needs room for its label, a plain hop to or from
 * gevent's hub very little, an output dot room for a few letters.
 */
function slotWidth(e) {
  switch (e.kind) {
    case "switch": return e.label ? Math.max(22, Math.min(60, switchLabel(e.label).length * 6.2 + 6)) : 14;
    case "stdout": case "stderr": return 24;
    case "spawn": return 14;
    case "exit": return 16;
    case "input": case "input-wait": return 18;
    default: return 6;
  }
}

/** switchLabel is the label drawn on a switch arrow: "yield None" reads as plain "yield". */
export function switchLabel(label) {
  return (label || "").replace(/^(yield|return) None$/, "$1");
}

/**
 * shortName makes a coroutine's name (the call as written, with the repr of
 * its arguments) short enough for the lane's label: object reprs become "…",
 * URLs lose their scheme and the middle of long strings is left out. The full
 * name stays in the tooltip.
 */
export function shortName(name) {
  let s = name.replace(/<[^>]*>/g, "…").replace(/<[^>]*$/, "…)");
  s = s.replace(/https?:\/\/(www\.)?/g, "");
  s = s.replace(/(['"])([^'"]{17,})/g, (m, q, body) => q + body.slice(0, 7) + "…" + body.slice(-8));
  return s.length > 26 ? s.slice(0, 25) + "…" : s;
}

function stateOf(reason) {
  if (reason === "finished" || reason === "return" || reason === "killed") return "finished";
  return "ready";
}

/**
 * model turns an event list into lanes with state segments, switches and
 * outputs. Each slotted event gets {t, off, w}: its instant, and its slot's
 * offset and width there.
 */
export function model(events) {
  const lanes = new Map();
  const order = [];
  let at = { t: 0, off: 0, w: 0 };
  // Coroutine ids are unique within a program; several programs share a run.
  const lane = (g, program) => {
    const key = (program || 0) + ":" + g;
    if (!lanes.has(key)) {
      const l = { g, name: "g" + g, role: "", program: program || 0, segs: [], state: "ready", since: at, detail: "" };
      lanes.set(key, l);
      order.push(l);
    }
    return lanes.get(key);
  };
  const setState = (l, state, pos, detail) => {
    if (l.state === state && l.detail === (detail || "")) return;
    l.segs.push({ t0: l.since, state: l.state, detail: l.detail });
    l.state = state; l.since = pos; l.detail = detail || "";
  };
  const marks = []; // slotted events with their position
  const slotsAt = new Map(); // instant -> the width of its slots
  const lastAt = new Map(); // instant -> its last slot
  const lineOf = new Map(); // g -> last line seen
  const runningIn = new Map(); // program -> the lane running there
  const sleepers = new Set(); // lanes sleeping until their timer
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    // Negative ids are the engine's own helpers (library generators), and a
    // switch to oneself changes nothing: neither belongs on the timeline.
    if ((e.g || 0) < 0 || (e.from || 0) < 0 || (e.to || 0) < 0) continue;
    if (e.kind === "switch" && e.from === e.to) continue;
    // A sleeper's timer is due at the start of its instant: from there it is
    // ready, waiting for its turn (five tasks sleeping together wake together,
    // then run one after another).
    if (sleepers.size) {
      for (const l of sleepers) {
        if (l.state !== "sleeping") { sleepers.delete(l); continue; }
        if (l.until <= e.t_ns) { setState(l, "ready", { t: l.until, off: 0, w: 0 }); sleepers.delete(l); }
      }
    }
    let pos = null;
    if (slotted.has(e.kind)) {
      // A slot's offset and width inside its instant, in px before fitting.
      const off = slotsAt.get(e.t_ns) || 0;
      const w = slotWidth(e);
      slotsAt.set(e.t_ns, off + w);
      pos = { t: e.t_ns, off, w };
      lastAt.set(e.t_ns, pos);
    }
    at = pos || lastAt.get(e.t_ns) || { t: e.t_ns, off: 0, w: 0 };
    const mark = { i, e, pos: at };
    switch (e.kind) {
      case "spawn": {
        const l = lane(e.g, e.program);
        l.name = e.name || l.name; l.role = e.role || l.role; l.parent = e.parent;
        if (e.role === "program" && !runningIn.has(l.program)) { setState(l, "running", at); runningIn.set(l.program, l); }
        mark.lane = l;
        break;
      }
      case "switch": {
        const from = e.from ? lane(e.from, e.program) : runningIn.get(e.program || 0);
        const to = lane(e.to, e.program);
        if (from && from.state === "running") setState(from, stateOf(e.reason), at);
        else if (from && (e.reason === "finished" || e.reason === "return")) setState(from, "finished", at);
        setState(to, "running", at);
        runningIn.set(e.program || 0, to);
        mark.from = from; mark.to = to; mark.lane = to;
        break;
      }
      case "sleep": {
        const l = lane(e.g, e.program);
        setState(l, "sleeping", at, "until " + fmtTime(e.until_ns));
        l.until = e.until_ns;
        sleepers.add(l);
        break;
      }
      case "wait": setState(lane(e.g, e.program), "waiting", at, e.reason || ""); break;
      case "input-wait": setState(lane(e.g, e.program), "waiting", at, "input"); mark.lane = lane(e.g, e.program); break;
      case "input": {
        const l = order.find((x) => x.program === (e.program || 0) && x.state === "waiting" && x.detail === "input") || runningIn.get(e.program || 0);
        if (l) setState(l, "running", at);
        mark.lane = l;
        break;
      }
      case "exit": setState(lane(e.g, e.program), "finished", at, e.error ? e.error : ""); mark.lane = lane(e.g, e.program); break;
      case "program-exit": {
        for (const l of order) if (l.program === (e.program || 0) && l.state !== "finished") setState(l, "finished", at);
        break;
      }
      case "stdout": case "stderr": {
        const l = e.g ? lane(e.g, e.program) : runningIn.get(e.program || 0);
        if (l && l.state !== "running" && l.state !== "finished") setState(l, "running", at);
        mark.lane = l;
        break;
      }
      case "line": lineOf.set((e.program || 0) + ":" + e.g, e.line); break;
    }
    mark.line = e.line || lineOf.get((e.program || 0) + ":" + (e.kind === "switch" ? e.to : e.g)) || 0;
    if (pos) marks.push(mark);
  }
  for (const l of order) l.segs.push({ t0: l.since, state: l.state, detail: l.detail, open: true });
  // Segment j runs from its t0 to the next one's t0; the last stays open.
  for (const l of order) l.segs = l.segs.map((s, j, all) => ({ ...s, t1: j + 1 < all.length ? all[j + 1].t0 : null }));
  // Each program's coroutines together, in the order they were created.
  order.sort((a, b) => a.program - b.program);
  return { lanes: order.filter((l) => l.role !== "hub" || l.segs.some((s) => s.state === "running" && s.t1 !== null)), hub: order.find((l) => l.role === "hub"), marks, slotsAt };
}

/** similarName is a lane's short name with its numbers left out: "Thread-n (sock_conn)", "task(n)". */
function similarName(l) {
  return shortName(l.name).replace(/\d+/g, "n");
}

/**
 * rows lays out a model's lanes, top to bottom: [{kind, lane | group, h}].
 * Up to denseAt lanes, each has a row ("lane"). Past that, coroutines of one
 * program with the same role and similar names (groupMin or more: a hundred
 * threads, a handler per client) share a "group" row, which shows how many of
 * them are in each state; a group whose key is in expanded is followed by its
 * members' own compact rows ("member"). If there are still more than denseAt
 * rows, every row is compact.
 */
export function rows(m, expanded) {
  const lanes = m.lanes;
  if (lanes.length <= denseAt) return lanes.map((lane) => ({ kind: "lane", lane, h: laneH }));
  const groupOf = new Map();
  // First by similar names, then, if still crowded, by the function called.
  const keys = [(l) => similarName(l), (l) => similarName(l).replace(/\(.*$/s, "(…)")];
  let count = lanes.length;
  for (const keyOf of keys) {
    if (count <= denseAt) break;
    const byKey = new Map();
    for (const l of lanes) {
      if (l.role === "program" || l.role === "hub" || groupOf.has(l)) continue;
      const k = l.program + ":" + l.role + ":" + keyOf(l);
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k).push(l);
    }
    for (const [key, members] of byKey) {
      if (members.length < groupMin) continue;
      const g = { key, name: keyOf(members[0]), role: members[0].role, program: members[0].program, members };
      for (const l of members) groupOf.set(l, g);
      count -= members.length - 1;
    }
  }
  const out = [];
  const placed = new Set();
  for (const l of lanes) {
    const g = groupOf.get(l);
    if (!g) { out.push({ kind: "lane", lane: l }); continue; }
    if (placed.has(g)) continue;
    placed.add(g);
    g.open = expanded.has(g.key);
    out.push({ kind: "group", group: g });
    if (g.open) for (const member of g.members) out.push({ kind: "member", lane: member, group: g });
  }
  const h = count > denseAt ? compactH : laneH;
  for (const r of out) r.h = r.kind === "member" ? compactH : h;
  return out;
}

/**
 * axis maps slot positions {t, off, w} to x for one or more models sharing
 * it, so that compared runs line up on the same virtual times. scale
 * squeezes (or stretches) everything but the text.
 */
export function axis(models, endTimes, scale = 1) {
  const pxPerSec = basePxPerSec * scale;
  const widths = new Map();
  for (const m of models) for (const [t, w] of m.slotsAt) widths.set(t, Math.max(widths.get(t) || 0, w));
  for (const t of endTimes) if (!widths.has(t)) widths.set(t, 0);
  if (!widths.has(0)) widths.set(0, 0);
  const times = [...widths.keys()].sort((a, b) => a - b);
  const start = new Map();
  const broken = [];
  // Every instant keeps some room, and so does every gap; squeezed below a
  // fifth (a crowded run fitted to the width), those shrink too.
  const least = Math.min(1, scale * 5);
  const minW = 8 * least;
  const minGap = 6 * least;
  let x = 8;
  let prev = null;
  for (const t of times) {
    if (prev !== null) {
      const dt = (t - prev) / 1e9;
      const gap = Math.max(minGap, Math.min(dt, maxGapSec) * pxPerSec);
      if (dt > maxGapSec) broken.push(x + gap / 2);
      x += gap;
    }
    start.set(t, x);
    x += Math.max(minW, widths.get(t) * scale);
    prev = t;
  }
  const instantEnd = (t) => start.get(t) + Math.max(minW, (widths.get(t) || 0) * scale);
  const xOf = (pos) => {
    if (!pos) return 8;
    if (start.has(pos.t)) {
      if (pos.off === undefined) return instantEnd(pos.t);
      return start.get(pos.t) + (pos.off + pos.w / 2) * scale;
    }
    // Between instants: interpolate, for the playback cursor.
    let lo = times[0];
    for (const t of times) { if (t <= pos.t) lo = t; else break; }
    const hi = times.find((t) => t > pos.t);
    const a = instantEnd(lo);
    if (hi === undefined) return a;
    const b = start.get(hi);
    return a + ((pos.t - lo) / (hi - lo)) * (b - a);
  };
  /** after is the x just after a slot: where the cursor stands once it has been shown. */
  const after = (pos) => (start.has(pos.t) && pos.off !== undefined ? start.get(pos.t) + (pos.off + pos.w) * scale : xOf(pos));
  // Room after the last instant for the labels drawn there ("return", an output line).
  return { xOf, after, instantEnd, width: x + 80 * least, times, start, broken, scale };
}

const stateWords = { running: "running", ready: "ready", sleeping: "sleeping", waiting: "waiting", finished: "finished" };
const groupStates = ["running", "ready", "sleeping", "waiting"];

/**
 * drawGroup draws a group row: for each stretch of the axis, a bar whose
 * bands are the shares of the group's coroutines running, ready, sleeping
 * and waiting (finished ones leave the bar), with the counts as a tooltip.
 * Each state present keeps a band of 2 or more units, so the one thread of a
 * hundred that runs still shows.
 */
function drawGroup(g, row, ax, endPos) {
  const { group } = row;
  const n = group.members.length;
  const top = row.y + 3, full = row.h - 6;
  el("rect", { x: 0, y: top, width: ax.width, height: full, class: "tl-group-frame" }, g);
  const steps = [];
  for (const l of group.members) {
    for (const s of l.segs) {
      if (s.state === "finished") continue;
      const x0 = ax.xOf(s.t0);
      const x1 = s.t1 ? ax.xOf(s.t1) : ax.xOf(endPos);
      if (x1 > x0) steps.push([x0, s.state, 1], [x1, s.state, -1]);
    }
  }
  steps.sort((a, b) => a[0] - b[0]);
  const count = { running: 0, ready: 0, sleeping: 0, waiting: 0 };
  let from = null, was = "";
  const flush = (x) => {
    if (from === null || x <= from || was === "0,0,0,0") return;
    const counts = was.split(",").map(Number);
    const hs = counts.map((c) => (c ? Math.max(2, (c / n) * full) : 0));
    // Give back what the 2-unit minimums took from the largest band.
    const over = hs.reduce((a, b) => a + b, 0) - full;
    if (over > 0) { const big = hs.indexOf(Math.max(...hs)); hs[big] -= over; }
    const box = el("g", {}, g);
    el("title", {}, box).textContent = `${n} × ${group.name}: ` +
      groupStates.map((st, i) => (counts[i] ? `${counts[i]} ${stateWords[st]}` : "")).filter(Boolean).join(", ");
    let y = top + full;
    groupStates.forEach((st, i) => {
      if (!hs[i]) return;
      y -= hs[i];
      el("rect", { x: from, y, width: x - from, height: hs[i], class: "tl-gseg tl-" + st }, box);
    });
  };
  for (let i = 0; i < steps.length; ) {
    const x = steps[i][0];
    for (; i < steps.length && steps[i][0] === x; i++) count[steps[i][1]] += steps[i][2];
    const now = groupStates.map((st) => count[st]).join(",");
    if (now === was) continue;
    // A stretch narrower than a unit could not be seen: it joins the next,
    // which keeps its later counts (a hundred switches in a few pixels make
    // one bar, not a hundred).
    if (from !== null && x - from < 1) { was = now; continue; }
    flush(x);
    from = x; was = now;
  }
}

/**
 * render draws a model into svg, its rows (see rows) starting at y0, and
 * returns the hit targets for hover and click ([{x, y, h, mark}]) and the
 * height drawn. Compact rows leave out the words (switch labels, printed
 * text, states): their tooltips keep them.
 */
export function render(svg, m, ax, y0, title, endPos, laneRows) {
  const g = el("g", { class: "tl-run" }, svg);
  const targets = [];
  const placed = [];
  // label draws text unless it would cover another label; the full text
  // stays available as a tooltip on the mark.
  const label = (x, y, text, cls) => {
    const w = text.length * 6.2 + 4;
    for (const dy of [0, -11, 11]) {
      const box = { x0: x, x1: x + w, y0: y + dy - 10, y1: y + dy + 2 };
      if (placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
      placed.push(box);
      el("text", { x, y: y + dy, class: cls }, g).textContent = text;
      return;
    }
  };
  // In a crowded timeline, marks closer together than their own size would
  // pile up into a black smear: those are left out (their tooltips and hover
  // targets stay), arrows are thin and carry no words, and the briefest
  // runs keep a sliver of width so that each one still shows.
  const crowded = m.lanes.length > denseAt;
  const lastAt = new Map();
  const room = (key, x, w) => {
    if (!crowded) return true;
    const last = lastAt.get(key);
    if (last !== undefined && x - last < w) return false;
    lastAt.set(key, x);
    return true;
  };
  if (title) {
    // The run's name is in the label column; leave its row free here.
    el("line", { x1: 0, x2: ax.width, y1: y0 + 19, y2: y0 + 19, class: "tl-run-rule" }, g);
    y0 += 20;
  }
  // Each lane draws on its own row, or on its closed group's.
  let y = y0;
  laneRows.forEach((r, i) => { r.i = i; });
  for (const r of laneRows) {
    r.y = y;
    y += r.h;
    if (r.lane) { r.lane.row = r; continue; }
    if (!r.group.open) for (const l of r.group.members) l.row = r;
    drawGroup(g, r, ax, endPos);
  }
  for (const r of laneRows) if (r.lane) el("line", { x1: 0, x2: ax.width, y1: r.y + r.h / 2, y2: r.y + r.h / 2, class: "tl-guide" }, g);
  for (const r of laneRows) {
    const l = r.lane;
    if (!l) continue;
    const top = r.y + (r.h < laneH ? 3 : 6), bar = r.h - 2 * (top - r.y), mid = r.y + r.h / 2;
    let run = null; // the last running bar drawn, in a crowded timeline
    for (const s of l.segs) {
      const x0 = ax.xOf(s.t0);
      const x1 = s.t1 ? ax.xOf(s.t1) : ax.xOf(endPos);
      if (x1 <= x0) continue;
      if (crowded && x1 - x0 < 1) {
        // Slivers: a scheduler that runs between every two switches would
        // be a thousand bars. Runs a unit apart or less make one bar; the
        // rest is too thin to see.
        if (s.state !== "running") continue;
        if (run && x0 - run.x1 < 1) { run.x1 = Math.max(x1, run.x0 + 2); run.rect.setAttribute("width", run.x1 - run.x0); continue; }
      }
      if (l.role === "hub" && s.state === "running" && (s.t1 ? s.t1.t > s.t0.t : x1 > ax.instantEnd(s.t0.t))) {
        // The hub "runs" while everyone sleeps: show that as waiting for
        // the next timer or I/O, not as work.
        const cut = Math.min(x1, ax.instantEnd(s.t0.t));
        if (cut > x0) el("rect", { x: x0, y: top, width: cut - x0, height: bar, rx: 3, class: "tl-seg tl-running" }, g);
        const rect = el("rect", { x: cut, y: top, width: Math.max(0, x1 - cut), height: bar, rx: 3, class: "tl-seg tl-ready" }, g);
        el("title", {}, rect).textContent = "hub: waiting for the next timer or I/O";
        continue;
      }
      if (s.state === "finished") {
        el("line", { x1: x0, x2: x1, y1: mid, y2: mid, class: "tl-finished" }, g);
        continue;
      }
      const w = crowded && s.state === "running" ? Math.max(2, x1 - x0) : x1 - x0;
      const rect = el("rect", { x: x0, y: top, width: w, height: bar, rx: crowded ? 1 : 3, class: "tl-seg tl-" + s.state }, g);
      if (crowded && s.state === "running") run = { rect, x0, x1: x0 + w };
      el("title", {}, rect).textContent = `${l.name}: ${stateWords[s.state]}${s.detail ? " (" + s.detail + ")" : ""}`;
      if (s.state !== "ready" && r.h >= laneH) {
        const word = s.state === "sleeping" ? "zz " + s.detail.replace("until ", "→ ") : s.state === "waiting" ? "wait " + s.detail : "";
        if (word && x1 - x0 > word.length * 6.2 + 8) {
          el("text", { x: x0 + 4, y: mid + 4, class: "tl-seg-label" }, g).textContent = word;
          placed.push({ x0, x1: x0 + word.length * 6.2 + 4, y0: mid - 6, y1: mid + 6 });
        }
      }
    }
  }
  // An output label may use the room up to the next output dot on its row.
  const nextOut = new Map();
  const lastOut = new Map();
  for (const mk of m.marks) {
    if ((mk.e.kind !== "stdout" && mk.e.kind !== "stderr") || !mk.lane) continue;
    const prev = lastOut.get(mk.lane.row);
    if (prev) nextOut.set(prev, ax.xOf(mk.pos));
    lastOut.set(mk.lane.row, mk);
  }
  for (const mk of m.marks) {
    const x = ax.xOf(mk.pos);
    const e = mk.e;
    const row = mk.lane && mk.lane.row;
    if (e.kind === "switch" && mk.from && mk.to && mk.from.row && mk.to.row) {
      // A switch inside one closed group stays on its row: no arrow.
      if (mk.from.row === mk.to.row) continue;
      const ya = mk.from.row.y + mk.from.row.h / 2, yb = mk.to.row.y + mk.to.row.h / 2;
      const dir = yb > ya ? 1 : -1;
      targets.push({ x, y: Math.min(ya, yb), h: Math.abs(yb - ya), mark: mk });
      if (!room("switch", x, 3)) continue;
      const arrow = el("line", { x1: x, x2: x, y1: ya, y2: yb - dir * (crowded ? 3 : 6), class: crowded ? "tl-switch tl-thin" : "tl-switch", "marker-end": "url(#tl-arrow)" }, g);
      el("title", {}, arrow).textContent = `${mk.from.name} → ${mk.to.name}: ${e.label || e.reason} at ${fmtTime(e.t_ns)}`;
      if (e.label && !crowded) label(x + 3, ya + dir * 14 + 4, switchLabel(e.label), "tl-switch-label");
      continue;
    }
    if (!row) continue;
    const yc = row.y + row.h / 2;
    const small = row.h < laneH;
    targets.push({ x, y: row.y, h: row.h, mark: mk });
    if (!room(row.i + e.kind, x, e.kind === "spawn" ? 6 : 8)) continue;
    if (e.kind === "stdout" || e.kind === "stderr") {
      const r = small ? 3.5 : 5;
      const shape = e.kind === "stderr"
        ? el("rect", { x: x - r, y: yc - r, width: 2 * r, height: 2 * r, class: "tl-out tl-err" }, g)
        : el("circle", { cx: x, cy: yc, r, class: "tl-out" }, g);
      el("title", {}, shape).textContent = `${mk.lane.name} printed ${JSON.stringify(e.text)} at ${fmtTime(e.t_ns)}`;
      const said = e.text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").trim();
      const next = nextOut.has(mk) ? nextOut.get(mk) : ax.width;
      const room = Math.max(3, Math.floor((next - x - 2) / 6.2));
      if (said && !small && (!crowded || room >= 8)) label(x - 4, yc - 8, said.length > room ? said.slice(0, room - 1) + "…" : said, "tl-out-label");
    } else if (e.kind === "exit") {
      const t = el("text", { x: x - 4, y: yc + 4, class: "tl-exit" + (small ? " tl-small" : "") }, g);
      t.textContent = e.error ? "✗" : "✓";
      el("title", {}, t).textContent = `${mk.lane.name} finished${e.error ? " with " + e.error : e.value && e.value !== "None" ? ", returning " + e.value : ""}`;
    } else if (e.kind === "spawn") {
      const d = small ? 3 : 4;
      el("path", { d: `M${x - d} ${yc - d - 2} L${x + d} ${yc} L${x - d} ${yc + d + 2} Z`, class: "tl-spawn" }, g);
    } else if (e.kind === "input" || e.kind === "input-wait") {
      const t = el("text", { x: x - 4, y: yc + 4, class: "tl-exit" + (small ? " tl-small" : "") }, g);
      t.textContent = e.kind === "input" ? "⏎" : "⌨";
    }
  }
  return { targets, height: y - y0 + (title ? 20 : 0) };
}

/** drawTicks draws the instants' grid lines from y0 to y1. */
export function drawTicks(svg, ax, y0, y1) {
  const g = el("g", { class: "tl-ticks" }, svg);
  for (const t of ax.times) {
    const x = ax.start.get(t);
    el("line", { x1: x, x2: x, y1: y0, y2: y1, class: "tl-tick" }, g);
  }
}

/** drawAxis draws the time labels along the top (an svg of its own, which stays in view). */
export function drawAxis(svg, ax) {
  const g = el("g", { class: "tl-axis" }, svg);
  let lastX = -100;
  for (const t of ax.times) {
    const x = ax.start.get(t);
    el("line", { x1: x, x2: x, y1: axisH - 6, y2: axisH, class: "tl-tick" }, g);
    if (x - lastX > 44) {
      const label = el("text", { x: x + 2, y: axisH - 10, class: "tl-tick-label" }, g);
      label.textContent = fmtTime(t);
      lastX = x;
    }
  }
  for (const x of ax.broken) {
    const label = el("text", { x: x - 6, y: axisH - 10, class: "tl-tick-label" }, g);
    label.textContent = "≈";
  }
}

/** defs adds the arrowhead marker and the hatch patterns the styles use. */
export function defs(svg) {
  const d = el("defs", {}, svg);
  const m = el("marker", { id: "tl-arrow", viewBox: "0 0 10 10", refX: 5, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" }, d);
  el("path", { d: "M0 0 L10 5 L0 10 z", class: "tl-arrowhead" }, m);
  const p1 = el("pattern", { id: "tl-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, d);
  el("rect", { width: 6, height: 6, class: "tl-hatch-bg" }, p1);
  el("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "tl-hatch-line" }, p1);
  const p2 = el("pattern", { id: "tl-dots", width: 6, height: 6, patternUnits: "userSpaceOnUse" }, d);
  el("rect", { width: 6, height: 6, class: "tl-dots-bg" }, p2);
  el("circle", { cx: 3, cy: 3, r: 1.2, class: "tl-dots-dot" }, p2);
}

export { laneH, compactH, axisH, el, NS };
