"""The grammar words event extraction keys on: modals, frames' neighbours, prepositions of targets and places.

Small closed word classes of English, not domain data (which lives in ``resources/``).
"""

from __future__ import annotations

from typing import Any

Token = Any
CONDITION_MARKS = {"if", "unless", "whether", "until", "once", "provided"}
MODALS = {"should", "could", "would", "might", "may", "must", "ought", "can"}
FUTURE = {"will", "shall"}
SYMMETRIC_ROOTS = {"03", "04", "05", "06"}
RECIPROCAL_ROOTS = SYMMETRIC_ROOTS | {"08", "19"}  # "X and Y agreed a ceasefire", "X and Y clashed": between them
FIRST_PLURAL = {"we", "our", "us"}
UNTARGETED_ROOTS = {"14", "15", "17", "18", "19", "20"}  # force and protest need no named target ("shelled the town")
NOUN_PATH = {"nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr"}
GENERIC_DETS = {"every", "any", "no", "each"}
OCCURRENCE_VERBS = {"take", "hold", "happen", "occur", "begin", "start", "end", "resume", "collapse", "continue", "place"}
ASSURE = {"assure", "reassure", "promise", "pledge", "vow", "guarantee"}
ACCUSE = {"accuse", "allege", "blame", "charge", "suspect", "criticize", "criticise", "condemn", "denounce", "convict"}
ATTRIBUTE = {"attribute", "blame", "link", "tie", "trace"}
THIRD_PARTY = {"mediate", "broker", "back", "sponsor", "host", "facilitate", "fund", "support", "organise", "organize",
               "arrange", "chair", "monitor", "supervise"}
SKIP_CODES = {"010"}  # "made a statement": quotes cover speech; as an event it is noise
TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "from", "for", "over", "between")
PLACE_PREPS = {"in", "near", "at", "outside", "inside", "around", "across", "throughout", "within", "through"}
BACKGROUND_MARKS = {"after", "since", "before", "when", "until", "because"}  # not "while": often contrast
BACKGROUND_PREPS = {"at", "during", "amid", "despite", "ahead", "under"}
BORDER_NOUNS = {"border", "frontier", "boundary"}
PLACE_TARGET_ROOTS = {"09", "14", "15", "17", "18", "19", "20"}  # acts done in or to a place: it bears them
PLACE_TARGET_CODES = {"042", "043"}  # a visit: the place is the host
REPORT_VERBS = {"conclude", "find", "show", "report", "announce", "confirm", "estimate"}
CONTEXT_KINDS = {"person", "government", "group", "people"}
FRAME_HOPS = {"xcomp", "acomp", "conj", "pcomp", "prep"}
DENY = {"deny"}  # "denied that it was arming…": the clause is no event
TOPIC_PREPS = {"on", "about", "over", "of", "regarding", "concerning"}
UNREAL_NOUNS = {"fear", "risk", "possibility", "prospect", "danger", "rumour", "rumor", "speculation", "likelihood"}
MEMBER_NOUNS = {"member", "delegation", "staff", "personnel", "observer", "monitor", "peacekeeper", "inspector", "envoy"}
QUANTITY_NOUNS = {"raft", "series", "wave", "number", "set", "package", "string", "spate", "flurry", "batch", "barrage",
                  "shipment", "tens", "hundreds", "thousands", "dozens", "scores"}
FOREIGN_WORDS = ("foreign", "international", "multinational", "overseas")
# verbs whose infinitive's subject is their own subject, not their object ("promised Kenya to withdraw")
SUBJECT_CONTROL = {"promise", "vow", "pledge", "offer", "agree", "threaten", "refuse", "decide", "want", "try", "seek"}
COMMIT_VERBS = {"agree"}  # "agreed to resume talks": with an infinitive, an intent
