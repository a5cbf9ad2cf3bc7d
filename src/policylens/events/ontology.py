"""PLOVER type + mode -> nearest CAMEO code and Goldstein score; mode and context cues.

The table (``data/events/plover_cameo.csv``) is ours, written from the public
CAMEO codebook and the Goldstein conflict-cooperation scale.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib.resources import files

# Per type: (mode, cue pattern) tried in order; the first cue found in the evidence wins.
MODE_CUES: dict[str, list[tuple[str, str]]] = {
    "CONSULT": [("phone", r"\b(phone|call(ed)?|telephone)\b"),
                ("multilateral", r"\b(summit|trilateral|multilateral|conference|forum)\b"),
                ("host", r"\b(host(s|ed|ing)?|welcomed .* to)\b"),
                ("visit", r"\b(visit(s|ed|ing)?|trip|travel(l?ed)?|meet(s|ing)?|met)\b")],
    "AID": [("military", r"\b(military|arms|weapons?|shells?|artillery|missiles?|munitions|"
                         r"security support|defen[cs]e)\b"),
            ("humanitarian", r"\b(humanitarian|relief|food|medical)\b"),
            ("economic", r"\b(fund|financial|economic|loans?|grants?|contribution|money|\$)")],
    "COOPERATE": [("intelligence", r"\bintelligence\b"),
                  ("military", r"\b(military|defen[cs]e|exercises?|drills?)\b"),
                  ("economic", r"\b(trade|economic|investment)\b")],
    "ACCUSE": [("investigate", r"\binvestigat"), ("allege", r"\b(accus|alleg|blam)"),
               ("disapprove", r"\b(critici[sz]|condemn|denounc|deplor|slam|novice|protest)")],
    "REQUEST": [("assist", r"\b(aid|assistance|help|support|supply|supplies)\b"),
                ("meet", r"\b(talks|meet|meeting|negotiat)"),
                ("change", r"\b(urg|call(ed|s)? (on|for)|demand|press|ask)")],
    "REJECT": [("meet", r"\b(summit|meeting|talks|attend|visit|skip)"),
               ("assist", r"\b(aid|assistance)\b"),
               ("change", r"\b(refus|commit|target|demand|spending)")],
    "THREATEN": [("restrict", r"\b(tariffs?|sanctions?|embargo|restrict)"),
                 ("relations", r"\b(relations|ties)\b"),
                 ("violence", r"\b(attack|force|strike|war|nuclear|military|arms)\b")],
    "SANCTION": [("expel", r"\bexpel"), ("withdraw", r"\b(recall|withdr[ae]w|sever|cut ties)"),
                 ("discontinue", r"\b(tariffs?|sanctions?|embargo|ban|halt|suspend)")],
    "COERCE": [("martial-law", r"\bmartial law\b"), ("arrest", r"\b(arrest|detain)"),
               ("deport", r"\bdeport"), ("seize", r"\b(seiz|confiscat)"),
               ("cyber", r"\bcyber"), ("censor", r"\bcensor")],
    "MOBILIZE": [("troops", r"\b(troops|soldiers|forces)\b"), ("police", r"\bpolice\b")],
    "ASSAULT": [("aerial", r"\b(air ?strikes?|bomb(ed|ing)? raids?|aerial)\b"),
                ("drone", r"\bdrones?\b"), ("explosives", r"\b(bomb|explosi)"),
                ("heavy-weapons", r"\b(artillery|shell(ed|ing)|tanks?|missiles?|rockets?)\b"),
                ("firearms", r"\b(shot|shoot|gun|rifle)"), ("assassinate", r"\bassassinat")],
    "RETREAT": [("ceasefire", r"\b(cease-?fire|truce)\b"), ("release", r"\b(releas|free)"),
                ("withdraw", r"\b(withdr[ae]w|pull(ed)? out)")],
}
CONTEXT_CUES: list[tuple[str, str]] = [
    ("military", r"\b(military|troops|weapons?|arms|defen[cs]e|missiles?|army|nuclear|war)\b"),
    ("economic", r"\b(tariffs?|trade|econom|investment|sanctions?|\$|billion)"),
    ("diplomatic", r"\b(summit|diplomat|embassy|talks|visit|minister|partnership)"),
    ("legal", r"\b(court|law|legal|judge|impeach)"),
    ("cyber", r"\bcyber"),
    ("election", r"\belection"),
    ("rights", r"\bhuman rights\b"),
]


@lru_cache(maxsize=1)
def cameo_table() -> dict[tuple[str, str], tuple[str, float]]:
    path = files("policylens") / "data" / "events" / "plover_cameo.csv"
    with path.open(encoding="utf-8") as fh:
        return {(r["type"], r["mode"]): (r["cameo"], float(r["goldstein"]))
                for r in csv.DictReader(fh)}


def cameo_for(type_: str, mode: str | None) -> tuple[str, float]:
    """The nearest CAMEO code and its Goldstein value for a PLOVER type and mode."""
    table = cameo_table()
    return table.get((type_, mode or ""), table[(type_, "")])


def mode_for(type_: str, evidence: str) -> str | None:
    text = evidence.lower()
    if type_ == "REQUEST" and re.search(r"\bdemand", text):
        return "demand"
    for mode, cue in MODE_CUES.get(type_, []):
        if re.search(cue, text):
            return mode
    return None


def context_for(sentence: str) -> str | None:
    """Comma-joined PLOVER contexts whose cues occur in the sentence, as the GSR writes them."""
    text = sentence.lower()
    found = [name for name, cue in CONTEXT_CUES if re.search(cue, text)]
    return ", ".join(found[:2]) or None
