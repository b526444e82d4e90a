// timelineview.js is the timeline panel of an example: lane names, the SVG
// (see timeline.js), a legend, the playback cursor, and hover/click that
// highlight the source line and seek the playback.

import { examplesByName } from "./registry.js";
import { model, rows, axis, render, drawAxis, drawTicks, defs, el, laneH, axisH, fmtTime, shortName } from "./timeline.js";

const legend = [
  ["running", "running"], ["ready", "ready / suspended"], ["sleeping", "sleeping"],
  ["waiting", "waiting (socket, queue, input…)"], ["finished", "finished"],
];

function roleWord(role) {
  return { program: "program", generator: "generator", greenlet: "greenlet", gevent: "gevent", thread: "thread", hub: "hub" }[role] || "";
}

/** Timeline draws the coroutines of an example's run (and of its comparison). */
export class Timeline {
  constructor(example) {
    this.ex = example;
    this.root = document.createElement("div");
    this.root.className = "ex-timeline";
    this.root.hidden = true;
    const head = document.createElement("div");
    head.className = "tl-head";
    head.innerHTML = `<span class="tl-heading">Timeline</span><span class="tl-hint">one lane per coroutine; arrows are switches; dots are output (hover or click one)</span>`;
    // The whole run fits the width unless the learner zooms in (then it scrolls).
    this.detail = false;
    this.zoomBtn = document.createElement("button");
    this.zoomBtn.type = "button";
    this.zoomBtn.className = "tl-zoom";
    this.zoomBtn.hidden = true;
    this.zoomBtn.addEventListener("click", () => { this.detail = !this.detail; this.draw(); });
    head.append(this.zoomBtn);
    const leg = document.createElement("ul");
    leg.className = "tl-legend";
    for (const [cls, words] of legend) {
      const li = document.createElement("li");
      li.innerHTML = `<svg width="26" height="12" aria-hidden="true"><rect x="1" y="1" width="24" height="10" rx="2" class="tl-seg tl-${cls}"></rect></svg>`;
      li.append(words);
      leg.append(li);
    }
    // One scroller for both directions: the time axis stays at the top and
    // the lane names at the left while a crowded or zoomed timeline scrolls.
    this.scroll = document.createElement("div");
    this.scroll.className = "tl-scroll";
    this.scroll.tabIndex = 0;
    this.scroll.setAttribute("aria-label", "timeline; Left and Right step through events");
    // Grid items could not stick beyond their own cell: two flex rows instead.
    const top = document.createElement("div");
    top.className = "tl-top";
    this.corner = document.createElement("div");
    this.corner.className = "tl-corner";
    this.axisSvg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    this.axisSvg.setAttribute("class", "tl-axis-svg");
    this.axisSvg.setAttribute("aria-hidden", "true");
    top.append(this.corner, this.axisSvg);
    this.labels = document.createElement("div");
    this.labels.className = "tl-labels";
    this.svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    this.svg.setAttribute("class", "tl-svg");
    this.svg.setAttribute("role", "img");
    const body = document.createElement("div");
    body.className = "tl-body";
    body.append(this.labels, this.svg);
    this.scroll.append(top, body);
    this.root.append(head, this.scroll, leg);
    this.targets = [];
    this.pending = false;
    this.expanded = new Set(); // the keys of the groups shown lane by lane
    this.svg.addEventListener("mousemove", (e) => this.hover(e, false));
    this.svg.addEventListener("click", (e) => this.hover(e, true));
    this.labels.addEventListener("click", (e) => {
      const b = e.target.closest && e.target.closest("button.tl-group-toggle");
      if (!b) return;
      if (this.expanded.has(b.dataset.key)) this.expanded.delete(b.dataset.key); else this.expanded.add(b.dataset.key);
      this.draw();
    });
    this.scroll.addEventListener("keydown", (e) => {
      if (e.target !== this.scroll) return;
      const p = this.ex.player;
      if (e.key === "ArrowRight") { p.step(); e.preventDefault(); e.stopPropagation(); }
      else if (e.key === "ArrowLeft") { p.setPaused(true); p.seekEvent(p.shown - 2); e.preventDefault(); e.stopPropagation(); }
    });
    document.addEventListener("tour:run-end", (e) => { if (e.detail.example === this.ex.compare) this.dirty(); });
    // Type size and theme change the drawing; so does the panel's width.
    // The scroller's size and position are remembered as they change, so
    // that drawing and playback never have to ask the layout for them.
    document.addEventListener("tour:restyle", () => this.dirty());
    this.viewW = 0;
    this.scrollX = 0;
    this.scroll.addEventListener("scroll", () => { this.scrollX = this.scroll.scrollLeft; }, { passive: true });
    new ResizeObserver((entries) => {
      const w = entries[entries.length - 1].contentRect.width;
      // A hidden panel measures 0: keep the last real width.
      if (w && w !== this.viewW) { this.viewW = w; this.dirty(); }
    }).observe(this.scroll);
  }

