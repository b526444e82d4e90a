// example.js brings one runnable example (section.example, docs/page.md) to
// life: editors, Run/Stop/Reset, output panes, playback controls, the clock,
// the timeline and, for exercises, Check, hints and the solution.

import { makeEditor } from "./editor.js";
import { OutputPane } from "./output.js";
import { Player, speeds } from "./player.js";
import { startRun } from "./socket.js";
import { Timeline } from "./timelineview.js";
import { load, save, hash } from "./store.js";
import { markProgress } from "./progress.js";
import { setupExercise } from "./exercise.js";
import { examples } from "./registry.js";


function h(tag, attrs, ...children) {
  const n = document.createElement(tag);
  for (const k in attrs || {}) {
    if (k === "class") n.className = attrs[k];
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), attrs[k]);
    else if (attrs[k] !== false && attrs[k] !== undefined) n.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
  }
  for (const c of children) if (c !== null && c !== undefined) n.append(c);
  return n;
}

/** fmtDuration prints a virtual duration the way the end line says it: "6.0 s", "250 ms". */
export function fmtDuration(ns) {
  if (ns >= 1e9) return (ns / 1e9).toFixed(1) + " s";
  if (ns >= 1e6) return Math.round(ns / 1e6) + " ms";
  return "0 s";
}

function speedLabel(s) { return s === Infinity ? "instant" : s + "×"; }

/** Example is the controller of one section.example. */
export class Example {
  constructor(section) {
    this.section = section;
    this.name = section.dataset.example;
    this.kind = section.dataset.kind || "run";
    this.compare = section.dataset.compare || "";
    const json = section.querySelector("script.example-data");
    this.data = JSON.parse(json ? json.textContent : "{}");
    this.files = this.data.files || [];
    this.run = null;
    this.endSeen = null;
    this.build();
    examples.set(this.name, this);
  }

