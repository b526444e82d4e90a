// editor.js makes a CodeMirror 6 editor for one Python file, with line
// numbers, bracket matching, history, Shift+Enter to run, and two kinds of
// highlighted line: the failing line of a traceback and the line that the
// playback is at.

import { EditorState, StateField, StateEffect, Prec } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars,
  drawSelection, highlightActiveLine, Decoration,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { syntaxHighlighting, bracketMatching, indentOnInput, indentUnit } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { python } from "@codemirror/lang-python";

const setMarks = StateEffect.define();

// marks holds {error: line, current: line} as line decorations.
const marks = StateField.define({
  create() { return Decoration.none; },
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setMarks)) continue;
      const ranges = [];
      const doc = tr.state.doc;
      const add = (line, cls) => {
        if (line >= 1 && line <= doc.lines) ranges.push(Decoration.line({ class: cls }).range(doc.line(line).from));
      };
      add(e.value.current, "cm-current-line");
      add(e.value.error, "cm-error-line");
      ranges.sort((a, b) => a.from - b.from);
      deco = Decoration.set(ranges, true);
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/**
 * makeEditor mounts an editor in parent. opts: doc, label, onRun, onChange.
 * It returns {view, text(), setText(s), mark({error, current})}.
 */
export function makeEditor(parent, opts) {
  let current = { error: 0, current: 0 };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(),
        drawSelection(), indentOnInput(), bracketMatching(), highlightActiveLine(),
        indentUnit.of("    "), EditorState.tabSize.of(4),
        syntaxHighlighting(classHighlighter), python(), marks,
        Prec.highest(keymap.of([{ key: "Shift-Enter", run: () => { opts.onRun(); return true; } }])),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": opts.label }),
        EditorView.updateListener.of((u) => { if (u.docChanged) opts.onChange(); }),
      ],
    }),
  });
  // Line heights measured off-screen or before a theme or type-size change
  // are wrong; measure again when the editor comes into view or the look changes.
  if ("IntersectionObserver" in window) {
    new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) view.requestMeasure(); }).observe(view.dom);
  }
  document.addEventListener("tour:restyle", () => view.requestMeasure());
  const mark = (m) => {
    const next = { ...current, ...m };
    if (next.error === current.error && next.current === current.current) return;
    current = next;
    view.dispatch({ effects: setMarks.of(current) });
    const line = m.error;
    if (line && line <= view.state.doc.lines) {
      view.dispatch({ effects: EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "nearest" }) });
    }
  };
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(s) { view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: s } }); },
    mark,
  };
}
