// main.js is the bundle's entry point: it reads the page (docs/page.md) and
// starts every part that the page has.

import "./app.css";
import { setupUI, noteActive } from "./ui.js";
import { Example } from "./example.js";
import { setupPredict } from "./predict.js";
import { markProgress, decorateCourse } from "./progress.js";

function start() {
  setupUI();
  const body = document.body;
  if (body.dataset.page === "lesson") markProgress(body.dataset.lesson, "visited");
  if (document.querySelector("ol.course")) decorateCourse();
  for (const section of document.querySelectorAll("section.example[data-example]")) {
    try {
      const ex = new Example(section);
      section.addEventListener("focusin", () => noteActive(ex));
      section.addEventListener("click", () => noteActive(ex));
    } catch (err) {
      // One broken example must not take the page down; its static code stays.
      console.error("example", section.dataset.example, err);
    }
  }
  for (const p of document.querySelectorAll("section.predict")) setupPredict(p);
  document.documentElement.classList.add("js");
  // When the page became usable: the browser tests report it.
  if (window.performance && performance.mark) performance.mark("tour-ready");
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