  build() {
    const s = this.section;
    const names = this.files.map((f) => f.name);
    this.editors = [];
    const filesBox = h("div", { class: "ex-files" + (this.files.length > 1 ? " ex-multi" : "") });
    for (const f of this.files) {
      const key = "tour.edit." + this.name + "." + hash(f.name + "\n" + f.source);
      const box = h("div", { class: "ex-editor" });
      const ed = makeEditor(box, {
        doc: load(key, f.source),
        label: "Python code: " + f.name,
        onRun: () => this.start(),
        onChange: () => {
          const text = ed.text();
          save(key, text === f.source ? null : text);
          this.reset.disabled = this.editors.every((e) => e.ed.text() === e.file.source);
        },
      });
      this.editors.push({ file: f, ed, key });
      filesBox.append(h("div", { class: "ex-file" }, h("div", { class: "ex-file-name" }, f.name), box));
    }

    this.runBtn = h("button", { class: "ex-run primary", type: "button", title: "Run (Shift+Enter)", onclick: () => this.start() }, "▶ Run");
    this.stopBtn = h("button", { class: "ex-stop", type: "button", disabled: true, onclick: () => this.stop() }, "■ Stop");
    this.reset = h("button", { class: "ex-reset", type: "button", title: "Put back the lesson's code", onclick: () => this.resetCode() }, "↺ Reset");
    this.reset.disabled = this.editors.every((e) => e.ed.text() === e.file.source);
    const runBar = h("div", { class: "ex-runbar", role: "toolbar", "aria-label": "Run " + this.name }, this.runBtn, this.stopBtn, this.reset);
    if (this.compare) {
      runBar.append(h("button", { class: "ex-run-both", type: "button", onclick: () => this.runBoth() }, "▶▶ Run both and compare"));
    }

    this.speedSel = h("select", { class: "ex-speed", "aria-label": "playback speed", onchange: () => {
      const sp = speeds[this.speedSel.selectedIndex];
      save("tour.speed", sp === Infinity ? "instant" : sp);
      this.player.setSpeed(sp);
    } });
    const saved = load("tour.speed", 1);
    for (const sp of speeds) {
      this.speedSel.append(h("option", { selected: (saved === "instant" ? Infinity : saved) === sp }, speedLabel(sp)));
    }
    this.pauseBtn = h("button", { class: "ex-pause", type: "button", onclick: () => this.togglePause() }, "❚❚ Pause");
    this.stepBtn = h("button", { class: "ex-step", type: "button", title: "Show the next event", onclick: () => this.player.step() }, "Step ▸|");
    this.scrub = h("input", { class: "ex-scrub", type: "range", min: 0, max: 1, step: "any", value: 0, "aria-label": "replay position in virtual time",
      oninput: () => {
        this.player.setPaused(true);
        const v = parseFloat(this.scrub.value);
        // A run that takes no virtual time (generators, greenlets) is scrubbed event by event.
        if (this.player.duration() === 0) this.player.seekEvent(Math.round(v) - 1); else this.player.seek(v);
      } });
    this.clock = h("span", { class: "ex-clock", "aria-label": "virtual time against real time" }, "virtual 0 s");
    const playBar = h("div", { class: "ex-playbar", role: "toolbar", "aria-label": "Playback" },
      h("label", { class: "ex-speed-label" }, "speed ", this.speedSel), this.pauseBtn, this.stepBtn, this.scrub, this.clock);

    this.panes = [];
    const outs = h("div", { class: "ex-outputs" + (this.files.length > 1 ? " ex-multi" : "") });
    this.files.forEach((f, i) => {
      const pre = h("pre", { class: "ex-out", role: "log", "aria-live": "polite", "aria-label": "output of " + f.name, tabindex: 0 });
      const pane = new OutputPane(pre, names, (file, line) => this.showLine(file, line, true));
      // Pointing at an output line shows the source line that printed it.
      pre.addEventListener("mouseover", (ev) => {
        const ln = ev.target.closest && ev.target.closest(".ln[data-line]");
        if (ln) this.showLine(f.name, parseInt(ln.dataset.line, 10), false);
      });
      const inputBox = h("input", { type: "text", class: "ex-input-text", autocomplete: "off", spellcheck: "false", "aria-label": "input for " + f.name,
        // Ctrl-D ends the input, as in a terminal: input() then raises EOFError.
        onkeydown: (e) => { if (e.key === "d" && e.ctrlKey && !e.altKey && !e.metaKey) { e.preventDefault(); this.sendEOF(i); } } });
      const sample = h("button", { type: "button", class: "ex-sample", hidden: true, onclick: () => this.sendSample(i) }, "type the sample input");
      const eof = h("button", { type: "button", class: "ex-eof", title: "End the input (Ctrl-D): input() raises EOFError", onclick: () => this.sendEOF(i) }, "end input (Ctrl-D)");
      const form = h("form", { class: "ex-input", hidden: true, onsubmit: (e) => { e.preventDefault(); this.sendInput(i, inputBox.value + "\n"); inputBox.value = ""; } },
        h("span", { class: "ex-input-prompt" }, "⌨ the program is waiting for input:"), inputBox, h("button", { type: "submit" }, "Send"), sample, eof);
      const box = h("div", { class: "ex-output", "data-file": f.name }, h("div", { class: "ex-output-name" }, this.files.length > 1 ? "output of " + f.name : "output"), pre, form);
      outs.append(box);
      this.panes.push({ pane, form, inputBox, sample, sampleLines: (f.stdin || "").split(/(?<=\n)/).filter(Boolean) });
      const golden = this.data.golden && this.data.golden[f.name];
      if (golden && (golden.stdout || golden.stderr)) {
        pane.showGolden(golden.stdout + (golden.stderr || ""));
      }
    });

    this.status = h("p", { class: "ex-status", role: "status" }, this.data.golden ? "Sample output shown. Press Run to watch it happen." : "Press Run (Shift+Enter) to run this program.");
    this.timeline = new Timeline(this);
    const work = h("div", { class: "ex-work" }, filesBox, h("div", { class: "ex-side" }, outs));
    const replace = s.querySelector(".example-static");
    const ui = h("div", { class: "ex-ui" }, runBar, work, playBar, this.status, this.timeline.root);
    if (replace) replace.replaceWith(ui); else s.append(ui);
    this.player = new Player((n, vt, grew) => this.render(n, vt, grew));
    this.player.setSpeed(speeds[this.speedSel.selectedIndex]);
    this.shownCount = 0;
    this.updateButtons();
    if (this.kind === "exercise") this.exercise = setupExercise(this, ui);
  }

  editorFor(file) { const e = this.editors.find((x) => x.file.name === file); return e && e.ed; }

  /** showLine highlights a line in a file, as the error line or the current one. */
  showLine(file, line, isError) {
    const ed = this.editorFor(file);
    if (!ed) return;
    if (isError) { ed.mark({ error: line }); ed.view.focus(); } else ed.mark({ current: line });
  }

