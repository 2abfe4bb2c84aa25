"""What a person sees in the page, checked for English: a list of English UI words and phrases,
and every other word looked up in a French word list (Debian's wfrench,
/usr/share/dict/french, installed by `scripts/setup.sh --test`), with a small explicit
allow-list of proper nouns, acronyms and the call's own terms.

Seen means: the text of every visible element (shadow roots of the app's components
included), and the placeholder, aria-label, title and alt attributes that a screen reader
or a hover shows. Material icons are drawn from a font by their ligature name
(« check_circle »): not seen, and hidden from screen readers (aria-hidden), so skipped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from tests.conftest import require_or_skip

FRENCH_WORDS = Path("/usr/share/dict/french")

SEEN_TEXT = r"""
() => {
  const out = [];
  // Icons are drawn from a font by their (English) ligature name: not read, not seen.
  const SKIP = "[translate='no'], script, style, noscript, template";
  const ATTRS = ["placeholder", "aria-label", "title", "alt"];
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const el = node.parentElement;
        if (el && !el.closest(SKIP) && visible(el) && node.data.trim()) out.push(node.data.trim());
        continue;
      }
      if (node.closest("script, style, noscript, template")) continue;
      const focusable = node.matches("input, textarea, button, [tabindex], a, select");
      if (visible(node) || focusable) {
        for (const name of ATTRS) {
          const value = node.getAttribute(name);
          if (value && value.trim()) out.push(value.trim());
        }
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document.body);
  return out;
}
"""

# English words a Streamlit or browser UI writes and that are not also French words.
ENGLISH = frozenset(
    """upload uploads drag drop browse press enter apply submit choose results search
    fullscreen download show hide chart copy copied spec print record screen made with
    streamlit skip row rows columns column clear delete close stop running please wait
    connecting error deploy rerun settings about help loading the and here to of for yes
    files per select selected no none view open clipboard data toggle sidebar
    collapse expand keyboard shortcut theme light dark system app manage cancel""".split()  # noqa: SIM905
)
ENGLISH_PHRASES = ("main content", "per file", "made with", "no results", "choose an option")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+(?:\.[\w-]+)+")


def _plain(word: str) -> str:
    """Without accents or ligatures: capitals are often written unaccented (« Evaluation »,
    as the call itself does), and œ is a ligature the list spells out."""
    word = word.replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@cache
def plain_french_words() -> frozenset[str]:
    return frozenset(_plain(word) for word in french_words())


@cache
def french_words() -> frozenset[str]:
    require_or_skip(
        FRENCH_WORDS.exists(),
        "PTCE_REQUIRE_BROWSER",
        f"liste de mots français introuvable ({FRENCH_WORDS}) : apt-get install wfrench",
    )
    return frozenset(
        unicodedata.normalize("NFC", w.strip().lower())
        for w in FRENCH_WORDS.read_text(encoding="utf-8").splitlines()
    )


def seen_texts(page: Any) -> list[str]:
    return [str(t) for t in page.evaluate(SEEN_TEXT)]


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def not_french(texts: list[str], allowed: frozenset[str]) -> list[str]:
    """Each English word or phrase, and each word neither in the French list nor allowed,
    with the text it was found in."""
    dictionary = french_words()
    allowed_lower = {a.lower() for a in allowed}
    found: list[str] = []
    for text in texts:
        normal = URL.sub(" ", unicodedata.normalize("NFC", text))
        lower = normal.lower()
        found.extend(f"« {p} » dans « {text} »" for p in ENGLISH_PHRASES if p in lower)
        for word in WORD.findall(normal):
            key = word.lower()
            if key in ENGLISH and key not in allowed_lower:
                found.append(f"« {word} » (anglais) dans « {text} »")
            elif (
                len(word) > 1
                and not _is_acronym(word)
                and key not in dictionary
                and key not in allowed_lower
                and not ((word[0].isupper() or "œ" in key) and _plain(key) in plain_french_words())
            ):
                found.append(f"« {word} » dans « {text} »")
    return sorted(set(found))