  /** dirty asks for a redraw on the next frame (new events arrived). */
  dirty() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  runs() {
    const own = { ex: this.ex, events: this.ex.player.events, end: this.ex.player.end };
    const other = this.ex.compare && examplesByName(this.ex.compare);
    if (other && other.player.events.length) {
      return [{ ex: other, events: other.player.events, end: other.player.end, title: other.name }, { ...own, title: this.ex.name }];
    }
    return [own];
  }

  draw() {
    const runs = this.runs();
    const hasCoroutines = runs.some((r) => r.events.some((e) => e.kind === "spawn" || e.kind === "switch"));
    this.root.hidden = !runs.some((r) => r.events.length) || !hasCoroutines;
    if (this.root.hidden) return;
    performance.mark("tour-timeline-start");
    // The drawing scales with the page's type size (projector, A+/A−): the
    // one style read, before anything is written.
    const zoom = Math.max(0.8, parseFloat(getComputedStyle(document.documentElement).fontSize) / 17);
    this.zoom = zoom;
    const models = runs.map((r) => model(r.events));
    const laneRows = models.map((m) => rows(m, this.expanded));
    const ends = runs.map((r) => (r.end ? r.end.virtual_ns || 0 : r.events.length ? r.events[r.events.length - 1].t_ns : 0));
    // The lane names first: the room left beside them is the drawing's.
    this.nameColumn(runs, models, laneRows, zoom);
    // Before the resize observer has reported, ask once.
    if (!this.viewW) this.viewW = this.scroll.clientWidth;
    const svg = this.svg;
    svg.textContent = "";
    this.axisSvg.textContent = "";
    defs(svg);
    // The whole run is fitted to the width (text keeps its size; labels that
    // would collide are left to the tooltips); "zoom in" shows it at full
    // size, scrolling sideways.
    let ax = axis(models, ends);
    const avail = ((this.viewW || 700) - this.labelsW - 4) / zoom;
    const natural = ax.width;
    if (natural > avail && !this.detail) {
      // The widest drawing that fits: the width grows with the scale, so
      // halve the interval (on a log scale) a dozen times.
      let lo = Math.log(0.001), hi = 0;
      ax = axis(models, ends, 0.001);
      for (let i = 0; i < 12; i++) {
        const mid = (lo + hi) / 2;
        const a = axis(models, ends, Math.exp(mid));
        if (a.width <= avail) { lo = mid; ax = a; } else hi = mid;
      }
    }
    this.zoomBtn.hidden = natural <= avail;
    this.zoomBtn.textContent = this.detail ? "fit to width" : "zoom in";
    this.zoomBtn.setAttribute("aria-pressed", this.detail ? "true" : "false");
    this.ax = ax;
    const ticks = el("g", {}, svg);
    let y = 0;
    this.targets = [];
    this.own = null;
    runs.forEach((r, i) => {
      const res = render(svg, models[i], ax, y, runs.length > 1 ? r.title : "", { t: ends[i] }, laneRows[i]);
      for (const t of res.targets) t.ex = r.ex;
      this.targets.push(...res.targets);
      if (r.ex === this.ex) this.own = { model: models[i] };
      y += res.height + 6;
    });
    drawTicks(ticks, ax, 0, y);
    svg.setAttribute("viewBox", `0 0 ${ax.width} ${y}`);
    svg.setAttribute("width", ax.width * zoom);
    svg.setAttribute("height", y * zoom);
    this.axisSvg.setAttribute("viewBox", `0 0 ${ax.width} ${axisH}`);
    this.axisSvg.setAttribute("width", ax.width * zoom);
    this.axisSvg.setAttribute("height", axisH * zoom);
    drawAxis(this.axisSvg, ax);
    const lanes = models.reduce((n, m) => n + m.lanes.length, 0);
    svg.setAttribute("aria-label", `timeline of ${lanes} coroutines over ${fmtTime(Math.max(...ends))} of virtual time`);
    this.future = el("rect", { x: 0, y: 0, width: 0, height: y, class: "tl-future" }, svg);
    this.cursorLine = el("line", { x1: 0, x2: 0, y1: 0, y2: y, class: "tl-cursor" }, svg);
    this.axisCursor = el("line", { x1: 0, x2: 0, y1: 0, y2: axisH, class: "tl-cursor" }, this.axisSvg);
    this.hoverLine = el("line", { x1: -10, x2: -10, y1: 0, y2: y, class: "tl-hover" }, svg);
    this.cursor(this.ex.player.shown, this.ex.player.vt);
    performance.measure("tour-timeline", "tour-timeline-start");
  }

