// exercise.js adds Check, hints and the solution to an exercise example.

import { markProgress } from "./progress.js";

function button(text, onclick, cls) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.className = cls || "";
  b.addEventListener("click", onclick);
  return b;
}

/**
 * checkOutput compares got with expect ({mode, text}); it returns "" when
 * it matches, else a sentence saying where it differs.
 */
export function checkOutput(got, expect) {
  const want = expect.text || "";
  if ((expect.mode || "exact") === "lines") {
    const lines = got.split("\n").map((l) => l.trimEnd());
    let at = 0;
    for (const w of want.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "")) {
      const i = lines.indexOf(w, at);
      if (i < 0) return `the line "${w}" is missing${at > 0 ? " (after the lines found so far)" : ""}.`;
      at = i + 1;
    }
    return "";
  }
  const norm = (s) => s.replace(/\n$/, "");
  if (norm(got) === norm(want)) return "";
  const g = norm(got).split("\n"), w = norm(want).split("\n");
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) {
      if (g[i] === undefined) return `line ${i + 1} should be "${w[i]}", but the output stops before it.`;
      if (w[i] === undefined) return `the output has an extra line ${i + 1}: "${g[i]}".`;
      return `line ${i + 1} should be "${w[i]}" but is "${g[i]}".`;
    }
  }
  return "the output differs in spaces.";
}

/** setupExercise adds the exercise parts under ui and returns {onEnd}. */
export function setupExercise(ex, ui) {
  const data = ex.data;
  const box = document.createElement("div");
  box.className = "ex-exercise";
  const result = document.createElement("p");
  result.className = "ex-check-result";
  result.setAttribute("role", "status");
  let wantCheck = false;
  const check = () => {
    const got = ex.stdoutOf(ex.files.length - 1);
    const why = checkOutput(got, data.expect || { text: "" });
    result.dataset.ok = why ? "no" : "yes";
    result.textContent = why ? "✗ Not yet: " + why : "✓ Correct! Your program prints what was asked.";
    if (!why) markProgress(document.body.dataset.lesson, "done");
  };
  const checkBtn = button("✓ Check", () => {
    wantCheck = true;
    result.textContent = "Running your program to check it…";
    delete result.dataset.ok;
    ex.start();
  }, "ex-check primary");
  ui.querySelector(".ex-runbar").append(checkBtn);
  box.append(result);

  const hints = data.hints || [];
  if (hints.length) {
    const list = document.createElement("ol");
    list.className = "ex-hints";
    let shown = 0;
    const more = button(`Show a hint (1 of ${hints.length})`, () => {
      const li = document.createElement("li");
      li.innerHTML = hints[shown]; // rendered by our server from the lesson's markdown
      list.append(li);
      shown++;
      if (shown >= hints.length) more.hidden = true;
      else more.textContent = `Show another hint (${shown + 1} of ${hints.length})`;
      li.tabIndex = -1;
      li.focus();
    }, "ex-hint");
    box.append(list, more);
  }
  if (data.solution) {
    const sol = document.createElement("div");
    sol.className = "ex-solution";
    sol.hidden = true;
    const pre = document.createElement("pre");
    pre.textContent = data.solution;
    const use = button("Put the solution in the editor", () => ex.editors[ex.editors.length - 1].ed.setText(data.solution));
    sol.append(pre, use);
    const show = button("Show the solution", () => {
      if (!sol.hidden) { sol.hidden = true; show.textContent = "Show the solution"; return; }
      sol.hidden = false;
      show.textContent = "Hide the solution";
    }, "ex-show-solution");
    box.append(show, sol);
  }
  ui.append(box);
  return {
    onEnd() { if (wantCheck) { wantCheck = false; check(); } },
  };
}
