"""Find the article body among the lines of a page.

The page is cut into regions at lines that open a non-article part (a comment
thread, a reference list, a rule, a "related" box...). In each region that
comes before the comment thread, the body is the run of lines with the highest
sum of prose scores (maximum-subarray, in the spirit of Finn et al.'s Body Text
Extraction): prose lines add their length, furniture subtracts, so a stray
subheading inside the body survives while menus and bylines at its edges fall off.
"""

from __future__ import annotations

from dragoman.clean.lines import Line

HARD = {"comments", "references", "bio", "separator", "related", "share", "footer"}


def _best_run(lines: list[Line]) -> tuple[float, int, int]:
    best, best_s, best_e = 0.0, -1, -1
    cur, cur_s = 0.0, 0
    for i, ln in enumerate(lines):
        if cur <= 0:
            cur, cur_s = 0.0, i
        cur += ln.prose
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    return best, best_s, best_e


def find_body(lines: list[Line]) -> tuple[int, int] | None:
    """Indices (first, last) of the body lines, or None if no prose is found."""
    regions: list[list[Line]] = [[]]
    for ln in lines:
        if ln.marker in HARD:
            if ln.marker == "comments":
                break
            regions.append([])
        else:
            regions[-1].append(ln)
    best: tuple[float, int, int] | None = None
    for region in regions:
        if not region:
            continue
        score, s, e = _best_run(region)
        if s >= 0 and (best is None or score > best[0]):
            best = (score, region[s].idx, region[e].idx)
    if best is None or best[0] < 8:
        return None
    return best[1], best[2]
