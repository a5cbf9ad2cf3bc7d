"""Short event sentences written from the CAMEO verb-pattern dictionary, labelled in PLOVER.

The PETRARCH dictionary (``../shared/event_coding/dictionaries/CAMEO.verbpatterns.150430.txt``)
lists, for each verb, phrase patterns with a CAMEO code: ``- * OUTPOST IN + [0874] # ABANDON``
(``*`` the verb, ``$`` the source, ``+`` the target, ``%`` both sides, ``&SET`` a synonym set).
Each pattern becomes one sentence with names from the package gazetteer filled in and the verb in
the past tense ("Chile abandoned outpost in Peru."), labelled through ``CAMEO2PLOVER-2021.txt``.
Each verb of a block also gives "<source> <verb>ed <target>." with the verb's own code.
With ``none``, patterns the dictionary marks as no event (``[---]``: "PILGRIMS * # VISIT") and
CAMEO 01 public statements, which PLOVER does not code, become ``NONE`` rows.
The sentences are rough, so they count less in training than the news rows.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from policylens.actors.gazetteer import load_gazetteer

DICTIONARY = Path("event_coding/dictionaries/CAMEO.verbpatterns.150430.txt")
MAPPING = Path("event_coding/ontology/CAMEO2PLOVER-2021.txt")
MODALS = {"MUST", "WILL", "WOULD", "TO", "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "NOT"}
IRREGULAR = {
    "BE": "was", "BEAR": "bore", "BEAT": "beat", "BECOME": "became", "BEGIN": "began",
    "BID": "bid", "BIND": "bound", "BLOW": "blew", "BREAK": "broke", "BRING": "brought",
    "BUILD": "built", "BURN": "burned", "BUY": "bought", "CAST": "cast", "CATCH": "caught",
    "CHOOSE": "chose", "COME": "came", "COST": "cost", "CUT": "cut", "DEAL": "dealt",
    "DO": "did", "DRAW": "drew", "DRIVE": "drove", "EAT": "ate", "FALL": "fell",
    "FEED": "fed", "FEEL": "felt", "FIGHT": "fought", "FIND": "found", "FLEE": "fled",
    "FLY": "flew", "FORBID": "forbade", "FORGIVE": "forgave", "FREEZE": "froze", "GET": "got",
    "GIVE": "gave", "GO": "went", "GRIND": "ground", "HANG": "hanged", "HAVE": "had",
    "HEAR": "heard", "HIDE": "hid", "HIT": "hit", "HOLD": "held", "HURT": "hurt",
    "KEEP": "kept", "KNOW": "knew", "LAY": "laid", "LEAD": "led", "LEAVE": "left",
    "LEND": "lent", "LET": "let", "LIE": "lay", "LOSE": "lost", "MAKE": "made",
    "MEAN": "meant", "MEET": "met", "OVERCOME": "overcame", "OVERRIDE": "overrode",
    "OVERRUN": "overran", "OVERTHROW": "overthrew", "PAY": "paid", "PUT": "put",
    "QUIT": "quit", "READ": "read", "RID": "rid", "RISE": "rose", "RUN": "ran", "SAY": "said",
    "SEE": "saw", "SEEK": "sought", "SELL": "sold", "SEND": "sent", "SET": "set",
    "SHAKE": "shook", "SHED": "shed", "SHOOT": "shot", "SHUT": "shut", "SIT": "sat",
    "SLAY": "slew", "SPEAK": "spoke", "SPEND": "spent", "SPLIT": "split", "SPREAD": "spread",
    "STAND": "stood", "STEAL": "stole", "STRIKE": "struck", "SWEAR": "swore", "TAKE": "took",
    "TEACH": "taught", "TEAR": "tore", "TELL": "told", "THINK": "thought", "THROW": "threw",
    "UNDERTAKE": "undertook", "UPHOLD": "upheld", "WAGE": "waged", "WIN": "won",
    "WITHDRAW": "withdrew", "WITHHOLD": "withheld", "WRITE": "wrote", "SHUN": "shunned",
}


@dataclass(frozen=True)
class Pattern:
    words: tuple[str, ...]  # upper-case tokens with * $ + % and &SET markers
    verb: str  # the verb in its dictionary form, words joined by "_"
    code: str  # CAMEO code


def read_mapping(path: Path) -> dict[str, str]:
    """CAMEO code → PLOVER event type; codes PLOVER drops are left out."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d{2,4})\s*:\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def plover_type(code: str, mapping: dict[str, str]) -> str | None:
    code = code.split(":")[0].strip()
    while code:
        if code in mapping:
            return mapping[code]
        code = code[:-1] if len(code) > 2 else ""
    return None


