// timelineview.js is the timeline panel of an example: lane names, the SVG
// (see timeline.js), a legend, the playback cursor, and hover/click that
// highlight the source line and seek the playback.

import { examplesByName } from "./registry.js";
import { model, axis, render, drawAxis, defs, el, laneH, axisH, fmtTime, shortName } from "./timeline.js";

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
    this.labels = document.createElement("div");
    this.labels.className = "tl-labels";
    this.scroll = document.createElement("div");
    this.scroll.className = "tl-scroll";
    this.scroll.tabIndex = 0;
    this.scroll.setAttribute("aria-label", "timeline; Left and Right step through events");
    this.svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    this.svg.setAttribute("class", "tl-svg");
    this.svg.setAttribute("role", "img");
    this.scroll.append(this.svg);
    const body = document.createElement("div");
    body.className = "tl-body";
    body.append(this.labels, this.scroll);
    this.root.append(head, body, leg);
    this.targets = [];
    this.pending = false;
    this.svg.addEventListener("mousemove", (e) => this.hover(e, false));
    this.svg.addEventListener("click", (e) => this.hover(e, true));
    this.scroll.addEventListener("keydown", (e) => {
      const p = this.ex.player;
      if (e.key === "ArrowRight") { p.step(); e.preventDefault(); e.stopPropagation(); }
      else if (e.key === "ArrowLeft") { p.setPaused(true); p.seekEvent(p.shown - 2); e.preventDefault(); e.stopPropagation(); }
    });
    document.addEventListener("tour:run-end", (e) => { if (e.detail.example === this.ex.compare) this.dirty(); });
    // Type size, theme and window width change the drawing.
    document.addEventListener("tour:restyle", () => this.dirty());
    let width = 0;
    window.addEventListener("resize", () => { if (window.innerWidth !== width) { width = window.innerWidth; this.dirty(); } });
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
    const svg = this.svg;
    svg.textContent = "";
    this.labels.textContent = "";
    defs(svg);
    const models = runs.map((r) => model(r.events));
    const ends = runs.map((r) => (r.end ? r.end.virtual_ns || 0 : r.events.length ? r.events[r.events.length - 1].t_ns : 0));
    // The drawing scales with the page's type size (projector, A+/A−). The
    // whole run is fitted to the width (text keeps its size; labels that
    // would collide are left to the tooltips); "zoom in" shows it at full
    // size, scrolling sideways.
    const zoom = Math.max(0.8, parseFloat(getComputedStyle(document.documentElement).fontSize) / 17);
    this.zoom = zoom;
    // The lane names first: the room left beside them is the drawing's.
    runs.forEach((r, i) => {
      if (runs.length > 1) {
        const title = document.createElement("div");
        title.className = "tl-label tl-label-title";
        title.textContent = r.title;
        title.style.height = 20 * zoom + "px";
        if (i > 0) title.style.marginTop = 6 * zoom + "px";
        this.labels.append(title);
      }
      // Short names; the same short name twice in a program gets a number.
      const count = new Map();
      for (const l of models[i].lanes) { const k = l.program + ":" + shortName(l.name); count.set(k, (count.get(k) || 0) + 1); }
      const nth = new Map();
      for (const l of models[i].lanes) {
        const d = document.createElement("div");
        d.className = "tl-label";
        d.style.height = laneH * zoom + "px";
        d.innerHTML = `<span class="tl-name"></span> <span class="tl-role"></span>`;
        const short = shortName(l.name);
        const k = l.program + ":" + short;
        nth.set(k, (nth.get(k) || 0) + 1);
        d.firstChild.textContent = count.get(k) > 1 ? `${short} #${nth.get(k)}` : short;
        const file = r.ex.files.length > 1 && r.ex.files[l.program] ? " · " + r.ex.files[l.program].name : "";
        d.lastChild.textContent = l.role === "program" ? "" : roleWord(l.role) + file;
        d.title = `${l.name}${l.role ? " (" + l.role + ")" : ""}`;
        this.labels.append(d);
      }
    });
    let ax = axis(models, ends);
    const avail = ((this.scroll.clientWidth || 700) - 4) / zoom;
    const natural = ax.width;
    if (natural > avail && !this.detail) {
      let scale = avail / natural;
      for (let i = 0; i < 3; i++) {
        ax = axis(models, ends, Math.max(0.2, scale));
        if (ax.width <= avail || scale <= 0.2) break;
        scale *= avail / ax.width;
      }
    }
    this.zoomBtn.hidden = natural <= avail;
    this.zoomBtn.textContent = this.detail ? "fit to width" : "zoom in";
    this.zoomBtn.setAttribute("aria-pressed", this.detail ? "true" : "false");
    this.ax = ax;
    drawAxis(svg, ax);
    let y = axisH;
    this.targets = [];
    this.own = null;
    runs.forEach((r, i) => {
      const res = render(svg, models[i], ax, y, runs.length > 1 ? r.title : "", { t: ends[i] });
      for (const t of res.targets) t.ex = r.ex;
      this.targets.push(...res.targets);
      if (r.ex === this.ex) this.own = { model: models[i] };
      y += res.height + 6;
    });
    svg.setAttribute("viewBox", `0 0 ${ax.width} ${y + 4}`);
    svg.setAttribute("width", ax.width * zoom);
    svg.setAttribute("height", (y + 4) * zoom);
    const lanes = runs.reduce((n, r, i) => n + models[i].lanes.length, 0);
    svg.setAttribute("aria-label", `timeline of ${lanes} coroutines over ${fmtTime(Math.max(...ends))} of virtual time`);
    this.labels.style.paddingTop = axisH * zoom + "px";
    this.future = el("rect", { x: 0, y: axisH - 4, width: 0, height: y, class: "tl-future" }, svg);
    this.cursorLine = el("line", { x1: 0, x2: 0, y1: 0, y2: y + 4, class: "tl-cursor" }, svg);
    this.hoverLine = el("line", { x1: -10, x2: -10, y1: axisH, y2: y + 4, class: "tl-hover" }, svg);
    this.cursor(this.ex.player.shown, this.ex.player.vt);
  }

  /** cursor moves the playback line to event count n at virtual time vt. */
  cursor(n, vt) {
    if (!this.ax || !this.cursorLine || this.root.hidden) return;
    const own = this.own && this.own.model;
    let x = this.ax.xOf({ t: vt, off: 0, w: 0 });
    if (own && n > 0) {
      const lastShown = this.ex.player.events[n - 1];
      const mk = own.marks.filter((m) => m.i <= n - 1).pop();
      if (mk && lastShown.t_ns === vt) x = this.ax.after(mk.pos);
      else if (vt > lastShown.t_ns) x = Math.max(this.ax.xOf({ t: vt }), mk ? this.ax.after(mk.pos) : 0);
    }
    if (n === 0 && vt === 0) x = 0;
    this.cursorLine.setAttribute("x1", x);
    this.cursorLine.setAttribute("x2", x);
    this.future.setAttribute("x", x);
    this.future.setAttribute("width", Math.max(0, this.ax.width - x));
    const p = this.ex.player;
    const done = p.atEnd();
    this.future.style.display = done ? "none" : "";
    // Keep the cursor in view while playing; never scroll a finished run.
    const sc = this.scroll;
    const sx = x * (this.zoom || 1);
    if (!done && !p.paused && (sx > sc.scrollLeft + sc.clientWidth - 40 || sx < sc.scrollLeft)) sc.scrollLeft = Math.max(0, sx - sc.clientWidth / 3);
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
