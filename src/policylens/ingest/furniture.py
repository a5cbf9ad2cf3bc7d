"""What page furniture looks like, one line at a time.

Plain-text dumps of web pages keep everything the page showed around the
article: menus, date and weather widgets, bylines, photo credits, share
buttons, newsletter and cookie notices, job ads, author bios. Each rule here
recognises one of those shapes from a single line; ``clean`` decides with the
line's neighbours which lines are the article.

``furniture_label`` returns a label, or None for a line that may be article
text. Labels in ``SOFT_LABELS`` are removed only outside the article body,
since the same shape can occur in a real paragraph.
"""

from __future__ import annotations

import re

from policylens.ingest.dates import parse_date_line

__all__ = [
    "furniture_label",
    "SOFT_LABELS",
    "fold",
    "is_sentence_like",
    "word_count",
    "bio_name",
    "byline_name",
    "is_bare_name",
]

SOFT_LABELS = frozenset({"bio", "location"})
# Lines longer than this are judged by vocabulary only: furniture lines are short.
_HEAD = 600

_WS = re.compile(r"\s+")
_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$|[\"\u201d]$")
_NAME_TOKEN = r"(?:[A-Z][\w'\u2019.-]*|(?:de|van|von|der|bin|al|da|del|la|le)\b)"
_NAME = rf"[A-Z][\w'\u2019.-]*(?:\s+{_NAME_TOKEN}){{1,3}}"

_NAME_WORD = r"[A-Z][a-z]+(?:['\u2019-][A-Za-z][a-z]+)?"
_BARE_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}}$")
_WEATHER = re.compile(
    r"-?\d{1,3}(?:[.,]\d)?\s*\u00b0\s*[CF]?\b"
    r"|^(?:humidity|wind(?:\s+speed)?|conditions?|pressure|visibility|precipitation|uv index|"
    r"feels like|dew point|sunrise|sunset|air quality)\s*[:\-]"
    r"|^(?:clear sky|sunny|mostly sunny|partly cloudy|cloudy|overcast|(?:scattered|broken|few|overcast)"
    r" clouds|light rain|rain|showers|drizzle|mist|fog|haze|snow|thunderstorms?)$",
    re.IGNORECASE,
)
_LOCATION = re.compile(
    r"^[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,2},"
    r"\s?[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,2}$"
)
_NAV_SPLIT = re.compile(r"\s*[|\u203a\u00bb\u2022\u00b7>/]\s*")
_BYLINE_PREFIX = (
    r"^(?:(?:commentary|opinion|analysis|column|essay|interview|words|story|text|reporting|written|"
    r"edited|photos?|report)\s+)?by\s+|^authors?\s*:?\s+"
)
_BYLINE = re.compile(f"(?:{_BYLINE_PREFIX})" + r"(?-i:[A-Z])", re.IGNORECASE)  # "By skipping..." is prose
_STAFF = re.compile(
    r"^(?:[A-Z][\w.'\u2019&-]*\s+){0,3}(?:staff(?:\s+writers?|\s+reporters?)?|writers|editors|desk|"
    r"newsroom|editorial board|correspondents?|team)$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(rf"^[\u2014\u2013-]{{1,2}}\s*(?P<name>{_NAME})$")
_CREDIT = re.compile(
    r"^(?:photo|photograph|image|picture|illustration|video|graphic|credit|source|caption|file photo)s?"
    r"(?:\s+(?:credit|courtesy))?\s*[:\uff1a]"
    r"|\|\s*(?:[\w.-]+\s+){0,3}(?:photo|image|picture|credit)s?\b"
    r"|\((?:photo|image|picture|credit|file)[^)]{0,80}\)\s*$",
    re.IGNORECASE,
)
# An agency name closing a line that is not a sentence: "... REUTERS/Kim Hong-Ji/File Photo".
_AGENCY_CREDIT = re.compile(
    r"\b(?:getty images|afp|reuters|ap photo|epa(?:-efe)?|shutterstock|pool photo|xinhua|yonhap|alamy"
    r"|wikimedia commons|via getty)\b[^.]{0,40}$",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:share(?: this)?(?: article| story| page| post)?|share (?:on|via) \w+|tweet|e-?mail|print|"
    r"copy link|whatsapp|facebook|twitter|x|linkedin|reddit|telegram|pinterest|flipboard|bluesky)$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:related(?: articles| stories| content| coverage| topics| reading)?|read more|read also|also read|"
    r"see also|more on this(?: story)?|recommended(?: for you| reading)?|you (?:may|might) also like|"
    r"most (?:read|popular|viewed|shared)|trending(?: now)?|latest(?: news| stories| articles)?|"
    r"more from\b[^.:]{0,40}|further reading|editor['\u2019]?s picks?|top stories|more stories|"
    r"keep reading|continue reading|read next|next article|previous article)\s*(?:[:.\u2014\u2013-]|$)",
    re.IGNORECASE,
)
_JOBS = re.compile(
    r"\bcareers? in\b.*\?$|\bjobs? board\b|\bjob listings?\b|\bwe(?:'|\u2019)?re hiring\b|"
    r"^find your\b.{0,40}\bjob\b",
    re.IGNORECASE,
)
_UI = re.compile(
    r"^(?:advertisement|advert|sponsored(?: content)?|skip to (?:main )?content|skip navigation|menu|"
    r"main menu|search|home|log ?in|log ?out|sign ?in|sign ?up|register|subscribe(?: now| today)?|"
    r"categories|category|tags?|topics?|follow(?: us)?|newsletters?|loading\.*|back to top|"
    r"listen(?: to this article)?|"
    r"\d+ min(?:ute)?s? read|reading time\b.*|privacy(?: & cookie)? (?:overview|policy|notice|settings)|"
    r"cookie (?:policy|settings|preferences|notice)|accept(?: all)?(?: cookies)?|reject all|"
    r"manage (?:cookies|preferences|consent)|close|toggle navigation|print this (?:page|article)|"
    r"download pdf|research areas?(?: involved)?|related research|topics covered|regions|explore more|"
    r"watch|podcasts?|videos?|live|breaking(?: news)?|(?:recent|featured|popular) "
    r"(?:features|posts|articles|stories)|contact(?: us)?|about(?: us)?|terms(?: of (?:use|service))?)"
    r"[.:]?$"
    r"|\u00a9|\bcopyright\s+(?:\u00a9\s*)?\d{4}|\ball rights reserved\b",
    re.IGNORECASE,
)
# _STRONG, _WEB and _WEAK are matched against lower-cased text.
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|discussion)(?:\s*\(\d+\))?$|^(?:leave|add|post|write)"
    r" a (?:comment|reply|response)\b|^(?:join|start) the (?:discussion|conversation)\b|^(?:show|view|load)"
    r" (?:all )?comments\b",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"^\S+@\S+\.\w+$|^(?:e-?mail|contact|tel|phone)\s*:", re.IGNORECASE)
