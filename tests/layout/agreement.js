// What the agreement test asks layout.js, the same under Node and in Chromium:
// `runAgreement(layout, input)` lays out every vector with the presets' fonts and words the
// budgets and page counts; tests/layout/test_js_agreement.py compares with Python.
function runAgreement(layout, input) {
  "use strict";
  const fonts = {};
  for (const [id, preset] of Object.entries(input.presets)) {
    fonts[id] = layout.makeFont(preset.metrics, preset);
  }
  const vectors = input.cases.map(([text, preset, raw]) => {
    const font = fonts[preset];
    const prepared = raw ? text : layout.prepareText(text);
    const r = layout.layoutPrepared(prepared, font);
    return {
      prepared,
      lines: r.lines.map((l) => [l.paragraph, l.start, l.end, l.text, l.cut]),
      count: r.line_count, paragraphs: r.paragraph_count, height: r.height_twips,
      pages: r.pages, characters: r.characters,
      unsupported: raw ? null : layout.unsupportedCharacters(text, font).sort(),
    };
  });
  const budgets = input.budget_pairs.map(([used, budget]) => {
    const s = layout.budgetStatus(used, budget);
    return [s.used, s.budget, s.remaining, s.state, s.message];
  });
  const pages = input.pages.map((value) => layout.formatPages(value));
  return { vectors, budgets, pages };
}

if (typeof globalThis !== "undefined") globalThis.runAgreement = runAgreement;
