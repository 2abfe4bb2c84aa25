// Twin of ptce_assist/layout (typography.py, linebreak.py, engine.py, line_budget.py) for
// the live counter: the same algorithm, step for step, applied to the very rules Python
// applies. Every table, pattern, threshold and message comes as data: `rules` is
// static/ptce/layout_rules.json (written from Python by tools/export_layout_rules.py), the
// font metrics are assets/metrics/*.json. tests/layout/test_js_agreement.py checks both sides
// give the same lines on the shared vectors, under Node and in a real Chromium.
// Works as a classic script and inside the component's ES module (defines
// globalThis.createPtceLayout); in Node, load it with vm.runInThisContext.
// Characters are handled as code points (Array.from), as Python does, not UTF-16 units.
function createPtceLayout(rules) {
  "use strict";

  const NBSP = "\u00a0";
  const NNBSP = "\u202f";
  const PX_PER_TWIP = 6;

  // ---------------------------------------------------------------- typography.py
  const T = rules.typography;
  const P = T.patterns;
  const TRANSLATE = new Map(Object.entries(T.translate).map(([c, v]) => [Number(c), v]));
  const NEEDS_TRANSLATE = new RegExp(
    "[" + [...TRANSLATE.keys()].map((c) => "\\u" + c.toString(16).padStart(4, "0")).join("") +
      "]", "g");
  const BULLET_PREFIX = T.bullet_prefix;
  const SPACE_LIKE = T.space_like;
  const PUNCT_FOLLOWER = T.punct_follower;
  const IS_LETTER = new RegExp(P.is_letter);
  const IS_WORD_END = new RegExp(P.is_word_end);
  const SPACES = new RegExp(P.spaces, "g");
  const BULLET = new RegExp("^(?:" + P.bullet + ")"); // Python matches at the start
  const APOSTROPHE = new RegExp(P.apostrophe, "g");
  const OPEN_GUILLEMET = new RegExp(P.open_guillemet, "g");
  const CLOSE_GUILLEMET = new RegExp(P.close_guillemet, "g");
  const HIGH_PUNCT = new RegExp(P.high_punct, "g");
  const DIGIT_GROUPS = new RegExp(P.digit_groups, "g");
  const DIGIT_SEPARATOR = new RegExp(P.digit_separator, "g");
  const UNIT = new RegExp(P.unit, "g");
  const NO_BREAK_RUN = new RegExp(P.no_break_run, "g");

  function splice(text, spans) {
    if (!spans.length) return text;
    const pieces = [];
    let pos = 0;
    for (const [start, end, replacement] of spans) {
      pieces.push(text.slice(pos, start), replacement);
      pos = end;
    }
    pieces.push(text.slice(pos));
    return pieces.join("");
  }

  function spacesBefore(text, index, floor = 0) {
    while (index > floor && SPACE_LIKE.includes(text[index - 1])) index -= 1;
    return index;
  }

  function apostrophes(text) {
    const spans = [];
    for (const m of text.matchAll(APOSTROPHE)) {
      if (m.index > 0 && IS_LETTER.test(text[m.index - 1])) {
        spans.push([m.index, m.index + 1, "\u2019"]);
      }
    }
    return splice(text, spans);
  }

  function closeGuillemets(text) {
    const spans = [];
    for (const m of text.matchAll(CLOSE_GUILLEMET)) {
      const start = spacesBefore(text, m.index);
      if (start > 0 && text[start - 1] !== "\n") spans.push([start, m.index + 1, NBSP + "\u00bb"]);
    }
    return splice(text, spans);
  }

  function highPunctuation(text) {
    const spans = [];
    for (const m of text.matchAll(HIGH_PUNCT)) {
      const end = m.index + m[0].length;
      if (end < text.length && !PUNCT_FOLLOWER.includes(text[end])) continue;
      const start = spacesBefore(text, m.index);
      if (start > 0 && IS_WORD_END.test(text[start - 1])) {
        spans.push([start, end, (m[0][0] === ":" ? NBSP : NNBSP) + m[0]]);
      }
    }
    return splice(text, spans);
  }

  function digitGroups(text) {
    const spans = [];
    DIGIT_GROUPS.lastIndex = 0;
    let m;
    while ((m = DIGIT_GROUPS.exec(text)) !== null) {
      if (m.index > 0 && "0123456789,.".includes(text[m.index - 1])) {
        DIGIT_GROUPS.lastIndex = m.index + 1; // inside a longer number
        continue;
      }
      spans.push([m.index, m.index + m[0].length, m[0].replace(DIGIT_SEPARATOR, NNBSP)]);
    }
    return splice(text, spans);
  }

  function units(text) {
    const spans = [];
    let floor = 0;
    for (const m of text.matchAll(UNIT)) {
      const start = spacesBefore(text, m.index, floor);
      if (start < m.index && start > 0 && "0123456789".includes(text[start - 1])) {
        spans.push([start, m.index, NBSP]);
      }
      floor = m.index + m[0].length;
    }
    return splice(text, spans);
  }

  function spacesByNoBreak(text) {
    const spans = [];
    let floor = 0;
    for (const m of text.matchAll(NO_BREAK_RUN)) {
      let start = m.index;
      while (start > floor && text[start - 1] === " ") start -= 1;
      let end = m.index + m[0].length;
      while (end < text.length && text[end] === " ") end += 1;
      if (start !== m.index || end !== m.index + m[0].length) spans.push([start, end, m[0]]);
      floor = end;
    }
    return splice(text, spans);
  }

  function line(text) {
    const stripped = text.replace(/^ +| +$/g, "");
    const bullet = BULLET.exec(stripped);
    return bullet ? BULLET_PREFIX + stripped.slice(bullet[0].length) : stripped;
  }

  function prepareText(text) {
    text = text.split("\r\n").join("\n");
    text = text.replace(NEEDS_TRANSLATE, (c) => TRANSLATE.get(c.charCodeAt(0)));
    text = text.normalize("NFC");
    text = text.replace(SPACES, " ");
    text = text.split("\n").map(line).join("\n");
    if (text.includes("'")) text = apostrophes(text);
    if (text.includes("\u00ab")) text = text.replace(OPEN_GUILLEMET, "\u00ab" + NBSP);
    if (text.includes("\u00bb")) text = closeGuillemets(text);
    text = highPunctuation(text);
    text = digitGroups(text);
    text = units(text);
    if (text.includes(NBSP) || text.includes(NNBSP)) text = spacesByNoBreak(text);
    return text;
  }

  // ----------------------------------------------------------------- linebreak.py
  const L = rules.linebreak;
  const CLASS_OF = new Map();
  for (const [lo, hi, cls] of L.classes) {
    for (let c = lo; c <= hi; c++) CLASS_OF.set(String.fromCodePoint(c), cls);
  }
  const NO_BREAK = new Set(L.no_break);
  const NUMBER = new RegExp(L.number, "g");
  const WHITESPACE = new Set(L.whitespace);
  const SLASH_LOOKBACK = L.slash_lookback;

  function classes(chars) {
    let out = "";
    for (const c of chars) out += CLASS_OF.get(c) || "A";
    return out;
  }

  function numberGlue(cls) {
    const glued = new Set();
    let pos = 0;
    for (;;) {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(cls);
      if (m === null) return glued;
      const start = m.index, end = m.index + m[0].length;
      for (let i = start + 1; i < end; i++) glued.add(i);
      pos = end - start > 1 && "RoD".includes(cls[end - 1]) ? end - 1 : end;
      pos = Math.max(pos, start + 1);
    }
  }

  function breakAllowed(cls, i, numbers) {
    const a = cls[i - 1], b = cls[i];
    if (NO_BREAK.has(a + b) || numbers.has(i)) return false;
    if (a === "S") {
      let j = i - 1;
      while (j >= 0 && cls[j] === "S") j -= 1;
      if (j >= 0 && (cls[j] === "O" || (cls[j] === "W" && b === "W"))) return false;
    }
    return true;
  }

  function lineBreak(chars, cls, numbers, cut, floor) {
    if (0 < cut && cut < chars.length && chars[cut - 1] !== "/" && breakAllowed(cls, cut, numbers)) {
      return cut;
    }
    let pos = cut - 1;
    while (pos > floor && !breakAllowed(cls, pos, numbers)) pos -= 1;
    if (pos > floor && chars[pos - 1] === "/") {
      let back = pos - 1;
      while (back > 0 && pos - back < SLASH_LOOKBACK && !WHITESPACE.has(chars[back])) back -= 1;
      if (back > 0 && WHITESPACE.has(chars[back])) pos = back + 1;
    }
    return Math.max(pos, 0);
  }

  // -------------------------------------------------------------------- engine.py
  function scaleRound(units, sizePt, unitsPerEm) {
    return Math.floor((2 * units * sizePt * 120 + unitsPerEm) / (2 * unitsPerEm));
  }

  // preset: {id, size_pt, line_width_twips, line_height_twips, lines_per_page}
  function makeFont(metrics, preset) {
    const px = (u) => scaleRound(u, preset.size_pt, metrics.units_per_em);
    const widths = new Map();
    for (const [c, a] of Object.entries(metrics.advances)) widths.set(c, px(a));
    const ligatures = new Map(); // first character -> [[code points], px] in the font's order
    for (const [sequence, advance] of metrics.ligatures) {
      const cps = Array.from(sequence);
      if (!ligatures.has(cps[0])) ligatures.set(cps[0], []);
      ligatures.get(cps[0]).push([cps, px(advance)]);
    }
    return {
      preset,
      widths,
      ligatures,
      fallbackPx: px(metrics.units_per_em),
      nbspPx: px(metrics.advances[" "]),
      lineTwips: preset.line_width_twips,
      lineHeightTwips: preset.line_height_twips,
      supported: new Set([...widths.keys(), NBSP, "\n"]),
    };
  }

  function roundTwips(px) {
    return Math.floor((2 * px + PX_PER_TWIP) / (2 * PX_PER_TWIP));
  }

  function charWidths(chars, font) {
    const n = chars.length;
    const widths = new Array(n);
    for (let i = 0; i < n; i++) {
      const w = font.widths.get(chars[i]);
      widths[i] = w === undefined ? font.fallbackPx : w;
    }
    if (font.ligatures.size) {
      let i = 0;
      while (i < n) {
        const candidates = font.ligatures.get(chars[i]);
        let step = 1;
        if (candidates) {
          for (const [cps, px] of candidates) {
            let k = 1;
            while (k < cps.length && i + k < n && chars[i + k] === cps[k]) k += 1;
            if (k === cps.length) {
              widths[i] = px;
              for (let j = 1; j < cps.length; j++) widths[i + j] = 0;
              step = cps.length;
              break;
            }
          }
        }
        i += step;
      }
    }
    return widths;
  }

  function fits(totalPx, length, leftTwips, font) {
    if (totalPx <= leftTwips * PX_PER_TWIP) return true;
    const shortcut = 2 * leftTwips > length * font.lineHeightTwips;
    return shortcut && roundTwips(totalPx) <= leftTwips;
  }

  // Positions of U+00A0, searched by bisection (mirrors engine._nbsp_positions).
  function nbspPositions(chars) {
    const positions = [];
    for (let k = 0; k < chars.length; k++) if (chars[k] === NBSP) positions.push(k);
    return positions;
  }

  function nextNbsp(nbsps, i, n) {
    let lo = 0, hi = nbsps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nbsps[mid] < i) lo = mid + 1; else hi = mid;
    }
    return lo < nbsps.length ? nbsps[lo] : n;
  }

  function firstOverflow(chars, cum, start, font, nbsps) {
    const n = chars.length;
    let x = 0;
    let i = start;
    while (i < n) {
      const left = font.lineTwips - x;
      if (chars[i] === NBSP) {
        if (!fits(font.nbspPx, 1, left, font)) return [i, i];
        x += roundTwips(font.nbspPx);
        i += 1;
        continue;
      }
      const end = nextNbsp(nbsps, i, n);
      const total = cum[end] - cum[i];
      if (fits(total, end - i, left, font)) {
        x += roundTwips(total);
        i = end;
        continue;
      }
      // bisect_right(cum, cum[i] + limit, i + 1, end + 1) - 1
      const target = cum[i] + left * PX_PER_TWIP;
      let lo = i + 1, hi = end + 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] <= target) lo = mid + 1; else hi = mid;
      }
      return [lo - 1, i];
    }
    return [n, n];
  }

  function portionStart(chars, lineStart, index) {
    let k = index;
    while (k >= lineStart && chars[k] !== NBSP) k -= 1;
    return Math.max(lineStart, k + 1);
  }

  function visibleEnd(chars, start, brk) {
    let visible = brk;
    while (visible > start && chars[visible - 1] === " ") visible -= 1;
    return visible;
  }

  function hasSpace(chars, from, to) {
    for (let k = from; k < to; k++) if (chars[k] === " ") return true;
    return false;
  }

  function formatLine(chars, widths, breaker, start, font) {
    // returns [next line start, visible end, word cut]
    const mayUnderflow = (blank, fromText) => {
      if (fromText && blank + 1 < chars.length && chars[blank + 1] === " ") return false;
      return hasSpace(chars, start + 1, blank);
    };
    const textOverflow = (portion, cut) => {
      if (chars[cut] === " ") {
        let nxt = cut;
        while (nxt < chars.length && chars[nxt] === " ") nxt += 1;
        return [nxt, visibleEnd(chars, start, cut), false];
      }
      const brk = breaker(cut, start);
      if (brk >= portion && brk > start) return [brk, visibleEnd(chars, start, brk), false];
      if (start < brk && brk < portion && mayUnderflow(portion - 1, true)) {
        return underflow(portion - 1);
      }
      if (cut > portion) return [cut, cut, true];
      if (cut === start) return [start + 1, start + 1, true];
      return [portion, portion, true];
    };
    const underflow = (blank) => {
      while (chars[blank - 1] === NBSP) {
        if (!mayUnderflow(blank - 1, false)) return [blank, blank - 1, false];
        blank -= 1;
      }
      const portion = portionStart(chars, start, blank - 1);
      let cut = blank - 1;
      while (cut > portion && widths[cut] === 0) cut -= 1;
      return textOverflow(portion, cut);
    };
    return { textOverflow, underflow, mayUnderflow };
  }

  function layoutParagraph(chars, font) {
    const n = chars.length;
    if (n === 0) return [[0, 0, 0, false]];
    const widths = charWidths(chars, font);
    const cum = new Array(n + 1);
    cum[0] = 0;
    for (let i = 0; i < n; i++) cum[i + 1] = cum[i] + widths[i];
    const nbsps = nbspPositions(chars);
    let breaker = null;
    const lines = [];
    let start = 0;
    while (start < n) {
      const [cut, portion] = firstOverflow(chars, cum, start, font, nbsps);
      if (cut >= n) {
        lines.push([start, n, visibleEnd(chars, start, n), false]);
        break;
      }
      if (breaker === null) {
        const cls = classes(chars);
        const numbers = numberGlue(cls);
        breaker = (c, lineStart) => lineBreak(chars, cls, numbers, c, lineStart);
      }
      const line = formatLine(chars, widths, breaker, start, font);
      let result;
      if (chars[cut] === NBSP) {
        result = line.mayUnderflow(cut, false) ? line.underflow(cut) : [cut + 1, cut, false];
      } else {
        result = line.textOverflow(portion, cut);
      }
      lines.push([start, result[0], result[1], result[2]]);
      start = result[0];
    }
    return lines;
  }

  function layoutPrepared(prepared, font) {
    const lines = [];
    const paragraphs = prepared.split("\n");
    let offset = 0;
    let characters = 0;
    paragraphs.forEach((paragraph, index) => {
      const chars = Array.from(paragraph);
      characters += chars.length;
      for (const [start, nxt, visible, cut] of layoutParagraph(chars, font)) {
        lines.push({
          paragraph: index, start: offset + start, end: offset + nxt,
          text: chars.slice(start, visible).join(""), cut,
        });
      }
      offset += chars.length + 1;
    });
    const count = lines.length;
    return {
      preset_id: font.preset.id,
      text: prepared,
      lines,
      line_count: count,
      paragraph_count: paragraphs.length,
      height_twips: count * font.lineHeightTwips,
      pages: count / font.preset.lines_per_page,
      characters,
    };
  }

  function layoutText(text, font) {
    return layoutPrepared(prepareText(text), font);
  }

  function unsupportedIn(prepared, font) {
    const found = new Set();
    for (const c of prepared) if (!font.supported.has(c)) found.add(c);
    return [...found];
  }

  function unsupportedCharacters(text, font) {
    return unsupportedIn(prepareText(text), font);
  }

  // --------------------------------------------------------------- line_budget.py
  const B = rules.line_budget;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  }

  function nearMargin(budget) {
    const [share, of] = B.near_share; // ceil(budget * share / of), in integers as Fraction
    return Math.max(B.near_min_lines, Math.floor((budget * share + of - 1) / of));
  }

  function linesWord(count) {
    return fill(B.line_words[Math.abs(count) === 1 ? "one" : "many"], { count });
  }

  function budgetStatus(used, budget) {
    const remaining = budget - used;
    const state = remaining < 0 ? "over" : remaining <= nearMargin(budget) ? "near" : "ok";
    const head = fill(B.messages.head, { used, budget: linesWord(budget) });
    const key = state === "over" ? "over" : remaining === 0 ? "reached"
      : state + (remaining === 1 ? "_one" : "");
    const message = fill(B.messages[key], { head, over: linesWord(-remaining), remaining });
    return { used, budget, remaining, state, message };
  }

  function formatPages(pages) {
    // Python's f"{pages:.2f}" rounds the binary value half-even; toFixed rounds the same
    // binary value, so both agree except on exact binary halves (x.xx5 is never exact).
    const word = B.page_words[pages >= B.pages_plural_from ? "many" : "one"];
    return pages.toFixed(2).replace(".", ",") + " " + word;
  }

  return {
    NBSP, NNBSP, prepareText, classes, numberGlue, breakAllowed, lineBreak, makeFont,
    charWidths, layoutPrepared, layoutText, unsupportedCharacters, unsupportedIn, nearMargin,
    budgetStatus, formatPages, scaleRound,
  };
}

if (typeof globalThis !== "undefined") globalThis.createPtceLayout = createPtceLayout;