_STRONG = re.compile(
    r"\b(?:this|our) (?:web)?site uses cookies\b|\bwe use cookies\b|\bcookie (?:policy|settings|"
    r"preferences|notice|consent)\b|\bby (?:continuing to )?(?:use|using|browse|browsing) (?:this|our) "
    r"(?:web)?site\b|\ball rights reserved\b|\bsubscribe to (?:our|the) newsletter\b|\bsign up for\b"
    r".{0,40}\bnewsletter\b|\benter your e-?mail\b|\bthe views expressed (?:in this|here|are)\b|"
    r"\b(?:originally|first) (?:published|appeared) (?:in|on|by|at)\b|\bsupport (?:our|independent) "
    r"journalism\b|\bdownload (?:our|the) app\b|\bfollow us on\b|\bjobs board\b|\bclick here\b|"
    r"\bthis article (?:was|is) (?:first |originally )?(?:published|republished|part of|produced)\b|"
    r"\brepublished (?:with|under)\b",
)
# Words of the web page itself (_WEB) and words that are only suspicious
# beside them (_WEAK); a foreign-policy paragraph may say "membership".
_WEB = re.compile(
    r"\b(?:subscrib\w*|newsletters?|login|log in|sign in|sign up|cookies?|browser|gdpr|credentials|"
    r"unlock|donat\w+|sponsors?|sponsored|paywall|inbox|advertis\w+|privacy policy|data protection|"
    r"our (?:readers|website|site|writers|contributors|journal|publication)|the publication['\u2019]s|"
    r"writers at)\b"
)
_WEAK = re.compile(
    r"\b(?:consent|archives|exclusive|complimentary|access to|premium|membership|partners and|patrons|"
    r"editorial (?:objectivity|independence|standards|policy|team)|privacy|preferences|free of charge)\b"
)
_IMPERATIVE = re.compile(
    r"^(?:subscribe|sign up|register|log in|join|download|follow|donate|support us|get the|"
    r"don['\u2019]t miss|never miss|become a member)\b",
    re.IGNORECASE,
)
_BIO = re.compile(
    rf"^(?!(?:The|A|An|This|That|It|Its|In|On|At|But|And|As)\b)(?P<name>{_NAME})"
    r"\s*(?:\([^)]{0,40}\)\s*)?,?\s+(?:is|was|serves as|has been|works as)\s+"
    r"(?:a|an|the|currently|also|formerly|[\w-]+-based|senior|associate|assistant|deputy)\b",
)
_ROLE = re.compile(
    r"\b(?:commentator|researcher|fellow|professor|lecturer|journalist|writer|author|analyst|editor|"
    r"correspondent|reporter|director|scholar|student|candidate|consultant|adviser|advisor|expert|"
    r"contributor|columnist|diplomat|ambassador|officer|founder|specialist|economist|historian|"
    r"lawyer|practitioner|scientist|ph\.?d|doctoral|graduate|chair|head of|member of)\b",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Whitespace (no-break spaces included) folded to single spaces, trimmed."""
    return _WS.sub(" ", text).strip()


def word_count(text: str) -> int:
    return len(text.split())


def is_sentence_like(text: str) -> bool:
    """Ends like prose: a full stop, question or exclamation mark, or closing quote."""
    return bool(_TERMINAL.search(text.rstrip()))


def byline_name(line: str) -> str | None:
    """The name in a byline ("By A. Name", "— A. Name"), if the line is one."""
    text = fold(line)
    if word_count(text) > 14:
        return None
    sig = _SIGNATURE.match(text)
    if sig:
        return sig.group("name")
    if not _BYLINE.match(text):
        return None
    rest = re.sub(_BYLINE_PREFIX, "", text, count=1, flags=re.IGNORECASE)
    rest = re.split(r"\s*(?:[|,;\u2022\u00b7]|\s[\u2014\u2013-]\s|\bin\b|\bfor\b|\bon\b|\d)", rest)[0]
    return rest.strip() if re.fullmatch(rf"{_NAME}(?:\s+and\s+{_NAME})*", rest.strip()) else None


def bio_name(line: str) -> str | None:
    """The person a one- or two-sentence author bio is about, if the line is one."""
    text = fold(line)
    if word_count(text) > 70 or len(re.findall(r"[.!?](?:\s|$)", text)) > 2:
        return None
    m = _BIO.match(text)
    if m is None or not _ROLE.search(text):
        return None
    return m.group("name")


def is_bare_name(line: str) -> bool:
    """A line that is only a personal name, "Kim Min-ji" or "Jane Q. Doe"."""
    return bool(_BARE_NAME.match(line.strip()))


def _is_nav(text: str) -> bool:
    parts = [p for p in _NAV_SPLIT.split(text) if p]
    slashes_only = not re.search(r"[|\u203a\u00bb\u2022\u00b7>]", text)
    if len(parts) < (3 if slashes_only else 2):
        return False
    return all(word_count(p) <= 4 and p[:1].isupper() and not is_sentence_like(p) for p in parts)


def _lexicon_label(text: str, words: int) -> str | None:
    """Newsletter, cookie and promotion blocks, judged by their vocabulary."""
    lowered = text[:2000].lower()  # lower-case patterns match much faster than IGNORECASE ones
    strong = len(_STRONG.findall(lowered))
    web = len(set(_WEB.findall(lowered)))
    hits = web + len(set(_WEAK.findall(lowered)))
    if strong and (words <= 120 or hits >= 3):
        return "promo"
    if web and (words <= 40 and _IMPERATIVE.match(text) or words <= 25 and hits >= 2):
        return "promo"
    if web >= 2 and hits >= 3 and hits * 18 >= min(words, 200):
        return "promo"
    return None


def furniture_label(line: str) -> str | None:
    """A label for a line that is page furniture, or None when it may be article text."""
    if len(line) > _HEAD:  # a paragraph: only its vocabulary can give it away
        head = line[:4000]
        return _lexicon_label(fold(head), word_count(head))
    text = fold(line)
    if not text:
        return None
    words = word_count(text)
    short = words <= 16
    if short and _WEATHER.search(text):
        return "weather"
    if short and parse_date_line(text) is not None:
        return "date"
    if short and (_BYLINE.match(text) or _STAFF.match(text) or _SIGNATURE.match(text)):
        return "byline"
    if words <= 45 and (_CREDIT.search(text) or _AGENCY_CREDIT.search(text) and not is_sentence_like(text)):
        return "credit"
    if words <= 8 and _COMMENTS.search(text):
        return "comments"
    if words <= 8 and (_SHARE.match(text) or _UI.search(text) or _CONTACT.match(text)):
        return "ui"
    related = _RELATED.match(text)
    if related and (words <= 8 or text[related.end() - 1 : related.end()] == ":") and words <= 25:
        return "related"
    if words <= 25 and _JOBS.search(text):
        return "jobs"
    if words <= 20 and _is_nav(text):
        return "nav"
    if words <= 5 and _LOCATION.match(text):
        return "location"
    if bio_name(text):
        return "bio"
    return _lexicon_label(text, words)
