// ansi.js turns program output with ANSI SGR escapes (colours, bold, reset)
// into DOM spans. Unknown escapes are dropped, never shown raw.

const escapeRE = /\x1b\[([0-9;]*)([A-Za-z])/g;

/** newAnsiState returns the styling state of one output stream. */
export function newAnsiState() {
  return { fg: null, bold: false };
}

function applySGR(state, params) {
  const codes = params === "" ? [0] : params.split(";").map((s) => parseInt(s || "0", 10));
  for (const c of codes) {
    if (c === 0) { state.fg = null; state.bold = false; }
    else if (c === 1) state.bold = true;
    else if (c === 22) state.bold = false;
    else if (c === 39) state.fg = null;
    else if (c >= 30 && c <= 37) state.fg = c - 30;
    else if (c >= 90 && c <= 97) state.fg = c - 90 + 8;
  }
}

/**
 * appendAnsi appends text to parent, splitting it into spans styled by the
 * escapes it contains; state carries styling across calls.
 */
export function appendAnsi(parent, text, state) {
  let last = 0;
  const put = (s) => {
    if (!s) return;
    if (state.fg === null && !state.bold) {
      parent.appendChild(document.createTextNode(s));
      return;
    }
    const span = document.createElement("span");
    if (state.fg !== null) span.className = "ansi-fg" + state.fg;
    if (state.bold) span.classList.add("ansi-bold");
    span.textContent = s;
    parent.appendChild(span);
  };
  escapeRE.lastIndex = 0;
  let m;
  while ((m = escapeRE.exec(text)) !== null) {
    put(text.slice(last, m.index));
    if (m[2] === "m") applySGR(state, m[1]);
    last = escapeRE.lastIndex;
  }
  put(text.slice(last));
}

/** stripAnsi removes escapes, for comparing output with an exercise's expectation. */
export function stripAnsi(text) {
  return text.replace(escapeRE, "");
}
