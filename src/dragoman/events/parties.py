"""Who takes part in an event: the actors a phrase names, and who an act is aimed at."""

from __future__ import annotations

from typing import Any

from dragoman.events.lexicon import EventLexicon
from dragoman.events.words import (
    BORDER_NOUNS,
    CONTEXT_KINDS,
    FIRST_PLURAL,
    FOREIGN_WORDS,
    MEMBER_NOUNS,
    REPORT_VERBS,
    TARGET_PREPS,
    THIRD_PARTY,
    Token,
)
from dragoman.model import Actor, ActorMention, Article, Place, country
from dragoman.places import lookup as place_lookup


def homed(actor: Actor, home: str) -> Actor:
    """The actor placed in country ``home`` (its role kept): what context says of an actor the text gives no country."""
    return Actor(actor.name, home + (actor.role or ""), home, actor.role, actor.kind)


class Parties:
    """Finding an event's source and target actors (a mixin of the Extractor: needs doc, article, lex, tok_actor, speech)."""

    doc: Any
    article: Article
    lex: EventLexicon
    tok_actor: dict[int, ActorMention]
    speech: frozenset[str]
    named_cache: dict[int, set[str | None]]

    def actors_at(self, tok: Token | None) -> list[Actor]:
        """Actors a phrase headed by ``tok`` names, with its conjuncts."""
        if tok is None:
            return []
        out: list[Actor] = []
        if tok.lower_ in FIRST_PLURAL and tok.pos_ == "PRON":  # not "US"
            return self.speaker_actors(tok)
        if tok.lower_ in ("it", "they") and tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass"):
            return self.antecedent(tok)
        m = self.tok_actor.get(tok.i)
        if m is not None:
            out.append(m.actor)
        for c in tok.children:
            if c.dep_ == "conj":
                out.extend(self.actors_at(c))
            elif c.dep_ == "appos":  # "U.S. envoy Khalilzad and Taliban negotiators"
                out.extend(a for g in c.children if g.dep_ == "conj" for a in self.actors_at(g))
            elif c.dep_ == "prep" and c.lower_ == "of" and m is not None and m.actor.role:  # "ministers of Greece and Macedonia"
                for g in (g for p in c.children if p.dep_ == "pobj" for g in p.children if g.dep_ == "conj"):
                    out.extend(Actor(f"{a.name} {m.actor.role}", a.code + m.actor.role, a.country or a.code, m.actor.role, m.actor.kind)
                               for a in self.actors_at(g) if a.code and len(a.code) == 3)
            elif c.dep_ == "amod" and m is not None:  # "Indian and Japanese warships"
                out.extend(self.tok_actor[g.i].actor for g in c.children if g.dep_ == "conj" and g.i in self.tok_actor)
        seen: list[Actor] = []
        for a in out:
            if all(a is not s for s in seen):
                seen.append(a)
        return seen

    def antecedent(self, tok: Token) -> list[Actor]:
        """'it'/'they' as a subject: the nearest earlier non-person actor in the sentence,
        else the subject actor of the sentence before ("Mogadishu announced that it was…")."""
        sent = tok.sent
        before = list(reversed(sent[: tok.i - sent.start]))
        for want_subject in (True, False):  # an earlier subject first ("militias … they conduct"), then any actor
            for t in before:
                if want_subject and t.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                m = self.tok_actor.get(t.i)
                if m is not None and m.actor.kind != "person" and m.actor.code:
                    return [m.actor]
        if sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            subj = next((t for t in prev if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
            m = self.tok_actor.get(subj.i) if subj is not None else None
            if m is not None and m.actor.kind != "person" and m.actor.code:
                return [m.actor]
        return []

    def speaker_actors(self, tok: Token) -> list[Actor]:
        """'we'/'our' in a quotation: the side of the speaker the sentence names ("…," X said)."""
        sent = tok.sent
        quoted = sum(1 for t in sent if t.i < tok.i and t.is_quote) % 2 == 1
        if not quoted:
            return []
        for v in sent:
            if v.lemma_.lower() in self.speech and v.pos_ == "VERB":
                subj, _ = self.subject_of(v)
                found = self.actors_at(subj) if subj is not None and subj.pos_ != "PRON" else []
                if found:
                    return found[:1]
        return []

    def owners(self, noun: Token) -> list[Actor]:
        """Actors named as a noun's owner or nationality ("a South Korean proposal", "US allegations",
        "Venezuelan state oil company PDVSA")."""
        out: list[Actor] = []
        for c in noun.children:  # "a U.S.-drafted resolution", "a Saudi-led plan": the author first
            if c.dep_ == "amod" and c.tag_ == "VBN":
                out += [a for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod") for a in self.actors_at(g)]
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i:
                out += self.actors_at(c) or (self.owners(c) if c.dep_ == "compound" else [])
        return out

    @staticmethod
    def preps_of(v: Token) -> list[tuple[str, Token | None]]:
        """(preposition, its object) of a verb, including those hung on its particle ("hand X over to the US")."""
        heads = [v, *(c for c in v.children if c.dep_ == "prt")]
        return [(c.lower_, next((g for g in c.children if g.dep_ == "pobj"), None)) for h in heads for c in h.children
                if c.dep_ == "prep"]

    def party(self, tok: Token | None) -> list[Actor]:
        """Actors a target phrase names: itself, else its owner or nationality ("to the Russian people");
        a dative "to" stands for its object."""
        if tok is not None and tok.pos_ == "ADP":
            tok = next((g for g in tok.children if g.dep_ == "pobj"), None)
        if tok is None:
            return []
        if self.lex.noun_code(tok):
            return self.actors_at(tok)
        of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for") for g in c.children
                   if g.dep_ == "pobj"), None)
        found = [self.actors_at(tok), self.owners(tok), self.actors_at(of) or (self.owners(of) if of is not None else [])]
        found[1] = [Actor(f"{a.name} {tok.text}", a.code, a.country, a.role, "people") if a.kind == "state" else a
                    for a in found[1]]  # "Australia's Aboriginal people": people of that country, not the state
        if tok.lemma_.lower() in MEMBER_NOUNS and any(a.code and a.code.startswith(("IGO", "NGO")) for a in found[2]):
            found = [found[2]]  # "Russian members of the UN mission": the mission's organisation
        return next((f for f in found if any(a.code for a in f)), None) or next((f for f in found if f), [])

    def find_targets(self, v: Token, obj: Token | None, preps: list[tuple[str, Token | None]], sources: list[Actor],
                     frame: str | None) -> list[Actor]:
        """Who a verb acts on, from the likeliest place to the least: the first finding with a coded actor wins
        ("deported migrants to China": China, not the uncoded migrants), else the first finding at all."""
        def ways() -> Any:
            yield self.party(obj)
            yield self.party(next((c for c in v.children if c.dep_ == "dative"), None))
            for p, pobj in sorted(preps, key=lambda pp: TARGET_PREPS.index(pp[0]) if pp[0] in TARGET_PREPS else 99):
                if p in TARGET_PREPS:
                    yield self.party(pobj)
            own = {country(s.code) for s in sources}
            if obj is not None:  # "talks with X"; or the owner: "rejected Seoul's proposal", not "pledged U.S. aid"
                srcs, tgts = self.noun_participants(obj)
                yield tgts or [a for a in srcs if all(a is not s for s in sources) and country(a.code) not in own]
            for p, pobj in preps:  # "declined to comment on Greek allegations": the allegations' owner
                if p in TARGET_PREPS and pobj is not None and self.lex.noun_code(pobj):
                    yield [a for a in self.noun_participants(pobj)[0] if country(a.code) not in own]
            # "massed troops near its border with Ukraine": the neighbour across it
            yield [a for _, pobj in preps if pobj is not None and pobj.lemma_.lower() in BORDER_NOUNS
                   for c in pobj.children if c.dep_ == "prep" and c.lower_ == "with"
                   for g in c.children if g.dep_ == "pobj" for a in self.actors_at(g)]
            if frame in ("demand", "appeal", "intent"):
                yield self.inner_parties(v)  # "insisting on the withdrawal of Kenyan troops"
        first: list[Actor] = []
        for found in ways():
            if any(a.code for a in found):
                return found
            first = first or found
        return first

    def inner_parties(self, tok: Token) -> list[Actor]:
        """Actors of an event noun a demand or offer is about: the one asked to act is its target."""
        inner = self.inner_event_noun(tok)
        if inner is None:
            return []
        srcs, tgts = self.noun_participants(inner)
        return srcs + tgts

    def inner_event_noun(self, tok: Token) -> Token | None:
        """An event noun one or two prepositions below ``tok`` ("participation in the talks")."""
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                if self.lex.noun_code(pobj):
                    return pobj
                deeper = self.inner_event_noun(pobj)
                if deeper is not None:
                    return deeper
        return None

    def noun_participants(self, n: Token) -> tuple[list[Actor], list[Actor]]:
        """(sources, targets) a nominal event names: by/poss/modifiers vs with/on/against/of."""
        sources: list[Actor] = []
        targets: list[Actor] = []
        for c in n.children:
            if c.dep_ == "amod" and c.lemma_.lower() in THIRD_PARTY:
                continue  # "AU-mediated talks": the mediator is not a party to them
            if c.dep_ in ("compound", "nmod") and c.ent_type_ == "GPE":
                ent = next((e for e in self.doc.ents if e.start <= c.i < e.end), None)
                pl = place_lookup(ent.text if ent is not None else c.text)
                if pl is not None and pl.lat is not None:
                    continue  # "the Addis Ababa meeting": a city names the venue, not a party
            if c.dep_ == "acl" and c.tag_ == "VBN":  # "a plan proposed by IGAD"
                agent = next((g for g in c.children if g.dep_ == "agent"), None)
                sources += [a for g in (agent.children if agent is not None else []) if g.dep_ == "pobj" for a in self.actors_at(g)]
            elif c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < n.i):
                sources += self.actors_at(c)
                for g in c.children:  # "US-Iranian": US attached to Iranian
                    if g.dep_ in ("npadvmod", "compound", "amod"):
                        sources += self.actors_at(g)
            elif c.dep_ == "prep":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if c.lower_ in ("by", "from"):  # "an ultimatum from Spain's prime minister"
                    sources += self.actors_at(pobj)
                elif c.lower_ == "between":
                    sources += self.actors_at(pobj)
                elif c.lower_ in ("with", "on", "against", "to", "toward", "towards", "over", "in", "into", "for") and pobj is not None:
                    if c.lower_ == "in" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                        continue  # "strikes in Sadr City": a place, not a target
                    targets += self.actors_at(pobj) if c.lower_ == "in" else self.party(pobj)
                elif c.lower_ == "of" and pobj is not None:
                    if self.lex.noun_code(pobj):
                        makers, inner = self.noun_participants(pobj)
                        targets += inner
                        sources += makers if not sources else []  # "an offer of talks made by Ghani"
                        self.used_nouns.add(pobj.i)
                    else:
                        targets += self.actors_at(pobj)
        if not targets and (self.lex.noun_code(n) or "")[:2] in ("11", "12"):
            clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
            if clause is not None:
                targets = self.actors_at(self.subject_of(clause)[0]) or self.party(self.subject_of(clause)[0])
                self.demanded.add(clause.i)
        uniq = lambda xs: [a for k, a in enumerate(xs) if all(a is not b for b in xs[:k])]  # noqa: E731
        return uniq(sources), uniq(targets)

    def situated(self, actor: Actor, place: Place | None, source: Actor | None, sent: Any = None) -> Actor:
        """An actor the text gives no country takes one from context: a group ("police", "gunmen") the
        country of the place where it uses force or protests; a target also the source's own country when the
        sentence names no other one (a domestic event: "Belarusian authorities refused to release the activist X")."""
        if actor.code or actor.kind not in CONTEXT_KINDS or any(w in actor.name.lower() for w in FOREIGN_WORDS):
            return actor  # "a foreign armed force" is, by its name, from elsewhere
        home = place.country if place is not None and actor.kind != "person" else None
        if home is None and source is not None and sent is not None:
            home = self.only_country(sent, source)
        return homed(actor, home) if home else actor

    def reporter(self, m: ActorMention) -> bool:
        """Is the mention who reports the sentence ("…, the UN envoy said"), rather than a party to it?"""
        if m.actor.code and not m.actor.code.startswith(("IGO", "NGO")):
            return False  # "…, the Armenian defence ministry said": a state reporting is often the other side
        tok = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        root = tok.root if tok is not None else None
        while root is not None and root.dep_ in ("compound", "amod", "poss") and root.head.i != root.i:
            root = root.head  # "U.S. officials said": the officials report
        return root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in self.speech | REPORT_VERBS

    @staticmethod
    def joined(actor: Actor, lead: Actor) -> Actor:
        """A co-subject without a country acts with the one beside it ("U.S. warplanes and warships")."""
        home = country(lead.code)
        return actor if not home or home.startswith(("IGO", "NGO")) else homed(actor, home)

    def named_countries(self, sent: Any) -> set[str | None]:
        """The countries and organisations a sentence names as parties or places (not its IGO reporters)."""
        if sent.start not in self.named_cache:  # asked for many candidates of one sentence
            named = {country(m.actor.code) for m in self.article.actors
                     if sent.start_char <= m.start < sent.end_char and m.actor.code and not self.reporter(m)}
            self.named_cache[sent.start] = named | {p.country for e in sent.ents if e.label_ == "GPE"
                                                    and (p := place_lookup(e.text)) is not None and p.country}
        return self.named_cache[sent.start]

    def only_country(self, sent: Any, source: Actor) -> str | None:
        """The source's country, when it is the only country or organisation the sentence names."""
        home = country(source.code)
        return home if home and not home.startswith(("IGO", "NGO")) and self.named_countries(sent) <= {home} else None

    def sole_country(self, sent: Any) -> str | None:
        """The one country a sentence names, if it names exactly one (and no organisation)."""
        named = self.named_countries(sent)
        only = next(iter(named)) if len(named) == 1 else None
        return only if only and not only.startswith(("IGO", "NGO")) else None