  resetCode() {
    for (const e of this.editors) { e.ed.setText(e.file.source); save(e.key, null); e.ed.mark({ error: 0, current: 0 }); }
    this.reset.disabled = true;
    this.status.textContent = "The code is back to the lesson's version.";
  }

  togglePause() {
    const p = this.player;
    if (p.paused || p.atEnd()) {
      if (p.atEnd()) p.seek(0);
      p.setPaused(false);
    } else p.setPaused(true);
    this.updateButtons();
  }

  updateButtons() {
    const p = this.player;
    const live = this.run !== null;
    this.runBtn.disabled = false;
    this.stopBtn.disabled = !live && (p.atEnd() || p.events.length === 0);
    this.pauseBtn.textContent = p.paused || p.atEnd() || !p.events.length ? (p.atEnd() && p.events.length ? "▶ Replay" : "▶ Play") : "❚❚ Pause";
    // Nothing to play or scrub before the first run.
    this.pauseBtn.disabled = p.events.length === 0;
    this.scrub.disabled = p.events.length === 0;
    this.stepBtn.disabled = p.events.length === 0 || p.atEnd();
  }

  /** start runs the example's current code. */
  start() {
    if (this.run) this.run.stop();
    const lesson = document.body.dataset.lesson || "";
    const files = this.editors.map((e) => ({ name: e.file.name, source: e.ed.text() }));
    for (const e of this.editors) e.ed.mark({ error: 0, current: 0 });
    for (const p of this.panes) { p.pane.clear(); p.form.hidden = true; p.sampleNext = 0; }
    this.endSeen = null;
    this.endMsg = null;
    this.shownCount = 0;
    this.player.reset();
    this.player.setPaused(false);
    this.sourceRun = files.map((f) => f.source).join("\0");
    this.status.textContent = "Running…";
    this.section.classList.add("ex-running");
    markProgress(lesson, "ran");
    // Unchanged lesson code is named rather than sent, so the server may
    // answer from its cache.
    const edited = this.editors.some((e) => e.ed.text() !== e.file.source);
    const request = lesson && !edited ? { lesson, example: this.name } : { files, lesson, example: this.name };
    const handle = startRun(request, {
      onEvents: (evs) => { if (this.run === handle) { this.player.add(evs); this.timeline.dirty(); } },
      onEnd: (end) => {
        if (this.run !== handle) return;
        this.run = null;
        this.endMsg = end;
        this.player.finish(end);
        this.timeline.dirty();
        this.section.classList.remove("ex-running");
        if (this.exercise) this.exercise.onEnd(end);
        this.updateButtons();
      },
      onError: (msg) => {
        if (this.run !== handle) return;
        this.run = null;
        this.section.classList.remove("ex-running");
        this.status.textContent = "Could not run: " + msg;
        this.updateButtons();
      },
    });
    this.run = handle;
    this.updateButtons();
    return handle;
  }

  stop() {
    if (this.run) this.run.stop();
    else this.player.seek(this.player.duration()), this.player.setPaused(true);
  }

  runBoth() {
    const other = examples.get(this.compare);
    if (other) other.start();
    this.start();
  }

  sendInput(i, text) {
    if (!this.run) return;
    this.run.stdin(text, i);
    this.panes[i].form.hidden = true;
  }

  /** sendEOF closes program i's input: its input() raises EOFError. */
  sendEOF(i) {
    if (!this.run) return;
    this.run.stdin("", i, true);
    this.panes[i].form.hidden = true;
  }

  /** sendSample types the next line of the lesson's sample input. */
  sendSample(i) {
    const p = this.panes[i];
    const line = p.sampleLines[p.sampleNext || 0];
    if (line === undefined) return;
    p.sampleNext = (p.sampleNext || 0) + 1;
    this.sendInput(i, line.endsWith("\n") ? line : line + "\n");
  }

  /** showSample labels the sample button with the line it would type (hidden when none is left). */
  showSample(p) {
    const line = p.sampleLines[p.sampleNext || 0];
    p.sample.hidden = line === undefined;
    if (line !== undefined) p.sample.textContent = "type the sample input: " + JSON.stringify(line.replace(/\n$/, ""));
  }

  /** stdoutOf returns everything program i printed in the last run. */
  stdoutOf(i) {
    return this.player.events.filter((e) => e.kind === "stdout" && (e.program || 0) === i).map((e) => e.text).join("");
  }