  /**
   * nameColumn writes the lane names, row by row, and learns how wide they
   * came out: the room left beside them is the drawing's. Names that have
   * not changed since the last draw (most batches of events during a run)
   * are left alone, and their width is known without asking the layout.
   */
  nameColumn(runs, models, laneRows, zoom) {
    const specs = [];
    runs.forEach((r, i) => {
      if (runs.length > 1) specs.push({ title: r.title, first: i === 0 });
      // Short names; the same short name twice in a program gets a number.
      const count = new Map();
      for (const l of models[i].lanes) { const k = l.program + ":" + shortName(l.name); count.set(k, (count.get(k) || 0) + 1); }
      const nth = new Map();
      for (const l of models[i].lanes) {
        const k = l.program + ":" + shortName(l.name);
        nth.set(k, (nth.get(k) || 0) + 1);
        l.nth = count.get(k) > 1 ? nth.get(k) : 0;
      }
      const file = (program) => (r.ex.files.length > 1 && r.ex.files[program] ? " · " + r.ex.files[program].name : "");
      for (const row of laneRows[i]) {
        if (row.kind === "group") {
          const g = row.group;
          specs.push({ h: row.h, group: g.key, open: g.open, count: g.members.length, name: g.name, role: roleWord(g.role) + file(g.program), tip: g.members[0].name });
          continue;
        }
        const l = row.lane, short = shortName(l.name);
        specs.push({
          h: row.h, member: row.kind === "member",
          // Members of one name are told apart by their number, shown first.
          name: !l.nth ? short : row.kind === "member" ? `#${l.nth} ${short}` : `${short} #${l.nth}`,
          // A group's members need not repeat its role.
          role: l.role === "program" || row.kind === "member" ? "" : roleWord(l.role) + file(l.program),
          tip: `${l.name}${l.role ? " (" + l.role + ")" : ""}`,
        });
      }
    });
    const sig = zoom + JSON.stringify(specs);
    if (sig === this.namesSig) return;
    this.namesSig = sig;
    const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest(".tl-group-toggle");
    const again = focused && this.labels.contains(focused) ? focused.dataset.key : null;
    const names = document.createDocumentFragment();
    for (const sp of specs) {
      const d = document.createElement("div");
      if (sp.title !== undefined) {
        d.className = "tl-label tl-label-title";
        d.textContent = sp.title;
        d.style.height = 20 * zoom + "px";
        if (!sp.first) d.style.marginTop = 6 * zoom + "px";
      } else if (sp.group) {
        d.className = "tl-label tl-group";
        d.style.height = sp.h * zoom + "px";
        d.dataset.count = sp.count;
        d.title = `${sp.count} coroutines like ${sp.tip}: the bar shows how many are running, ready, sleeping and waiting`;
        d.innerHTML = `<button type="button" class="tl-group-toggle"><span class="tl-count"></span> <span class="tl-name"></span></button> <span class="tl-role"></span>`;
        const b = d.firstChild;
        b.dataset.key = sp.group;
        b.setAttribute("aria-expanded", sp.open ? "true" : "false");
        b.setAttribute("aria-label", `${sp.open ? "hide" : "show"} the ${sp.count} ${sp.name} one by one`);
        b.firstChild.textContent = `${sp.open ? "▾" : "▸"} ${sp.count} ×`;
        b.lastChild.textContent = sp.name;
        d.lastChild.textContent = sp.role;
      } else {
        d.className = "tl-label" + (sp.member ? " tl-member" : "") + (sp.h < laneH ? " tl-compact" : "");
        d.style.height = sp.h * zoom + "px";
        d.innerHTML = `<span class="tl-name"></span> <span class="tl-role"></span>`;
        d.firstChild.textContent = sp.name;
        d.lastChild.textContent = sp.role;
        d.title = sp.tip;
      }
      names.append(d);
    }
    this.labels.replaceChildren(names);
    if (again) { const b = [...this.labels.querySelectorAll(".tl-group-toggle")].find((x) => x.dataset.key === again); if (b) b.focus(); }
    // The one layout read, after the names are written.
    this.labelsW = this.labels.offsetWidth;
    this.corner.style.width = this.labelsW + "px";
  }

