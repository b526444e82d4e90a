// progress.js remembers, in localStorage "tour.progress", which lessons the
// learner visited, ran something in, and solved, and marks them on the
// course page (with words and signs, not colour alone).

import { load, save } from "./store.js";

/** markProgress records what (visited, ran, done) for lesson slug. */
export function markProgress(slug, what) {
  if (!slug) return;
  const p = load("tour.progress", {});
  const entry = p[slug] || {};
  entry[what] = true;
  p[slug] = entry;
  if (what === "visited") p._last = slug;
  save("tour.progress", p);
}

/** decorateCourse marks the lessons of ol.course. */
export function decorateCourse() {
  const p = load("tour.progress", {});
  for (const li of document.querySelectorAll("ol.course > li[data-lesson]")) {
    const e = p[li.dataset.lesson];
    li.querySelector(".progress-mark")?.remove();
    if (!e && p._last !== li.dataset.lesson) continue;
    const mark = document.createElement("span");
    mark.className = "progress-mark";
    if (e && e.done) { li.classList.add("done"); mark.textContent = "✓ solved"; }
    else if (e) { li.classList.add("visited"); mark.textContent = "• visited"; }
    if (p._last === li.dataset.lesson) {
      li.classList.add("current");
      mark.textContent += (mark.textContent ? " · " : "") + "you were here";
    }
    li.querySelector("a")?.after(mark);
  }
}
