"""Short readable labels for key points, taken or condensed from their best claim."""

from __future__ import annotations

import re
from itertools import accumulate
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # spaCy loads only when a label needs a parse
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MIN_WORDS = 10
MAX_WORDS = 20
# Openers that frame a sentence rather than carry its point.
LEADING = re.compile(
    r"^(\W*(however|moreover|furthermore|in addition|additionally|also|indeed|thus|therefore|"
    r"consequently|in sum|in short|overall|for example|for instance|meanwhile|still|"
    r"yet(?! another)|and|but|so(?! far)|first|second|third|finally|above all|in return|"
    r"at the same time|in particular|notably|"
    r"on the other hand|on the one hand|nonetheless|nevertheless|in this regard|in fact|of course|"
    r"importantly|likewise|similarly|instead|besides|after all|in turn|as such|to be sure|"
    r"regardless|accordingly|hence|ultimately|crucially|admittedly|by contrast|in contrast|"
    r"as a result|in other words|that said|in any case|it seems( that)?|it appears( that)?|"
    r"(\w+|a|one) (days?|weeks?|months?|years?) (later|earlier|ago)|(last|next) (week|month|year))"
    r"\b,?\s*)+",
    re.IGNORECASE,
)
# A leading concession or setting is not the point: "Although X, <point>", "Given X, <point>",
# "After talks in Seoul, <point>".
FRAMING_CLAUSE = re.compile(
    r"^(although|though|even though|while|whereas|despite|in spite of|given|starting with|amid|"
    r"considering|notwithstanding|along with|apart from|aside from|in light of|when it comes to|"
    r"with regard to|after|before|following|during|ahead of|in the wake of)\b[^,]{3,}?,\s+",
    re.IGNORECASE)
# A leading phrase that only names the domain ("In the security dimension,", "On the economic
# front,", "From a domestic political standpoint,", "Regarding the tariffs,") is not the point.
TOPIC_SETTING = re.compile(
    r"^((in|on|from|at) (the|a|an) [^,]{1,40}?\b(dimension|front|standpoint|perspective|side|"
    r"level|sphere|realm|domain|field|arena)|(regarding|as for|as regards|concerning|in terms of|"
    r"with respect to)\b[^,]{2,60}?),\s+",
    re.IGNORECASE)
# "The reality is that X" says X.
ASSERTION_FRAME = re.compile(r"^the (reality|truth|fact|bottom line) is,? (that )?", re.IGNORECASE)
# An aside between the subject and its verb ("Lee, prioritizing dialogue with Pyongyang, has
# suggested …") or a short concession ("values, though important, cannot …") is not the point.
ASIDE = re.compile(
    r"^(?P<subject>[^,]{2,40}?), (?:(?:\w+ing|\w+ed|with|who|whose|which|though|although|like|"
    r"unlike|as|a|an|the|wary|keen|eager|mindful|reluctant|long|once|already)\b[^,]{2,90}?), "
    r"(?P<rest>(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|does|"
    r"did|do|said|told|made|took|gave|saw|thought|wrote|met|held|led|sent|spoke|brought|kept|"
    r"became|came|went|began|found|won|lost|paid|sought|knew|left|chose|stood|\w+s|\w+ed)\b)",
    re.IGNORECASE)
SHORT_CONCESSION = re.compile(r", (?:though|although|while) \w+(?: \w+){0,2},", re.IGNORECASE)
# Words that open a condition or reason before the main clause ("If he does not, …").
CONDITION_OPENERS = ("if", "when", "unless", "once", "because", "since", "as", "while",
                     "although", "though")
# A claim that opens on a word pointing back ("This shift …", "They are …", "The former …", also
# inside an opening condition: "If he does not, …") does not stand alone: it can join a key point
# but cannot name one.
POINTS_BACK = re.compile(
    rf"^(({'|'.join(CONDITION_OPENERS)}) )?"
    r"(this|that|these|those|they|them|their|he|his|she|her|its|such|the former|the latter|"
    r"it(?! (is|was|would be|will be|may be|might be|could be|remains|makes sense)\b))\b",
    re.IGNORECASE)
MIN_POINT_WORDS = 6  # what is left after dropping such a clause must still say something
# Words that open a clause subordinate to a main clause that follows it (with the inverted
# conditions "Should Seoul …, it would …", "Were it …", "Had it …").
SUBORDINATE_OPENERS = frozenset(CONDITION_OPENERS + ("should", "were", "had", "whether", "until",
                                                     "whereas"))
# A cut label must not end on a word that announces more: "a", "of", "and", "to", "will", "who",
# "its" (nor on a modifier whose head it cut off: "annual", "South Korean").
DANGLING_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX"})
DANGLING_TAGS = frozenset({"WDT", "WP", "WP$", "PRP$", "POS"})
TRAILING_MARKS = ",;:—–-"  # stripped where a label is cut


def clean_sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().strip("\"“”'")
    text = LEADING.sub("", text).strip()
    for setting in (TOPIC_SETTING, FRAMING_CLAUSE):
        rest = setting.sub("", text, count=1)
        if rest != text and len(rest.split()) >= MIN_POINT_WORDS:
            text = LEADING.sub("", rest).strip()
    text = ASSERTION_FRAME.sub("", text, count=1)
    text = ASIDE.sub(r"\g<subject> \g<rest>", text, count=1)
    text = SHORT_CONCESSION.sub("", text)
    return text[:1].upper() + text[1:] if text else text