  /** cursor moves the playback line to event count n at virtual time vt. */
  cursor(n, vt) {
    if (!this.ax || !this.cursorLine || this.root.hidden) return;
    const own = this.own && this.own.model;
    let x = this.ax.xOf({ t: vt, off: 0, w: 0 });
    if (own && n > 0) {
      const lastShown = this.ex.player.events[n - 1];
      // The last mark shown: marks are in event order, so halve the search.
      let lo = 0, hi = own.marks.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (own.marks[mid].i <= n - 1) lo = mid + 1; else hi = mid; }
      const mk = own.marks[lo - 1];
      if (mk && lastShown.t_ns === vt) x = this.ax.after(mk.pos);
      else if (vt > lastShown.t_ns) x = Math.max(this.ax.xOf({ t: vt }), mk ? this.ax.after(mk.pos) : 0);
    }
    if (n === 0 && vt === 0) x = 0;
    for (const line of [this.cursorLine, this.axisCursor]) { line.setAttribute("x1", x); line.setAttribute("x2", x); }
    this.future.setAttribute("x", x);
    this.future.setAttribute("width", Math.max(0, this.ax.width - x));
    const p = this.ex.player;
    const done = p.atEnd();
    this.future.style.display = done ? "none" : "";
    // Keep the cursor in view while playing (beside the lane names, which
    // stay put); never scroll a finished run. The scroller's width and
    // position are the remembered ones: no layout is read here.
    const sx = x * (this.zoom || 1);
    const seen = this.viewW - this.labelsW;
    if (!done && !p.paused && (sx > this.scrollX + seen - 40 || sx < this.scrollX)) {
      this.scrollX = Math.max(0, sx - seen / 3);
      this.scroll.scrollLeft = this.scrollX;
    }
  }

  hover(ev, click) {
    const r = this.svg.getBoundingClientRect();
    const x = (ev.clientX - r.left) / this.zoom, y = (ev.clientY - r.top) / this.zoom;
    let best = null, bestD = 14;
    for (const t of this.targets) {
      const d = Math.abs(t.x - x);
      if (d < bestD && y >= t.y - 6 && y <= t.y + t.h + 6) { best = t; bestD = d; }
    }
    if (!best) { this.hoverLine.setAttribute("x1", -10); this.hoverLine.setAttribute("x2", -10); return; }
    this.hoverLine.setAttribute("x1", best.x);
    this.hoverLine.setAttribute("x2", best.x);
    const ex = best.ex;
    const mk = best.mark;
    if (mk.line) {
      const file = ex.files[mk.e.program || 0];
      if (file) ex.showLine(file.name, mk.line, false);
    }
    if (click) { ex.player.setPaused(true); ex.player.seekEvent(mk.i); }
  }
}

export { laneH };