def _strip_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.strip(), comment.strip()


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[Pattern], dict[str, str]]:
    """Synonym sets, patterns (verb-only lines included) and irregular past forms."""
    sets: dict[str, list[str]] = {}
    patterns: list[Pattern] = []
    pasts: dict[str, str] = {}
    section, current_set, block_code, verb_codes = "", "", "", {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("#######"):
            section = "sets" if "SYNONYM" in raw else "verbs" if "VERB PATTERNS" in raw else ""
            continue
        body, comment = _strip_comment(raw)
        if not body:
            continue
        if section == "sets":
            if body.startswith("&"):
                current_set = body.split()[0]
                sets[current_set] = []
            elif body.startswith("+") and current_set:
                sets[current_set].append(body[1:].split()[0])
        elif section == "verbs":
            block_code = _verb_line(body, comment, block_code, patterns, pasts, verb_codes)
    return sets, patterns, pasts


def _verb_line(body: str, comment: str, block_code: str, patterns: list[Pattern],
               pasts: dict[str, str], verb_codes: dict[str, str]) -> str:
    code_m = re.search(r"\[([^\]]*)\]", body)
    code = code_m.group(1).strip() if code_m else ""
    if body.startswith("---"):
        return code
    if body.startswith("- "):
        verb = (comment.split() or [""])[0].upper()
        words = tuple(re.sub(r"\[[^\]]*\]", "", body[2:]).split())
        if verb and code and "*" in words:
            patterns.append(Pattern(words, verb, code))
        return block_code
    verb = body.split()[0].lstrip("+")
    forms = re.search(r"\{([^}]*)\}", body)
    if forms and len(forms.group(1).split()) >= 2:
        pasts[verb] = forms.group(1).split()[1].lower()
    own = code or block_code
    if own and own != "---" and re.fullmatch(r"[A-Z_\-]+", verb):
        patterns.append(Pattern(("$", "*", "+"), verb, own))
    return block_code


def past(verb: str, pasts: dict[str, str]) -> str:
    """The past tense of a dictionary verb ("CALL_ON" → "called on")."""
    head, *rest = verb.split("_")
    form = pasts.get(head) or IRREGULAR.get(head) or _regular_past(head.lower())
    return " ".join([form] + [w.lower() for w in rest if w])


def _regular_past(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ied"
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", word) and len(re.findall(r"[aeiou]+", word)) == 1:
        return word + word[-1] + "ed"
    return word + "ed"


def load_names() -> list[str]:
    """Country, organisation and leader names from the package gazetteer."""
    gaz = load_gazetteer()
    return ([s.name for s in gaz.states.values()] + [o.code for o in gaz.orgs.values()]
            + [p.name for p in gaz.people.values()])


def write_sentence(p: Pattern, sets: dict[str, list[str]], pasts: dict[str, str],
                   names: list[str], rng: random.Random) -> tuple[str, str | None, str | None]:
    """The pattern as a sentence with names filled in, and its source and target names."""
    source, target = rng.sample(names, 2)
    words = list(p.words)
    if "$" not in words and "%" not in words:
        words = ["$"] + words
    out: list[str] = []
    for i, w in enumerate(words):
        out.append(_word(w, i, words, p, sets, pasts, source, target, rng))
    text = re.sub(r"\s+", " ", " ".join(x for x in out if x)).strip()
    text = text[0].upper() + text[1:] + "."
    has_target = any(w.startswith("+") or w == "%" for w in words)
    return text, source, target if has_target else None


def _word(w: str, i: int, words: list[str], p: Pattern, sets: dict[str, list[str]],
          pasts: dict[str, str], source: str, target: str, rng: random.Random) -> str:
    if w == "*":
        before = words[i - 1] if i else ""
        return p.verb.replace("_", " ").lower() if before in MODALS else past(p.verb, pasts)
    if w == "$":
        return source
    if w == "%":
        return f"{source} and {target}"
    if w.startswith("+"):
        return target + w[1:].lower()
    if w == "^":
        return ""
    if w.startswith("&"):
        choices = sets.get(w) or sets.get(w + "_") or sets.get(w.rstrip("_")) or [w[1:]]
        return rng.choice(choices).replace("_", " ").strip().lower()
    return w.replace("_", " ").strip().lower()


def label_for(code: str, mapping: dict[str, str], none: bool) -> str | None:
    """The PLOVER type of a pattern's code; ``NONE`` for no-event codes when ``none``."""
    if code == "---" or code.startswith("01"):
        return "NONE" if none else None
    return plover_type(code, mapping)


def cameo_rows(shared: Path, seed: int = 13, per_type: int = 800, none: bool = False
               ) -> list[tuple[str, tuple[str | None, str | None], str]]:
    """(sentence, (source, target), PLOVER type or NONE) for patterns with a label, at most
    ``per_type`` of each (a random sample where the dictionary has more)."""
    mapping = read_mapping(shared / MAPPING)
    sets, patterns, pasts = read_dictionary(shared / DICTIONARY)
    names, rng = load_names(), random.Random(seed)
    rows = []
    for p in patterns:
        label = label_for(p.code, mapping, none)
        if label is None or any(c in w for w in p.words for c in "(){}"):
            continue
        text, source, target = write_sentence(p, sets, pasts, names, rng)
        rows.append((text, (source, target), label))
    rng.shuffle(rows)
    kept: dict[str, int] = {}
    out = []
    for row in rows:
        kept[row[2]] = kept.get(row[2], 0) + 1
        if kept[row[2]] <= per_type:
            out.append(row)
    return out
