"""Extract the font metrics the layout engine needs from the Debian fonts (fontTools).

    .venv/bin/python tools/extract_metrics.py [--check]

Writes one small JSON per font into assets/metrics/: advance widths (font units) of the
characters the app may accept, the standard ligatures (`liga`) among them, and the vertical
metrics LibreOffice uses for single spacing. The fonts themselves are not shipped.
With --check, compares the files on disk with a fresh extraction and exits 1 if they differ.

Fonts (Debian 12 packages): fonts-liberation2 2.1.5 (Liberation Sans / Serif, substituted by
LibreOffice for Arial / Times New Roman) and fonts-crosextra-carlito (Carlito, for Calibri).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "assets" / "metrics"

FONTS: dict[str, tuple[str, str]] = {
    # metrics file stem: (font file, Debian package)
    "liberation-sans": (
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "fonts-liberation2",
    ),
    "liberation-serif": (
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "fonts-liberation2",
    ),
    "carlito": (
        "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
        "fonts-crosextra-carlito",
    ),
}


def candidate_characters() -> list[str]:
    """Characters a French dossier may contain; a font keeps those it really has."""
    codes: list[int] = []
    codes += range(0x20, 0x7F)  # ASCII
    codes += range(0xA0, 0x100)  # Latin-1 (NBSP, «», accented letters, °, ², ...)
    codes += range(0x100, 0x180)  # Latin Extended-A (œ, Œ, names from other languages)
    codes += [0x178, 0x192, 0x2C6, 0x2DC]
    codes += [0x2009, 0x2010, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E]
    codes += [0x2020, 0x2021, 0x2022, 0x2026, 0x202F, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122]
    codes += range(0x2190, 0x2196)  # arrows (« → », typed for « leads to »)
    return [chr(c) for c in sorted(set(codes))]


def _unicode_cmap(font: TTFont) -> dict[int, str]:
    # LibreOffice shapes with the Windows Unicode cmap (3,1): a character present only in the
    # old Mac table (Carlito's U+00A0) is not in the font for it.
    for table in font["cmap"].tables:
        if table.platformID == 3 and table.platEncID in (1, 10):
            return dict(table.cmap)
    raise ValueError("font without a Windows Unicode cmap")


def _liga_lookups(font: TTFont) -> list[Any]:
    if "GSUB" not in font:
        return []
    gsub = font["GSUB"].table
    indices: list[int] = []
    for script in gsub.ScriptList.ScriptRecord:
        if script.ScriptTag not in ("latn", "DFLT"):
            continue
        langsys = [script.Script.DefaultLangSys] if script.Script.DefaultLangSys else []
        for feature_index in (i for ls in langsys for i in ls.FeatureIndex):
            record = gsub.FeatureList.FeatureRecord[feature_index]
            if record.FeatureTag == "liga":
                indices += [i for i in record.Feature.LookupListIndex if i not in indices]
    return [gsub.LookupList.Lookup[i] for i in sorted(indices)]


def _ligatures(font: TTFont, chars: dict[str, str]) -> list[list[Any]]:
    """[[sequence, advance], ...] in the font's own order (the shaper tries them in it)."""
    glyph_to_char = {glyph: char for char, glyph in chars.items()}
    hmtx = font["hmtx"]
    result: list[list[Any]] = []
    for lookup in _liga_lookups(font):
        if lookup.LookupType not in (4, 7):
            continue
        for sub in lookup.SubTable:
            table = sub.ExtSubTable if lookup.LookupType == 7 else sub
            if not hasattr(table, "ligatures"):
                continue
            for first, ligatures in table.ligatures.items():
                for ligature in ligatures:
                    glyphs = [first, *ligature.Component]
                    if all(g in glyph_to_char for g in glyphs):
                        sequence = "".join(glyph_to_char[g] for g in glyphs)
                        result.append([sequence, hmtx[ligature.LigGlyph][0]])
    return result


def extract(stem: str) -> dict[str, Any]:
    path, package = FONTS[stem]
    font = TTFont(path)
    cmap = _unicode_cmap(font)
    hmtx = font["hmtx"]
    chars = {c: cmap[ord(c)] for c in candidate_characters() if ord(c) in cmap}
    os2 = font["OS/2"]
    use_typo = bool(os2.fsSelection & (1 << 7))
    hhea = font["hhea"]
    vertical = (
        (os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap)
        if use_typo
        else (hhea.ascent, hhea.descent, hhea.lineGap)
    )
    names = font["name"]
    return {
        "family": str(names.getDebugName(1)),
        "version": str(names.getDebugName(5)).split(";")[0],
        "file": Path(path).name,
        "debian_package": package,
        "licence": "SIL Open Font License 1.1 (see LICENSE-*.txt beside this file)",
        "units_per_em": font["head"].unitsPerEm,
        "ascender": vertical[0],
        "descender": vertical[1],
        "line_gap": vertical[2],
        "advances": {c: hmtx[g][0] for c, g in chars.items()},
        "ligatures": _ligatures(font, chars),
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk")
    args = parser.parse_args()
    differ = False
    for stem in FONTS:
        text = render(extract(stem))
        target = OUT / f"{stem}.json"
        if args.check:
            same = target.exists() and target.read_text(encoding="utf-8") == text
            print(f"{target.name}: {'identique' if same else 'DIFFÉRENT'}")
            differ |= not same
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print(f"{target.relative_to(REPO)}: {len(text)} octets")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
