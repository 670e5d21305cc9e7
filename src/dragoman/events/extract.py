"""Extract (source, action, target) events from the dependency parse.

Two kinds of triggers:

- verbs: the CAMEO code comes from the verb lexicon (verb + preposition +
  object); the source is the clause's subject (the ``by`` agent for passives),
  the target its object or prepositional object. Light verbs ("held talks")
  take the code of their object noun. Frame words above the verb change its
  code and modality: "was willing to train" is an intent (CAMEO 03), "demanded
  that…" a demand (10), "suspended talks" a halt (16), "did not accept" a
  rejection (12), "should consider" a hypothetical, kept but marked;
- nouns: "talks between X and Y", "the suspension of talks by Iran",
  "US strikes in Sadr City": participants come from ``between``, ``with``,
  ``by``, ``on``, ``against`` phrases, possessives and modifiers.

Coordinated actors of a symmetric event ("the US and Iran held talks") give one
event between them, not one per pair. An event needs a resolved source actor:
the coder prefers missing an event to inventing one.

The Extractor is assembled from small parts: ``parties`` (who takes part and
who is acted on), ``clauses`` (subjects, governing frames, modality, who
asserts it), ``setting`` (when and where), ``recode`` (context that changes a
force event's code) and ``words`` (the closed word classes all of them use).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dragoman import resources
from dragoman.events.candidate import Candidate
from dragoman.events.clauses import Clauses
from dragoman.events.codebook import lookup
from dragoman.events.lexicon import event_lexicon
from dragoman.events.parties import Parties, homed
from dragoman.events.recode import recode
from dragoman.events.setting import Setting
from dragoman.events.words import (
    ACCUSE,
    ASSURE,
    ATTRIBUTE,
    BACKGROUND_MARKS,
    BACKGROUND_PREPS,
    COMMIT_VERBS,
    DENY,
    GENERIC_DETS,
    NOUN_PATH,
    OCCURRENCE_VERBS,
    PLACE_PREPS,
    PLACE_TARGET_CODES,
    PLACE_TARGET_ROOTS,
    QUANTITY_NOUNS,
    RECIPROCAL_ROOTS,
    REPORT_VERBS,
    SKIP_CODES,
    SYMMETRIC_ROOTS,
    TARGET_PREPS,
    TOPIC_PREPS,
    UNREAL_NOUNS,
    UNTARGETED_ROOTS,
    Token,
)
from dragoman.model import Actor, ActorMention, Article, Event, Place


class Extractor(Parties, Clauses, Setting):
    """Per-article extraction state over one parsed document."""

    def __init__(self, article: Article, doc: Any) -> None:
        self.article = article
        self.doc = doc
        self.lex = event_lexicon()
        self.speech = resources.words("speech_verbs.txt")
        self.tok_actor: dict[int, ActorMention] = {}
        for m in article.actors:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.tok_actor[t.i] = m
        self.ref = date.fromisoformat(article.published[:10]) if article.published else None
        self.used_nouns: set[int] = set()
        self.demanded: set[int] = set()  # verbs of clauses that a demand governs
        self.named_cache: dict[int, set[str | None]] = {}  # sentence start → countries it names
        self.coded_verbs: dict[int, str] = {}  # verbs that produced an event → its code (their objects are not events again)

    def attribution(self, v: Token) -> Candidate | None:
        """'activity that can be attributed to Iranian support': the claimant accuses the one it is attributed to."""
        if v.lemma_.lower() not in ATTRIBUTE or not any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) \
                or any(c.dep_ == "agent" for c in v.children) and v.lemma_.lower() != "blame":
            return None
        name, speaker = self.claimant(v)
        pobj = next((g for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "on") for g in c.children if g.dep_ == "pobj"), None)
        targets = self.actors_at(pobj) or [a for c in (pobj.children if pobj is not None else []) if c.dep_ in ("amod", "compound", "poss")
                                           for a in self.actors_at(c)]
        if speaker is None or not targets:
            return None
        return Candidate(v, "112", [speaker], targets, [v], False, "happened", name)

    def not_news(self, v: Token) -> bool:
        """Is the verb no event of its own? Marks, on the way, the acts its clause only reports (demanded, alleged,
        denied, purposes), which are then not events either."""
        lemma = v.lemma_.lower()
        if v.i in self.demanded:
            return True  # the demanded, promised, threatened or alleged act: the framing event carries it
        if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in v.children):
            return True  # "a day after Hezbollah captured two soldiers": the setting of the news
        if v.dep_ == "relcl":
            return True  # "the soldier who was captured by militants": told in passing
        if self.purpose(v) and not self.governed_by_frame(v):
            self.demanded.update(t.i for t in v.subtree if t.pos_ == "VERB")
            return True  # "sent rescuers to help search", "rallied to demand that…": a purpose, not a reported event
        if lemma in ACCUSE:  # "accused X of trying to impose…": the alleged act is the accusation's content
            self.demanded.update(t.i for c in v.children if c.dep_ == "prep" for t in c.subtree if t.pos_ == "VERB")
        if v.dep_ == "advcl" and v.tag_ == "VBG" and self.same_kind_as_head(v) and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            # "detonated a car bomb, killing 12 people": the consequence of the event already coded (not
            # "expelled diplomats, accusing Havana…": another kind of act); its object is no new event either
            self.demanded.add(v.i)
            return True
        if v.dep_ == "amod":
            return True  # "visiting Pakistani Prime Minister X": a modifier, not a clause
        if v.dep_ == "acl" and v.tag_ == "VBN":
            return True  # "a plan proposed by IGAD", "militias backed by Khartoum": told in passing
        if lemma in DENY:  # "denied that it was arming the rebels": the denied act is no event
            self.demanded.update(t.i for c in v.children if c.dep_ == "ccomp" for t in c.subtree if t.pos_ == "VERB")
        return False

    def verb_candidate(self, v: Token) -> Candidate | None:
        lemma = v.lemma_.lower()
        if self.not_news(v):
            return None
        prt = next((c.lower_ for c in v.children if c.dep_ == "prt"), "")
        frame = self.lex.frames.get(f"{lemma} {prt}") or self.lex.frames.get(lemma)
        governed = next((c for c in v.children if c.pos_ == "VERB" and (c.dep_ == "xcomp" or (frame and self.purpose(c)))), None)
        if governed is not None and lemma in COMMIT_VERBS:
            frame = "intent"  # "agreed to resume negotiations": a commitment to do it (03), not yet done
        if governed is not None and frame == "threat":
            return self.threat(v, governed)
        if governed is not None and frame in ("intent", "demand", "appeal", "hypothetical"):
            inner, _ = self.lex.verb_code(governed.lemma_.lower(),
                                          obj=next((c.lemma_.lower() for c in governed.children if c.dep_ == "dobj"), ""))
            if inner is not None or frame in ("intent", "hypothetical"):
                return None  # the governed verb carries the event
            # "urged Japan to show restraint": nothing codable below, so the appeal itself is the event
        if governed is not None and frame == "refusal" and lemma != "deny":
            return self.refusal(v, governed)
        if governed is not None and frame == "halt":
            return None  # "stop supplying X": the supplying stops; not a break in relations
        if frame == "appeal" and any(c.lower_ in ("ahead", "forward") for c in v.children):
            return None  # "pressed ahead with": went on with, not an appeal
        if lemma == "call" and any(c.dep_ in ("oprd", "attr") for c in v.children):
            return None  # "calling its occupation peacekeeping" names, it does not appeal
        obj = next((c for c in v.children if c.dep_ in ("dobj", "attr")), None)
        if obj is not None and obj.lemma_.lower() in QUANTITY_NOUNS:  # "lifted a raft of sanctions": the sanctions
            obj = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                        if g.dep_ == "pobj"), obj)
        if obj is None and prt and frame == "halt":  # "pulled out of peace talks"
            obj = next((g for c in v.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children
                        if g.dep_ == "pobj"), None)
        preps = self.preps_of(v)
        obj_lemma = obj.lemma_.lower() if obj is not None else ""
        code, specific = None, False
        # most specific first: particle, then each preposition with its own object ("agreed to a ceasefire"), then the verb
        tries = ([(prt, obj_lemma)] if prt else []) + [(p, po.lemma_.lower() if po is not None else "") for p, po in preps]
        for p, o in tries + [("", obj_lemma)]:
            if p in PLACE_PREPS and o:  # "giving a speech in the city" is not "give in"
                code, specific = self.lex.verbs.get((lemma, p, o)), True
            else:
                code, specific = self.lex.verb_code(lemma, p, o)
            if code and specific:
                break
        if code and not specific and prt:
            code = None  # a phrasal verb ("press ahead") is not its bare verb
        clause = next((c for c in v.children if c.dep_ == "ccomp"), None)
        if clause is not None and lemma in ASSURE:
            return self.assurance(v, clause, obj)
        if clause is not None and obj is None and not specific and frame not in ("demand", "appeal"):
            if lemma not in ACCUSE:
                return None  # "conceded that…", "warned that…", "insisted that…": speech, which quotes cover
        targets: list[Actor] = []
        anchors = [v]
        noun_code = self.lex.noun_code(obj) if obj is not None else None
        if obj is not None and noun_code is None and frame in ("halt", "intent", "demand", "appeal", "light"):
            inner = self.inner_event_noun(obj)  # "suspended its participation in the talks"
            if inner is not None:
                if any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
                    return None  # "had no part in the bombing"
                obj, noun_code = inner, self.lex.noun_code(inner)
        if noun_code and frame == "halt" and noun_code[:2] not in ("04", "05", "06", "07"):
            return None  # "freeze troop deployments" stops an activity; only talks, ties or aid make a break (16)
        if obj is not None and frame == "light" and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
            return None  # "had held no talks"
        if noun_code and frame in ("light", "halt", "intent", "demand", "appeal") and not specific:
            # "held talks with X", "suspended talks", "proposed talks on…": the noun is the event
            code = noun_code if frame == "light" else self.lex.framed(frame, noun_code)
            _, parts = self.noun_participants(obj)
            targets = parts
            self.used_nouns.add(obj.i)
            anchors.append(obj)
        elif frame in ("demand", "appeal") and clause is not None and obj is None and clause.tag_ in ("VBD", "VBN"):
            return None  # "insists that the strike targeted…" asserts; a demand wants what is not yet
        elif frame in ("demand", "appeal") and clause is not None and obj is None:
            # "demanded that Kenyan troops leave": a demand on whoever the clause's subject is
            inner_code, _ = self.lex.verb_code(clause.lemma_.lower())
            code = self.lex.framed(frame, inner_code or "*")
            targets = self.actors_at(self.subject_of(clause)[0])
            self.demanded.add(clause.i)
        if frame == "halt" and not noun_code and not specific:
            return None  # "suspend its enrichment": only talks, relations or aid make a break (16)
        chain = self.chain(v)
        modality, gframe, negated = self.modality(v, chain)
        if negated and frame == "negflip":  # "did not accept" is a rejection, not a non-event
            code, negated, specific = self.lex.framed("negflip", noun_code or code or "*"), False, True
        if code is None or code in SKIP_CODES:
            return None
        subj, passive = self.subject_of(v)
        sources = self.actors_at(subj) or (self.party(subj) if subj is not None and subj.pos_ in ("NOUN", "PROPN") else [])
        for other in (c for c in v.children if c.dep_ == "nsubj" and c is not subj):  # two subjects parsed apart
            sources += [a for a in self.actors_at(other) if all(a is not s for s in sources)]
        if passive:
            agent = next((c for w in (v, v.head) for c in w.children if c.dep_ == "agent"), None)
            by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            targets = targets or sources
            sources = self.actors_at(by)
        elif not targets:
            targets = self.find_targets(v, obj, preps, sources, frame)
        speech_act = frame in ("demand", "appeal", "intent")  # "appealed for help", "called for a timetable"
        physical = code[:2] in UNTARGETED_ROOTS and (obj is not None or self.where_prep(v))  # "shelled the town", "rallied in Cairo"
        if gframe in ("appeal", "demand") and chain:  # "urged Venezuela's government to free…", "called on X to…"
            urged = next((c for c in chain[0].children if c.dep_ == "dobj"), None) or next(
                (g for c in chain[0].children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in c.children if g.dep_ == "pobj"), None)
            targets = self.party(urged) or targets
        if not targets and code[:2] in ("03", "07"):  # "pledged a loan to help rebuild Iraq": the beneficiary
            targets = [a for c in v.children if c.dep_ in ("advcl", "xcomp") and any(g.lower_ == "to" for g in c.children)
                       for t in c.subtree if t.dep_ in ("dobj", "nsubj") for a in self.actors_at(t) if a.code][:1]
        reciprocal = len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS  # "Japan and the Philippines signed a pact"
        if not specific and not noun_code and not targets and not gframe and not speech_act and not physical and not reciprocal:
            return None  # a verb's default code with nobody acted upon says too little (precision first)
        if gframe == "halt" and not noun_code:
            return None  # "stop supplying X": an activity ceasing, not a break in relations
        if gframe in ("intent", "demand", "appeal", "halt"):
            code = self.lex.framed(gframe, code)
        elif modality == "intended" and code[:2] not in ("01", "02", "03", "10", "13"):
            code = self.lex.framed("intent", code)  # "Iran will free the sailors": a promise (03), not yet a release
        if negated and gframe == "negflip":
            code, negated = self.lex.framed("negflip", code), False
        if gframe == "refusal":  # "refused to recognise": the recognition did not happen
            negated = True
        if modality == "intended" and not targets and not noun_code:
            return None  # "is scheduled to debate a bill": a plan toward nobody is no event
        return Candidate(v, code, sources, targets, anchors + chain[:1], negated, modality, self.asserted_by(v))

    def assurance(self, v: Token, clause: Token, hearer: Token | None) -> Candidate | None:
        """'X reassured Y that it would cooperate': X expresses intent (03) toward Y to do what the clause says."""
        inner, _ = self.lex.verb_code(clause.lemma_.lower())
        if inner is None and not any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in clause.children):
            return None
        subj, _ = self.subject_of(v)
        modality, _, negated = self.modality(v, self.chain(v))
        code = self.lex.framed("intent", inner or "*")
        self.demanded.add(clause.i)  # the promised act has not happened
        return Candidate(v, code, self.actors_at(subj), self.actors_at(hearer), [v], negated,
                         "hypothetical" if modality == "hypothetical" else "intended", self.asserted_by(v))

    def threat(self, v: Token, governed: Token) -> Candidate | None:
        """'Russia threatened to cut gas supplies to Ukraine': a threat (13) of the governed act, which has not happened."""
        obj = next((c for c in governed.children if c.dep_ == "dobj"), None)
        inner, _ = self.lex.verb_code(governed.lemma_.lower(), obj=obj.lemma_.lower() if obj is not None else "")
        targets = self.actors_at(next((c for c in v.children if c.dep_ == "dobj"), None))
        for prep in (c for c in governed.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS):
            targets = targets or self.actors_at(next((g for g in prep.children if g.dep_ == "pobj"), None))
        targets = targets or self.actors_at(obj) or (self.owners(obj) if obj is not None else [])
        if not targets and obj is not None:  # "threatened to downgrade relations with Israel"
            targets = self.noun_participants(obj)[1]
        subj, _ = self.subject_of(v)
        modality, _, negated = self.modality(v, self.chain(v))
        self.demanded.add(governed.i)
        return Candidate(v, self.lex.framed("threat", inner or "*"), self.actors_at(subj), targets, [v], negated, modality,
                         self.asserted_by(v))

    def refusal(self, v: Token, governed: Token) -> Candidate | None:
        """'Kenya refused to recognise the judgment of the ICJ': a rejection aimed at the governed action's object."""
        inner, _ = self.lex.verb_code(governed.lemma_.lower())
        obj = next((c for c in governed.children if c.dep_ == "dobj"), None)
        preps = self.preps_of(governed)
        targets = self.find_targets(governed, obj, preps, [], None)
        if not targets and obj is not None:
            srcs, tgts = self.noun_participants(obj)
            targets = srcs + tgts
        subj, _ = self.subject_of(v)
        sources = self.actors_at(subj)
        modality, _, negated = self.modality(v, self.chain(v))
        code = self.lex.framed("negflip", inner or "*")
        self.demanded.add(governed.i)  # what was refused did not happen
        if governed.lemma_.lower() in self.speech | {"comment", "elaborate"}:
            code = "011"  # "declined to comment": CAMEO's own code, not a rejection
        return Candidate(v, code, sources, targets, [v], negated, modality, self.asserted_by(v))

    def comment_candidate(self, adj: Token) -> Candidate | None:
        """'X said it was optimistic that talks with Y would…': an optimistic (013) or pessimistic (012) comment
        on the parties of the outcome it expects; the outcome itself is only expected, so it is no event."""
        code = self.lex.comments.get(adj.lemma_.lower())
        clause = next((c for c in adj.children if c.dep_ == "ccomp"), None)
        if code is None or clause is None:
            return None
        sources = self.actors_at(self.subject_of(adj.head)[0])
        subj = self.subject_of(clause)[0]
        # the parties of the expected outcome: "talks with southern rebels" first, else who the clause names (not places)
        targets = [a for a in (self.noun_participants(subj)[1] if subj is not None else [])]
        targets += [a for t in clause.subtree if not (t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS)
                    for a in self.actors_at(t) if a.code]
        targets = [a for a in targets if all(a is not s for s in sources)]
        self.demanded.update(t.i for t in clause.subtree if t.pos_ == "VERB")
        if not sources or not targets:
            return None
        modality, _, negated = self.modality(adj.head, self.chain(adj.head))
        return Candidate(adj, code, sources, targets[:1], [adj.head], negated, modality, self.asserted_by(adj.head))

    def same_kind_as_head(self, v: Token) -> bool:
        """Is a participle's act of the same quad class as the event its head verb coded ("bombed…, killing")?"""
        head = self.coded_verbs.get(v.head.i)
        if head is None:
            return False
        own, _ = self.lex.verb_code(v.lemma_.lower(), obj=next((c.lemma_.lower() for c in v.children if c.dep_ == "dobj"), ""))
        if own is None or lookup(own).quad_class == lookup(head).quad_class:
            return True
        speech = v.lemma_.lower() in self.speech | ACCUSE or self.lex.frames.get(v.lemma_.lower()) in ("demand", "appeal")
        # "signed an accord, clearing the way for…": the same side of cooperation or conflict, and no speech act
        return not speech and (lookup(own).quad_class <= 2) == (lookup(head).quad_class <= 2)

    def in_background(self, n: Token) -> bool:
        """Is an event noun only the setting or a fear ("at an opposition rally", "amid fears of an Indian strike",
        "comment on Islamabad's charge")?"""
        cur = n
        for _ in range(4):
            if cur.dep_ != "pobj":
                return False
            prep, owner = cur.head, cur.head.head
            if prep.lower_ in BACKGROUND_PREPS or owner.lemma_.lower() in UNREAL_NOUNS:
                return True
            if owner.pos_ == "VERB" and prep.lower_ in TOPIC_PREPS and (owner.i in self.coded_verbs or owner.i in self.demanded):
                return True  # the topic of an act already coded: "declined to comment on the charge"
            cur = owner
        return False

    def noun_candidate(self, n: Token) -> Candidate | None:
        code = self.lex.noun_code(n)
        if code is None or n.i in self.used_nouns or code in SKIP_CODES or n.dep_ == "compound":
            return None  # "riot police", "peace deal": a modifier, not an event
        if any(c.dep_ == "det" and c.lower_ in GENERIC_DETS for c in n.children):
            return None  # "every Kenyan deployment" is no particular event
        if self.in_background(n):
            return None  # "detained 400 people at an opposition rally", "amid protests": the setting, not the news
        if n.dep_ == "nsubj" and n.head.lemma_.lower() in self.speech | REPORT_VERBS:
            return None  # "a UN investigation concluded…": the source of the report, not its news
        if n.dep_ == "dobj" and n.head.pos_ == "VERB" and (n.head.i in self.coded_verbs or n.head.i in self.demanded):
            return None  # "rejected Seoul's offer", "to investigate the raid": the verb's event is the news
        sources, targets = self.noun_participants(n)
        if code[:2] in SYMMETRIC_ROOTS:
            # who met must be said ("US-Iranian talks", "talks between X and Y"); "talks with X" alone does not say
            if len(sources) >= 2:
                order = sorted(sources, key=lambda a: min((m.start for m in self.article.actors if m.actor is a), default=0))
                sources, targets = order[:1], order[1:2]
            elif len(sources) == 1 and targets:
                targets = targets[:1]
            elif not (len(sources) == 1 and any(c.dep_ == "poss" for c in n.children)):
                return None  # "Iran's talks" says who took part; "the talks" alone does not
        if not sources:
            return None
        if not targets and self.lex.frames.get(n.lemma_.lower()) in ("demand", "appeal", "intent"):
            targets = [a for a in self.inner_parties(n) if all(a is not s for s in sources)]
        gov = n  # up through "the third round of talks" to the verb that governs the phrase
        for _ in range(4):
            if gov.pos_ in ("VERB", "AUX") or gov.head is gov or gov.dep_ not in NOUN_PATH:
                break
            gov = gov.head
        gov = gov if gov is not n else None
        chain = [gov, *self.chain(gov)] if gov is not None and gov.pos_ in ("VERB", "AUX") else []
        modality, gframe, negated = self.modality(n, chain) if chain else ("happened", None, False)
        if chain:
            f = self.lex.frames.get(chain[0].lemma_.lower())
            if f == "hypothetical":
                modality = "hypothetical"
            if chain[0].lemma_.lower() not in OCCURRENCE_VERBS:
                negated = False  # "the demand was never discussed": the demand was still made
        owner = n.head.head if n.dep_ == "pobj" and n.head.lower_ in ("for", "of") else None
        owner_frame = self.lex.frames.get(owner.lemma_.lower()) if owner is not None and owner.pos_ == "NOUN" else None
        if owner_frame in ("demand", "appeal"):
            modality = "demanded"  # "Mogadishu's demand for a Kenyan withdrawal"
        elif owner_frame == "intent":
            modality = "intended"
        anchors = [n] + ([chain[0]] if chain and n.dep_ in ("nsubj", "nsubjpass") else [])
        return Candidate(n, code, sources, targets, anchors, negated, modality, self.asserted_by(n))

    def events(self) -> list[Event]:
        out: list[Event] = []
        seen: set[tuple[Any, ...]] = set()
        for sent in self.doc.sents:
            cands = []
            for tok in sent:
                if tok.pos_ == "VERB" and not (tok.is_title and tok.i != sent.start):  # "Force" mis-tagged
                    c = self.attribution(tok) or self.verb_candidate(tok)
                    if c:
                        cands.append(c)
                        self.coded_verbs[tok.i] = c.code
            for tok in sent:
                if tok.pos_ == "NOUN":
                    c = self.noun_candidate(tok)
                    if c:
                        cands.append(c)
                elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":
                    c = self.comment_candidate(tok)
                    if c:
                        cands.append(c)
            for cand in cands:
                place = self.where(cand)
                local = place if cand.code[:2] in PLACE_TARGET_ROOTS else None
                lead = next((a for a in cand.sources if a.code), None)
                if lead is not None and len(cand.sources) > 1:
                    # "U.S. warplanes and warships struck…": one side; "Santos and FARC leader Londono signed": one country's sides
                    cand.sources = [a if a.code else self.joined(a, lead) if cand.code[:2] not in RECIPROCAL_ROOTS
                                    else self.situated(a, None, lead, sent) for a in cand.sources]
                cand.sources = [self.situated(a, local, None) for a in cand.sources]
                if cand.code[:2] in PLACE_TARGET_ROOTS and (home := self.sole_country(sent)):
                    # "Djindjic was shot dead by a sniper": unknown attackers in a sentence about one country
                    cand.sources = [a if a.code or a.kind != "group" else homed(a, home) for a in cand.sources]
                cand.sources = [a for a in cand.sources if a.code]
                if not cand.sources:  # an uncoded source cannot be counted or matched
                    continue
                home_of = None if cand.code[:2] in ("06", "07") else cand.sources[0]  # arms and aid often cross borders
                cand.targets = [self.situated(a, local, home_of, sent) for a in cand.targets]
                cand.targets = [a for a in cand.targets if a.code] or cand.targets[:1]
                paired = len(cand.sources) > 1 and cand.code[:2] in RECIPROCAL_ROOTS
                if not cand.targets and not paired and (cand.code[:2] in PLACE_TARGET_ROOTS | {"07", "08"} or cand.code in PLACE_TARGET_CODES):
                    # "imposed a curfew on Lamu", "killed 12 people in Mogadishu": the place's country bears it;
                    # with no place, a sentence that names only the source's country tells of a domestic act
                    where = place.country if place is not None else self.only_country(sent, cand.sources[0])
                    if place is not None and cand.code[:2] == "08":
                        where = None  # a ceasefire or release is not done to the place it is in
                    if where:
                        cand.targets = [Actor(place.name if place is not None else where, where, where, None, "place")]
                pairs: list[tuple[Actor, Actor | None]]
                if len(cand.sources) > 1 and cand.code[:2] in RECIPROCAL_ROOTS:  # "X and Y met at talks hosted by Z"
                    pairs = [(cand.sources[0], cand.sources[1])]
                else:
                    tgts = [t for t in cand.targets if all(t is not s for s in cand.sources)][:3] or [None]
                    pairs = [(s, t) for s in cand.sources[:3] for t in tgts]
                when = self.when(cand, sent)
                if not cand.targets and any(k[0] == sent.start and k[1] == (cand.sources[0].code or "")[:3] and k[3] == cand.code[:2]
                                            and k[5] == when[0] for k in seen):
                    continue  # the same happening, already coded in this sentence with its target
                for src, tgt in pairs:
                    if tgt is not None and (tgt is src or (tgt.code and tgt.code == src.code and tgt.kind != "place")):
                        tgt = None
                    key = (sent.start, (src.code or "")[:3], tgt.name if tgt else None, cand.code[:2], cand.negated, when[0])
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(self.make(cand, src, tgt, when, place, sent))
        return out

    def make(self, cand: Candidate, src: Actor, tgt: Actor | None, when: tuple[str | None, str | None, str],
             place: Place | None, sent: Any) -> Event:
        c = lookup(recode(cand.code, cand.trigger, src, tgt))
        return Event(
            id="", article_id=self.article.id, source=src, target=tgt, cameo=c.code, root=c.root,
            quad_class=c.quad_class, goldstein=c.goldstein, plover=c.plover, plover_mode=c.plover_mode,
            date=when[0], date_precision=when[1], date_source=when[2], place=place, negated=cand.negated,
            modality=cand.modality, asserted_by=cand.asserted_by, trigger=cand.trigger.text,
            sentence=sent.text, start=sent.start_char, end=sent.end_char,
        )


def extract_events(article: Article, doc: Any) -> list[Event]:
    """All events of one parsed article, in text order, with deterministic ids."""
    events = sorted(Extractor(article, doc).events(), key=lambda e: (e.start, e.cameo, e.source.name if e.source else ""))
    for n, e in enumerate(events):
        e.id = f"{article.id}:e{n}"
    return events
