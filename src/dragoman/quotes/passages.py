"""A passage quoted at length from an outlet, as a quote: the outlet speaks, or whoever writes in it.

"According to the New York Times:" → the New York Times, cue "according to";
"An editorial in the Journal said:" → the Journal; "Writing in the Herald, Ruth
Kamau said:" → Ruth Kamau, via the Herald (the words are hers, the Herald
carried them). The quotes found inside the passage come via the outlet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dragoman.quotes.direct import is_speech_verb
from dragoman.quotes.found import Found
from dragoman.quotes.speakers import Speaker, Speakers

if TYPE_CHECKING:
    from dragoman.quotes.context import Context
    from dragoman.quotes.outlets import Passage


def passage_quote(ctx: Context, speakers: Speakers, p: Passage) -> Found:
    """The passage itself as one direct quote."""
    toks = ctx.tokens_between(p.intro_start, p.intro_end)
    outlet = Speaker(p.outlet.name, "outlet", ((p.outlet.start, p.outlet.end),))
    pairs = zip(toks, toks[1:])
    cue = "according to" if any(a.lower_ == "according" and b.lower_ == "to" for a, b in pairs) else None
    speaker = outlet
    for t in toks:
        if is_speech_verb(t):
            cue = cue or t.lemma_.lower()
            writer = speakers.name_for(speakers.subject(t))
            if writer is not None and writer.kind != "outlet":
                speaker = writer
                break
    via = p.outlet.name if speaker is not outlet else None
    return Found(p.start, p.end, ctx.text[p.start:p.end], "direct", speaker, cue, via)
