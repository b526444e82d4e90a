// output.js is one program's output pane: lines of stdout, stderr (marked by
// a gutter sign and a different style, not colour alone) and echoed input,
// with ANSI colours, and traceback lines that point at the learner's file.

import { appendAnsi, newAnsiState } from "./ansi.js";

const traceRE = /File "([^"]+)", line (\d+)/;

/** OutputPane renders the output events of one program into a <pre>. */
export class OutputPane {
  /** files are the example's file names; onTrace(file, line) is called when a traceback line is clicked. */
  constructor(pre, files, onTrace) {
    this.pre = pre;
    this.files = files;
    this.onTrace = onTrace;
    this.clear();
  }

  clear() {
    this.pre.textContent = "";
    this.pre.classList.remove("ex-golden");
    this.line = null;
    this.stream = "";
    this.states = { stdout: newAnsiState(), stderr: newAnsiState(), input: newAnsiState() };
    this.errorAt = null; // {file, line} of the last traceback line seen
    this.stderrTail = "";
  }

  /** showGolden shows the lesson's recorded output before any run. */
  showGolden(text) {
    this.clear();
    this.pre.classList.add("ex-golden");
    this.add("stdout", text);
  }

  newLine(stream) {
    const div = document.createElement("div");
    div.className = "ln ln-" + stream;
    this.pre.appendChild(div);
    this.line = div;
    this.stream = stream;
  }

  /**
   * add appends text written to stream (stdout, stderr or input); line is
   * the source line that wrote it. Input comes as it was read, with its
   * newline (docs/protocol.md), so it ends its line as in a terminal.
   */
  add(stream, text, line) {
    const parts = text.split("\n");
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last && part === "") return;
      if (!this.line || (this.stream !== stream && stream === "stderr") || (this.stream === "stderr" && stream !== "stderr")) this.newLine(stream);
      if (line && !this.line.dataset.line) this.line.dataset.line = line;
      if (part) {
        if (stream === "input") {
          const span = document.createElement("span");
          span.className = "in";
          span.textContent = part;
          this.line.appendChild(span);
        } else {
          appendAnsi(this.line, part, this.states[stream]);
        }
      }
      if (!last) {
        if (!this.line.firstChild) this.line.appendChild(document.createTextNode(""));
        this.finishLine();
        this.line = null;
      }
    });
  }

  finishLine() {
    const div = this.line;
    if (this.stream !== "stderr") return;
    const text = div.textContent;
    if (text.trim()) this.stderrTail = text.trim();
    const m = traceRE.exec(text);
    if (m && this.files.includes(m[1])) {
      const where = { file: m[1], line: parseInt(m[2], 10) };
      this.errorAt = where;
      div.classList.add("ln-trace");
      div.tabIndex = 0;
      div.title = "show line " + where.line + " of " + where.file;
      const go = () => this.onTrace(where.file, where.line);
      div.addEventListener("click", go);
      div.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
    }
  }

  /** scrollToEnd keeps the newest line visible if the learner was already at the bottom. */
  scrollToEnd(force) {
    const p = this.pre;
    if (force || p.scrollHeight - p.scrollTop - p.clientHeight < 40) p.scrollTop = p.scrollHeight;
  }
}
