// predict.js makes a prediction (section.predict) clickable and reveals the
// answer once the learner has run the example it is about.

import { load, save } from "./store.js";

/** setupPredict wires one section.predict. */
export function setupPredict(section) {
  const example = section.dataset.example;
  const answer = parseInt(section.dataset.answer, 10);
  const key = "tour.predict." + (document.body.dataset.lesson || "") + "." + section.id;
  const items = [...section.querySelectorAll(".predict-choices > li")];
  const note = document.createElement("p");
  note.className = "predict-note";
  note.setAttribute("role", "status");
  section.append(note);
  let chosen = load(key, 0);
  let revealed = false;
  const paint = () => {
    items.forEach((li, i) => {
      const n = i + 1;
      li.setAttribute("aria-checked", chosen === n ? "true" : "false");
      li.classList.toggle("chosen", chosen === n);
      li.classList.toggle("right", revealed && n === answer);
      li.classList.toggle("wrong", revealed && chosen === n && n !== answer);
      li.querySelector(".predict-verdict")?.remove();
      if (revealed && (n === answer || chosen === n)) {
        const v = document.createElement("span");
        v.className = "predict-verdict";
        v.textContent = n === answer ? (chosen === n ? " ✓ your guess, and right" : " ✓ the right answer") : " ✗ your guess";
        li.append(v);
      }
    });
    if (revealed) note.textContent = chosen === answer ? "You predicted it." : `The answer is choice ${answer}: compare it with the output above.`;
    else if (chosen) note.textContent = `Your guess: choice ${chosen}. Now run the example to find out.`;
    else note.textContent = "Pick a choice, then run the example.";
  };
  const list = section.querySelector(".predict-choices");
  if (list) list.setAttribute("role", "radiogroup");
  items.forEach((li, i) => {
    li.setAttribute("role", "radio");
    li.tabIndex = 0;
    const pick = () => { if (revealed) return; chosen = i + 1; save(key, chosen); paint(); };
    li.addEventListener("click", pick);
    li.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
  });
  document.addEventListener("tour:run-end", (e) => {
    if (e.detail.example === example && !revealed) { revealed = true; paint(); }
  });
  paint();
}