  render(n, vt, grew) {
    const evs = this.player.events;
    if (n < this.shownCount) {
      for (const p of this.panes) p.pane.clear();
      this.shownCount = 0;
    }
    for (let i = this.shownCount; i < n; i++) {
      const e = evs[i];
      const p = this.panes[e.program || 0];
      if (!p) continue;
      if (e.kind === "stdout" || e.kind === "stderr") p.pane.add(e.kind, e.text, e.line);
      else if (e.kind === "input") p.pane.add("input", e.text);
    }
    const changed = n !== this.shownCount;
    this.shownCount = n;
    if (changed) for (const p of this.panes) p.pane.scrollToEnd(false);

    // The input line shows when the newest event is a program waiting in input().
    const last = n ? evs[n - 1] : null;
    this.panes.forEach((p, i) => {
      const waiting = this.run !== null && last && last.kind === "input-wait" && (last.program || 0) === i && n === evs.length;
      if (waiting && p.form.hidden) {
        p.form.hidden = false;
        p.form.querySelector(".ex-input-prompt").textContent = "⌨ the program waits for input" + (last.text ? ": " + last.text.trim() : ":");
        this.showSample(p);
        p.inputBox.focus({ preventScroll: true });
      }
      else if (!waiting && !p.form.hidden) p.form.hidden = true;
    });

    // Source lines: the line the playback is at, and a traceback's line.
    if (changed) {
      let line = 0, prog = 0;
      for (let i = n - 1; i >= 0 && i >= n - 200; i--) { if (evs[i].line) { line = evs[i].line; prog = evs[i].program || 0; break; } }
      this.editors.forEach((e, i) => e.ed.mark({ current: i === prog ? line : 0 }));
      for (const p of this.panes) if (p.pane.errorAt) { const ed = this.editorFor(p.pane.errorAt.file); if (ed) ed.mark({ error: p.pane.errorAt.line }); }
    }

    const dur = this.player.duration();
    if (dur === 0) { this.scrub.step = "1"; this.scrub.max = String(Math.max(evs.length, 1)); this.scrub.value = String(n); }
    else { this.scrub.step = "any"; this.scrub.max = String(dur); this.scrub.value = String(vt); }
    const real = this.endMsg ? ` · real ${this.endMsg.wall_ms} ms` : "";
    this.clock.textContent = `virtual ${fmtDuration(vt)}${this.endMsg ? " of " + fmtDuration(dur) : ""}${real}`;
    this.timeline.cursor(n, vt);

    if (this.player.atEnd() && this.endMsg) {
      this.status.textContent = this.endText(this.endMsg);
      this.section.dataset.status = this.endMsg.status;
      if (this.endSeen !== this.endMsg) {
        this.endSeen = this.endMsg;
        document.dispatchEvent(new CustomEvent("tour:run-end", { detail: { example: this.name, status: this.endMsg.status } }));
      }
    } else if (this.endMsg || this.run) {
      this.status.textContent = this.player.paused ? "Paused at " + fmtDuration(vt) + " of virtual time." : this.run ? "Running…" : "Playing back…";
    }
    this.updateButtons();
  }

  /** endText says how a run ended, in plain words. */
  endText(end) {
    const v = fmtDuration(end.virtual_ns || 0);
    const real = `(${end.wall_ms || 0} ms real)`;
    // Which programs failed, and with what (the last line of their stderr).
    const failures = [];
    this.panes.forEach((p, i) => {
      const code = (end.exits || [])[i];
      if (code > 0 || (code === undefined && end.status === "error" && p.pane.stderrTail)) {
        failures.push({ file: this.files.length > 1 ? this.files[i].name + " " : "", tail: p.pane.stderrTail, code });
      }
    });
    const failed = failures.map((f) => `${f.file}stopped by an error${f.tail ? ": " + f.tail : ""}${f.code !== undefined ? ` (exit status ${f.code})` : ""}`).join("; ");
    switch (end.status) {
      case "ok": return `✓ finished in ${v} of virtual time ${real}`;
      case "error": return `✗ ${failed || "stopped by an error (exit status " + end.exit_code + ")"} after ${v} of virtual time ${real}`;
      case "limit": return `■ stopped by a limit: ${end.reason || "the program ran too long"} (after ${v} of virtual time ${real})`;
      case "stopped": return `■ stopped after ${v} of virtual time ${real}`;
      case "idle": return `■ ended after ${v} of virtual time ${real}: ${failed ? failed + "; " : ""}${end.reason || "nothing could run any more"}`;
      default: return `ended (${end.status}) after ${v} of virtual time ${real}`;
    }
  }
}
