// ui.js is the page-wide comfort layer: themes (auto, light, dark,
// projector), font size, presenter view, page keys and the shortcut list.

import { load, save } from "./store.js";
import { examples } from "./registry.js";

const themes = ["auto", "light", "dark", "projector"];
const themeWords = { auto: "system", light: "light", dark: "dark", projector: "projector" };

/** applyTheme sets html[data-theme] (and remembers it unless told not to). */
export function applyTheme(theme, remember) {
  if (!themes.includes(theme)) theme = "auto";
  document.documentElement.dataset.theme = theme;
  if (remember) save("tour.theme", theme);
  document.dispatchEvent(new Event("tour:restyle"));
  const sel = document.querySelector(".tour-theme");
  if (sel) sel.value = theme;
}

/** applyFontScale sets the font scale (0.7–2.0) and remembers it. */
export function applyFontScale(scale, remember) {
  scale = Math.min(2, Math.max(0.7, Math.round(scale * 10) / 10));
  document.documentElement.style.setProperty("--font-scale", scale);
  if (remember) save("tour.fontScale", scale);
  document.dispatchEvent(new Event("tour:restyle"));
  return scale;
}

let fontScale = 1;

/** setPresenter turns the presenter view (teacher notes) on or off. */
export function setPresenter(on) {
  document.documentElement.classList.toggle("presenter", on);
  save("tour.presenter", on ? true : null);
}

const shortcuts = [
  ["Shift+Enter", "run the example (in its editor)"],
  ["Esc", "stop the running example; then Tab leaves the editor"],
  ["PageDown, →", "next page"],
  ["PageUp, ←", "previous page"],
  ["Space", "pause or play the last example you ran"],
  [".", "step to the next event"],
  ["t", "next theme (system, light, dark, projector)"],
  ["+ / −", "larger / smaller text"],
  ["n", "presenter view: show the teacher's notes"],
  ["?", "show or hide this list"],
];

function helpDialog() {
  let d = document.getElementById("tour-help");
  if (d) return d;
  d = document.createElement("dialog");
  d.id = "tour-help";
  d.setAttribute("aria-labelledby", "tour-help-title");
  const rows = shortcuts.map(([k, v]) => `<tr><th scope="row"><kbd></kbd></th><td></td></tr>`).join("");
  d.innerHTML = `<h2 id="tour-help-title">Keyboard shortcuts</h2><table>${rows}</table><form method="dialog"><button>Close</button></form>`;
  d.querySelectorAll("tr").forEach((tr, i) => { tr.querySelector("kbd").textContent = shortcuts[i][0]; tr.querySelector("td").textContent = shortcuts[i][1]; });
  document.body.append(d);
  return d;
}

function toggleHelp() {
  const d = helpDialog();
  if (d.open) d.close(); else d.showModal();
}

function go(dir) {
  const url = document.body.dataset[dir];
  if (url) location.href = url;
}

let lastExample = null;

/** noteActive remembers the example the learner used last, for Space and ".". */
export function noteActive(ex) { lastExample = ex; }

function inEditable(t) {
  return t && t.closest && t.closest("input, textarea, select, [contenteditable], .cm-editor, dialog[open]");
}

function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const editable = inEditable(e.target);
  if (e.key === "Escape") {
    for (const ex of examples.values()) if (ex.run) ex.stop();
    return;
  }
  if (e.key === "PageDown" || e.key === "PageUp") {
    // Clickers send these; inside an editor they keep their usual meaning.
    if (e.target.closest && e.target.closest(".cm-editor, textarea")) return;
    e.preventDefault();
    go(e.key === "PageDown" ? "next" : "prev");
    return;
  }
  if (editable) return;
  // A focused button or timeline keeps Space and its own arrow keys.
  if (e.key === " " && e.target.closest && e.target.closest("button, [role=radio]")) return;
  switch (e.key) {
    case "ArrowRight": go("next"); break;
    case "ArrowLeft": go("prev"); break;
    case "?": toggleHelp(); break;
    case "n": setPresenter(!document.documentElement.classList.contains("presenter")); break;
    case "t": {
      const cur = document.documentElement.dataset.theme || "auto";
      applyTheme(themes[(themes.indexOf(cur) + 1) % themes.length], true);
      break;
    }
    case "+": case "=": fontScale = applyFontScale(fontScale + 0.1, true); break;
    case "-": case "_": fontScale = applyFontScale(fontScale - 0.1, true); break;
    case " ": if (lastExample) { lastExample.togglePause(); } else return; break;
    case ".": if (lastExample) lastExample.player.step(); else return; break;
    default: return;
  }
  e.preventDefault();
}

function settingsBar() {
  const bar = document.createElement("div");
  bar.className = "tour-settings";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "display settings");
  const sel = document.createElement("select");
  sel.className = "tour-theme";
  sel.setAttribute("aria-label", "theme");
  for (const t of themes) {
    const o = document.createElement("option");
    o.value = t;
    o.textContent = themeWords[t];
    sel.append(o);
  }
  sel.value = document.documentElement.dataset.theme || "auto";
  sel.addEventListener("change", () => applyTheme(sel.value, true));
  const mk = (text, label, fn) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.title = label;
    b.addEventListener("click", fn);
    return b;
  };
  bar.append(
    sel,
    mk("A−", "smaller text (−)", () => { fontScale = applyFontScale(fontScale - 0.1, true); }),
    mk("A+", "larger text (+)", () => { fontScale = applyFontScale(fontScale + 0.1, true); }),
    mk("?", "keyboard shortcuts (?)", toggleHelp),
  );
  const slot = document.querySelector("[data-tour-settings]") || document.querySelector("header nav, header");
  if (slot) slot.append(bar); else { bar.classList.add("floating"); document.body.prepend(bar); }
}

/** setupUI applies the remembered settings and installs the keys. */
export function setupUI() {
  applyTheme(load("tour.theme", document.documentElement.dataset.theme || "auto"), false);
  fontScale = applyFontScale(load("tour.fontScale", 1), false);
  const params = new URLSearchParams(location.search);
  if (params.has("presenter")) setPresenter(true);
  else if (load("tour.presenter", false)) setPresenter(true);
  if (params.has("theme")) applyTheme(params.get("theme"), false);
  settingsBar();
  document.addEventListener("keydown", onKey);
}
