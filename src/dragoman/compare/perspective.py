"""How one article told its story, against the rest of it.

- reported / omitted: which story events it carries;
- voices: whom it quotes, grouped by kind (government officials by country,
  opposition and armed groups, international organisations, experts, other
  outlets, citizens and others);
- tone by actor: the mean tone the sentences mentioning the actor take toward
  it, read from each mention's role (a mean, so a long article does not saturate);
- loaded terms: evaluative words from the lexicon, with counts;
- text shares: how much of the text reports (events, quotes, dates) and how
  much argues (modals, first person, recommendations, loaded words).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping
from statistics import mean
from typing import Any

from dragoman.model import GOVERNMENT_ROLES
from dragoman.tone import actor_key, loaded_terms
from dragoman.tone.mentions import fill_tones

OPPOSITION_ROLES = {"OPP", "REB", "UAF", "INS", "SEP"}
EXPERT_ROLES = {"EDU", "MED"}
OUTLET_WORDS = re.compile(r"\b(times|post|journal|monitor|news|herald|guardian|tribune|telegraph|gazette|review|daily|weekly|"
                          r"agency|press|radio|tv|channel|magazine|monthly|editorial|newspaper|wire)\b", re.I)
ARGUE = re.compile(r"\b(should|must|ought|need to|needs to|have to|has to|it is time|clearly|obviously|of course|"
                   r"we|our|us|i|my|in other words|perhaps|maybe|may be worth)\b", re.I)
REPORT = re.compile(r"\b(said|says|told|announced|according to|reported|met|held|took place|on (monday|tuesday|wednesday|"
                    r"thursday|friday|saturday|sunday))\b", re.I)


def voice_kind(speaker: str | None, code: str | None, outlet_names: set[str]) -> str:
    """The kind of voice a quote gives: by actor code first, then by what the name says."""
    role = (code or "")[3:6] if code and not code.startswith(("IGO", "NGO")) else ""
    if code and code.startswith(("IGO", "NGO")):
        return "international organisations"
    if role in GOVERNMENT_ROLES:
        return f"government officials ({code[:3]})"
    if role in OPPOSITION_ROLES:
        return "opposition and armed groups"
    if speaker and (speaker in outlet_names or OUTLET_WORDS.search(speaker)):
        return "other outlets"
    if role in EXPERT_ROLES or (speaker and re.search(r"\b(analyst|expert|professor|scholar|researcher)\b", speaker, re.I)):
        return "experts"
    if code and len(code) == 3:
        return f"officials and others ({code})"
    return "citizens and others"


def actor_tones(sentences: list[tuple[int, int, int]], mentions: list[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Actor (state, or non-state code) → its tone in the article, with the evidence for it.

    Each mention carries the tone its sentence takes toward it (``dragoman.tone.directed``);
    a sentence counts once per actor (the mean of its mentions), and the article's figure
    (``tone``) is the mean over those sentences, so a long article does not saturate.
    Mentions of a population ("Iranian exiles") are not the state and do not count.
    ``strongest`` is the mention whose tone leans furthest the way the mean does (its span
    and the stored number ``n`` of its sentence), so a reader can check the figure; None when
    the mean is 0. ``sentences`` are (n, start, end) rows in text order.
    """
    per_sentence: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    scored: dict[str, list[tuple[float, int, int, int]]] = defaultdict(list)
    starts = [s for _, s, _ in sentences]
    for m in mentions:
        key = actor_key(m["code"])
        if not key or m["tone"] is None or m["tone_role"] == "people":
            continue
        k = bisect_right(starts, m["start"]) - 1
        if k < 0 or m["start"] >= sentences[k][2]:
            continue  # outside every sentence (a heading the parser left out)
        n = sentences[k][0]
        per_sentence[key][n].append(m["tone"])
        scored[key].append((m["tone"], m["start"], m["end"], n))
    out: dict[str, dict[str, Any]] = {}
    for key, by_n in sorted(per_sentence.items()):
        tone = round(mean(mean(v) for v in by_n.values()), 4)
        lean = max(scored[key], key=lambda x: (x[0] * tone, -x[1])) if tone else None
        out[key] = {"tone": tone, "sentences": len(by_n),
                    "strongest": {"start": lean[1], "end": lean[2], "sentence_n": lean[3], "tone": lean[0]} if lean else None}
    return out


def text_shares(text: str, sentences: list[tuple[int, int]], event_spans: list[tuple[int, int, str]],
                quote_spans: list[tuple[int, int]]) -> dict[str, float]:
    """Share of characters that report, argue, or do neither."""
    total = sum(e - s for s, e in sentences) or 1
    out = {"reporting": 0, "arguing": 0, "other": 0}
    for s, e in sentences:
        sent = text[s:e]
        mods = {m for (a, b, m) in event_spans if a <= s < b or s <= a < e}
        quoted = any(s <= qs < e or qs <= s < qe for qs, qe in quote_spans)
        if "hypothetical" in mods or ARGUE.search(sent) or loaded_terms(sent):
            out["arguing"] += e - s
        elif mods or quoted or REPORT.search(sent):
            out["reporting"] += e - s
        else:
            out["other"] += e - s
    return {k: round(v / total, 3) for k, v in out.items()}


def perspective(store: Any, article_id: str, timeline: list[dict[str, Any]], outlet_names: set[str]) -> dict[str, Any]:
    db = store.db
    text = db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    numbered = db.execute('SELECT n, start, "end" FROM sentences WHERE article_id = ? ORDER BY start', (article_id,)).fetchall()
    sentences = [(r[1], r[2]) for r in numbered]
    mentions = db.execute('SELECT start, "end", code, tone, tone_role FROM actor_mentions WHERE article_id = ? ORDER BY start',
                          (article_id,)).fetchall()
    events = [(r[0], r[1], r[2]) for r in db.execute('SELECT start, "end", modality FROM events WHERE article_id = ?', (article_id,))]
    quotes = db.execute("SELECT speaker, actor_code, kind, via, start, \"end\", text FROM quotes WHERE article_id = ? ORDER BY start",
                        (article_id,)).fetchall()
    if any(m["tone_role"] is None for m in mentions):  # stored before tones were kept
        mentions = fill_tones(db, article_id, text, mentions)
    tones = actor_tones([tuple(r) for r in numbered], mentions)
    reported = [i for i, it in enumerate(timeline) if article_id in it["articles"]]
    omitted = [i for i, it in enumerate(timeline) if article_id not in it["articles"]]
    voices: dict[str, dict[str, Any]] = {}
    for q in quotes:
        if not q["speaker"]:
            continue
        v = voices.setdefault(q["speaker"], {"speaker": q["speaker"], "actor_code": q["actor_code"],
                                             "kind": voice_kind(q["speaker"], q["actor_code"], outlet_names),
                                             "quotes": 0, "via": q["via"]})
        v["quotes"] += 1
    return {
        "reported": reported,
        "omitted": omitted,
        "voices": sorted(voices.values(), key=lambda v: (-v["quotes"], v["speaker"])),
        "tone_by_actor": {k: v["tone"] for k, v in tones.items()},
        "tone_evidence": {k: {"sentences": v["sentences"], "strongest": v["strongest"]} for k, v in tones.items()},
        "loaded_terms": dict(sorted(loaded_terms(text).items(), key=lambda kv: (-kv[1], kv[0]))),
        "text_shares": text_shares(text, sentences, events, [(q["start"], q["end"]) for q in quotes]),
    }