def stands_alone(text: str) -> bool:
    """Whether a claim, cleaned, can name a key point: it does not open by pointing back."""
    return not POINTS_BACK.match(clean_sentence(text))


def condense(text: str) -> str:
    """A readable 10–20 word label: the sentence itself when short enough, else its leading
    clauses, else its longest leading phrase that is complete (``_phrase_cut``)."""
    return condense_all([text])[0]


def condense_all(texts: Sequence[str]) -> list[str]:
    """``condense`` for many claims; those longer than a label are parsed in one batch. A cut at
    a comma, colon or dash is taken only when it keeps the main verb ("A representative of the
    federation, by contrast" is no point), otherwise the phrase cut; a semicolon ends a whole
    clause, whatever the parser makes of the sentence."""
    words = [clean_sentence(t).rstrip(".").split() for t in texts]
    labels: list[str | None] = [" ".join(w) if len(w) <= MAX_WORDS else None for w in words]
    need = [i for i, label in enumerate(labels) if label is None]
    docs = _parser().pipe([" ".join(words[i]) for i in need]) if need else []
    for i, doc in zip(need, docs):
        clause = _clause_cut(words[i])
        if clause and (words[i][clause - 1].endswith(";") or _keeps_main_verb(words[i], doc, clause)):
            labels[i] = " ".join(words[i][:clause]).rstrip(TRAILING_MARKS)
        else:
            labels[i] = _cut(words[i], _phrase_cut(words[i], doc))
    return [_without_orphan_quote(label or "") for label in labels]


def _keeps_main_verb(words: list[str], doc: Doc, keep: int) -> bool:
    """Whether the first ``keep`` words hold the root of the text's first parsed sentence, or the
    clause it reports ("Seoul would gain most, …, he wrote": the point is what he wrote)."""
    end = sum(len(w) + 1 for w in words[:keep]) - 1
    root = next(doc.sents).root
    return root.idx < end or any(t.dep_ == "ccomp" and t.head == root and t.idx < end for t in doc)


def _without_orphan_quote(label: str) -> str:
    """A closing quotation mark (and the comma before it) at the end of a label that opens none:
    the quotation began before the label ("… our policy toward NATO,” …")."""
    stem, ellipsis = (label[:-2], " …") if label.endswith(" …") else (label, "")
    if stem.endswith("”") and stem.count("”") > stem.count("“"):
        stem = stem[:-1]
    return stem.rstrip(TRAILING_MARKS) + ellipsis


def match_form(text: str) -> str:
    """A claim as the match head reads a candidate key point: like ``condense``, but a long
    sentence with no clause boundary keeps its first MAX_WORDS words whatever they end on (on
    ArgKP-2021 train topics the head groups arguments better with the words than without)."""
    words = clean_sentence(text).rstrip(".").split()
    label = _without_parse(words)
    return label if label is not None else _cut(words, MAX_WORDS)


def _without_parse(words: list[str]) -> str | None:
    if len(words) <= MAX_WORDS:
        return " ".join(words)
    cut = _clause_cut(words)
    return " ".join(words[:cut]).rstrip(TRAILING_MARKS) if cut else None


def _cut(words: list[str], keep: int) -> str:
    """The first ``keep`` words, marked as cut short."""
    return " ".join(words[:keep]).rstrip(TRAILING_MARKS) + " …"


def _parser() -> Language:
    from ..nlp.model import load_nlp
    from ..settings import Settings

    return load_nlp(Settings().spacy_model)


def _phrase_cut(words: list[str], doc: Doc) -> int:
    """How many words to keep of a long sentence with no clause boundary to cut at: the longest
    prefix of MIN_WORDS to MAX_WORDS words that is complete, every word's head inside it and not
    ending on a word that announces more; so the cut drops only whole phrases on the right
    ("… an avenue for Lee to engage …", not "… to engage in an in-person …"). Without one, the
    first MAX_WORDS words less any trailing word that announces more."""
    ends = [end - 1 for end in accumulate(len(w) + 1 for w in words)]  # character end of each word
    for k in range(min(MAX_WORDS, len(words) - 1), MIN_WORDS - 1, -1):
        kept = [t for t in doc if t.idx < ends[k - 1]]
        if all(t.head.idx < ends[k - 1] for t in kept) and not _announces_more(kept):
            return k
    k = MAX_WORDS
    while k > MIN_WORDS and _announces_more([t for t in doc if t.idx < ends[k - 1]]):
        k -= 1
    return k


def _announces_more(kept: list[Token]) -> bool:
    words = [t for t in kept if not t.is_punct]
    if not words:
        return True
    last = words[-1]
    return last.pos_ in DANGLING_POS or last.tag_ in DANGLING_TAGS or last.head.i > last.i


def _clause_cut(words: list[str]) -> int:
    """The last clause boundary (after , ; : or a dash) between MIN_WORDS and MAX_WORDS words;
    never the end of an opening condition ("Should Seoul send arms, it would …"): a label
    keeps its main clause, cut or not."""
    boundaries = [i for i, w in enumerate(words[:MAX_WORDS], start=1)
                  if w.endswith((",", ";", ":")) or (i < len(words) and words[i] in ("—", "–"))]
    if boundaries and words[0].lower() in SUBORDINATE_OPENERS:
        boundaries = boundaries[1:]  # the first one ends the condition
    return max((i for i in boundaries if i >= MIN_WORDS), default=0)
