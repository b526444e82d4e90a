// player.js paces a run's events by virtual time: speed, pause, step, seek.
// The position is a count of events shown plus a virtual time; the view
// (output panes, timeline, clock) is redrawn from that position, so any
// moment can be replayed without running the program again.

/** Speeds offered to the learner; Infinity is "instant". */
export const speeds = [0.5, 1, 2, 10, Infinity];

/** Player holds the events of one run and the playback position. */
export class Player {
  /** onRender(shownCount, virtualNs, grew) is called whenever the position moves. */
  constructor(onRender) {
    this.onRender = onRender;
    this.events = [];
    this.end = null;
    this.shown = 0;
    this.vt = 0;
    this.speed = 1;
    this.paused = false;
    this.frame = 0;
    this.lastReal = 0;
  }

  /** reset forgets the previous run. */
  reset() {
    this.events = [];
    this.end = null;
    this.shown = 0;
    this.vt = 0;
    this.paused = false;
    this.onRender(0, 0, false);
  }

  /** add appends a batch of events as they arrive. */
  add(events) {
    for (const e of events) this.events.push(e);
    this.kick();
  }

  /** finish records the end message. */
  finish(end) {
    this.end = end;
    this.kick();
  }

  /** duration is the virtual length known so far. */
  duration() {
    const last = this.events.length ? this.events[this.events.length - 1].t_ns : 0;
    return Math.max(last, this.end ? this.end.virtual_ns || 0 : 0);
  }

  /** atEnd reports whether every event has been shown and the run ended. */
  atEnd() {
    return this.end !== null && this.shown >= this.events.length && this.vt >= this.duration();
  }

  setSpeed(s) { this.speed = s; this.kick(); }
  setPaused(p) { this.paused = p; this.lastReal = 0; this.kick(); }

  /** step shows exactly one more event (pausing playback). */
  step() {
    this.paused = true;
    if (this.shown < this.events.length) {
      this.shown++;
      this.vt = this.events[this.shown - 1].t_ns;
    } else if (this.end) {
      this.vt = this.duration();
    }
    this.onRender(this.shown, this.vt, false);
  }

  /** seek moves to virtual time t: every event at or before t is shown. */
  seek(t) {
    this.vt = Math.max(0, Math.min(t, this.duration()));
    let n = 0;
    while (n < this.events.length && this.events[n].t_ns <= this.vt) n++;
    this.shown = n;
    this.onRender(this.shown, this.vt, false);
  }

  /** seekEvent moves to just after event index i. */
  seekEvent(i) {
    this.shown = Math.max(0, Math.min(i + 1, this.events.length));
    this.vt = this.shown ? this.events[this.shown - 1].t_ns : 0;
    this.onRender(this.shown, this.vt, false);
  }

  kick() {
    if (!this.frame) this.frame = requestAnimationFrame((now) => this.tick(now));
  }

  tick(now) {
    this.frame = 0;
    if (this.paused) { this.lastReal = 0; return; }
    const before = this.shown;
    if (this.speed === Infinity) {
      this.shown = this.events.length;
      this.vt = this.end ? this.duration() : (this.shown ? this.events[this.shown - 1].t_ns : 0);
    } else {
      const dt = this.lastReal ? Math.min(now - this.lastReal, 250) : 0;
      this.lastReal = now;
      this.vt += dt * 1e6 * this.speed;
      // A run still going may not have produced its next event yet: never
      // play past what is known.
      const limit = this.end ? this.duration() : (this.events.length ? this.events[this.events.length - 1].t_ns : 0);
      // Waiting at input: the virtual clock stands still.
      if (this.vt > limit) this.vt = limit;
      while (this.shown < this.events.length && this.events[this.shown].t_ns <= this.vt) this.shown++;
    }
    this.onRender(this.shown, this.vt, this.shown > before);
    if (!this.atEnd() && !(this.end === null && this.shown >= this.events.length && this.speed === Infinity)) {
      this.kick();
    } else {
      this.lastReal = 0;
    }
  }
}
