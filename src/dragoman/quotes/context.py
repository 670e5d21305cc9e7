"""What every quote-finding step needs about one article: text, parse, quotes, paragraphs.

Positions are character offsets into ``article.text`` (the parse has the same
offsets). Tokens "in a quote" are those between, or on, a pair of marks.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dragoman.quotes.marks import QuoteSpan, find_quotes, paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dragoman.model import Article

SENTENCE_END = {".", "!", "?"}


@dataclass
class Context:
    article: Article
    doc: Doc
    text: str = ""
    spans: list[QuoteSpan] = field(default_factory=list)
    paras: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.article.text
        self.spans = find_quotes(self.text)
        self.paras = paragraphs(self.text)
        self._opens = [q.open for q in self.spans]
        self._para_starts = [p[0] for p in self.paras]
        self._tok_starts = [t.idx for t in self.doc]
        self._sents = list(self.doc.sents)
        self._sent_starts = [s.start for s in self._sents]

    # -- quotes ---------------------------------------------------------------
    def quote_at(self, pos: int) -> QuoteSpan | None:
        """The quote whose marks enclose ``pos`` (marks included)."""
        i = bisect_right(self._opens, pos) - 1
        if i >= 0 and self.spans[i].open <= pos <= self.spans[i].close:
            return self.spans[i]
        return None

    def in_quote(self, tok: Token) -> bool:
        return self.quote_at(tok.idx) is not None

    # -- paragraphs -----------------------------------------------------------
    def para_index(self, pos: int) -> int:
        return max(0, bisect_right(self._para_starts, pos) - 1)

    def para(self, pos: int) -> tuple[int, int]:
        return self.paras[self.para_index(pos)] if self.paras else (0, len(self.text))

    # -- tokens and sentences ---------------------------------------------------
    def token_at(self, pos: int) -> Token | None:
        """The token covering or starting after ``pos``."""
        i = bisect_right(self._tok_starts, pos) - 1
        if i < 0:
            return self.doc[0] if len(self.doc) else None
        tok = self.doc[i]
        if pos >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            return self.doc[i + 1]
        return tok

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens starting in [start, end), skipping whitespace tokens."""
        i = bisect_right(self._tok_starts, start - 1)
        out = []
        while i < len(self.doc) and self.doc[i].idx < end:
            if not self.doc[i].is_space:
                out.append(self.doc[i])
            i += 1
        return out

    def sent_index(self, tok: Token) -> int:
        return max(0, bisect_right(self._sent_starts, tok.i) - 1)

    def sentence(self, i: int) -> Span:
        return self._sents[i]

    @property
    def n_sents(self) -> int:
        return len(self._sents)

    def is_sentence_end(self, tok: Token) -> bool:
        """A full stop, ! or ? outside quotes (tokens like "U.S." are not)."""
        return tok.text in SENTENCE_END and not self.in_quote(tok)
