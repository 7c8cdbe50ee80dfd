"""Reading one of the site's review articles into a record, for `!review add`.

Moderators paste or attach an article: the plain text copied from the web page, or the page's
HTML. Every Blu-ray review of the site follows one template (spacing, bullets, case and colons
vary; parts may be missing; extra sections may appear):

    <headline>                                    "Leaving Las Vegas Blu-ray Review – ..."
    <intro paragraphs>                            ("... out on Blu-ray in the UK ...")
      • <Title> (<year>)                          the summary list
      • Genre: Romantic, Drama
      • Directed by Mike Figgis
      • UK Rating 18
      • Discs: 1
      • Released By Studiocanal
      • Blu-ray Released: 4 July 2016
    <image caption>
    <synopsis paragraph(s)>
    Style / Direction        paragraphs           ("... cinematography is handled by X")
    Music / Audio Effects    paragraphs           ("The music is composed by A & B")
    Acting / Characters      paragraphs
      • <Actor> as <Character>                    the cast, in billing order
    Conclusion: <Title> (<year>) Film Review      paragraphs
    If you enjoyed ... check out the following films:
    Conclusion: <Title> Blu-ray Review            paragraphs; the last: "I'd recommend ..."
      • <extra>                                   the disc's special features
    Popcorn Cinema Rating: <Title> (<year>)
      • Blu-ray Picture: GOOD  • Audio Quality: POOR  • Extras: OK  (• Movie Rating: 8/10)
    <Title> (<year>) is available now on Blu-ray from Amazon.  (+ affiliate-links notice)
    <Title> (<year>) Trailer                      (a YouTube embed, in the HTML only)
    What Do You Think?                            the review box:
    Movie title: <Title> (<year>) / Movie description: / Duration: 111 mins /
    Director(s): / Actor(s): / Genre:
      • Movie Rating  • Blu-ray Picture Rating ... (star widgets: no values in the text)
    <verdict line>
      • <pro> ...                                 first list
      • <con> ...                                 second list (after a blank line)

Facts the article does not give are listed in `ParsedArticle.missing`, never guessed; facts
noticed but not used are explained in `ParsedArticle.warnings`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pydantic import ValidationError
from rapidfuzz.distance import Levenshtein

from bot.records.files import RecordError, describe_validation_error
from bot.records.ratings import FILM_RATING_MAX, Grade
from bot.records.retailers import is_affiliate_shop, known_retailer
from bot.records.schema import Record

MAX_ARTICLE_CHARS = 1_000_000


@dataclass(frozen=True)
class ParsedArticle:
    """What `parse_article` read: the record, and what to tell the moderator about it."""

    record: Record  # validated
    missing: tuple[str, ...]  # record fields the article did not give ("film.runtime_min")
    warnings: tuple[str, ...]  # things noticed but not used, one line each


# --------------------------------------------------------------------------------------------
# HTML


_VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col", "embed"}
_LINE_TAGS = {"div", "li", "br", "tr", "dt", "dd", "header", "main", "figcaption", "hr"}
_PARAGRAPH_TAGS = {"p", "ul", "ol", "table", "blockquote", "figure", "section", "article", "pre"}
_PARAGRAPH_TAGS |= {f"h{n}" for n in range(1, 7)}
_SKIP_TAGS = {"script", "style", "noscript", "template", "title", "svg", "canvas", "iframe"}
_SKIP_TAGS |= {"nav", "footer", "aside", "form", "button", "select", "object"}
_SKIP_CLASSES = re.compile(
    r"(?:^|\s)(?:sidebar|widget-area|comments|comments-area|comment-respond|sharedaddy|"
    r"jp-relatedposts|site-header|site-footer|main-navigation)(?:\s|$)",
    re.I,
)


class _PageReader(HTMLParser):
    """The text of a page (one block per line, "• " list items) and its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.links: list[str] = []  # <a href>, <iframe src>, in page order
        self.h1: str | None = None
        self.canonical: str | None = None
        self.published: str | None = None
        self._parts: list[str] = []
        self._skip: tuple[str, int] | None = None  # (tag, depth) of the element being skipped
        self._h1_parts: list[str] | None = None
        self._list_depth = 0  # inside a list, paragraphs are lines (no blank line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if self._skip is not None:
            if tag == self._skip[0] and tag not in _VOID_TAGS:
                self._skip = (tag, self._skip[1] + 1)
            return
        self._note_links(tag, attr)
        if tag in _SKIP_TAGS or _SKIP_CLASSES.search(
            f"{attr.get('class', '')} {attr.get('id', '')}"
        ):
            if tag not in _VOID_TAGS:
                self._skip = (tag, 1)
            return
        self._block(tag)
        self._list_depth += tag in ("ul", "ol")
        if tag == "li":
            self._parts = ["• "]
        elif tag in ("td", "th"):
            self._parts.append(" ")
        elif tag == "h1" and self.h1 is None:
            self._h1_parts = []

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip[0]:
                depth = self._skip[1] - 1
                self._skip = (tag, depth) if depth else None
            return
        if tag == "h1" and self._h1_parts is not None:
            self.h1 = " ".join("".join(self._h1_parts).split()) or None
            self._h1_parts = None
        if tag in ("ul", "ol"):
            self._list_depth = max(0, self._list_depth - 1)
        self._block(tag)

    def handle_data(self, data: str) -> None:
        if self._skip is None:
            self._parts.append(data)
            if self._h1_parts is not None:
                self._h1_parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _note_links(self, tag: str, attr: dict[str, str]) -> None:
        if tag == "a" and attr.get("href"):
            self.links.append(attr["href"])
        elif tag == "iframe" and attr.get("src"):
            self.links.append(attr["src"])
        elif tag == "link" and "canonical" in attr.get("rel", "").lower().split():
            self.canonical = attr.get("href") or None
        elif tag == "meta":
            key = (attr.get("property") or attr.get("name") or "").lower()
            if key == "og:url" and not self.canonical:
                self.canonical = attr.get("content") or None
            elif key == "article:published_time":
                self.published = attr.get("content") or None

    def _block(self, tag: str) -> None:
        if tag in _PARAGRAPH_TAGS and not self._list_depth:
            self._flush()
            if self.lines and self.lines[-1]:
                self.lines.append("")
        elif tag in _LINE_TAGS:
            self._flush()

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text == "•":  # a list item whose text starts inside a nested block
            return
        self._parts = []
        if text:
            self.lines.append(text)


def _read_page(html: str) -> _PageReader:
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader


def html_to_text(html: str) -> str:
    """The readable text of a page: one block per line, "• item" for list items, a blank line
    between paragraphs and lists; scripts, styles, navigation and sidebars dropped."""
    return "\n".join(_read_page(html).lines).strip()


_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|p|div|span|h[1-6]|ul|ol|li|br|a|article|section|"
    r"table|tr|td|iframe|img|strong|em|b|i|figure|meta)\b[^<>]*)>",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """True for a page's HTML (a doctype, or at least three HTML tags)."""
    head = text[:100_000]
    if re.match(r"\s*<(?:!doctype|html)\b", head, re.I):
        return True
    return len(_HTML_TAG.findall(head)) >= 3


# --------------------------------------------------------------------------------------------
# Lines of text

_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_BULLET = re.compile(r"^(?:[•·▪◦●○■□➤►▸‣⁃∙]\s*|[*+\-–—]\s+|\d{1,2}[.)]\s+)(?=\S)")
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


def _normalize(text: str) -> str:
    """CRLF, tabs, odd spaces, invisible characters and smart quotes made plain."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_QUOTES)
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", _SPACES.sub(" ", text)))


def _heading_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    sep = r"\s*(?:/|&|\+|and)\s*"
    disc = r"(?:blu-?ray|4k|uhd|dvd|release|disc)"
    table = (
        ("style_direction", rf"style{sep}direction|direction{sep}style"),
        ("music_audio", rf"music{sep}(?:audio|sound)(?:\s+effects)?|music|soundtrack|score"),
        ("acting_characters", rf"acting{sep}characters?|acting|performances|characters"),
        ("synopsis", r"synopsis|plot(?:\s+summary)?|(?:the\s+)?story"),
        (
            "release_conclusion",
            rf"(?:conclusion|verdict)\b.*\b{disc}(?:\s+review)?|{disc}\s+"
            r"(?:conclusion|verdict)",
        ),
        (
            "film_conclusion",
            r"(?:conclusion|verdict)\b.*\b(?:film|movie)(?:\s+review)?|"
            r"(?:film|movie)\s+(?:conclusion|verdict)",
        ),
        ("extras", r"(?:special|bonus)\s+features|(?:blu-?ray\s+|disc\s+)?extras|bonus\s+material"),
        (
            "rating",
            r"(?:popcorn\s+cinema\s+)?ratings?(?:\s*[:\-–]\s*.+\(\d{4}\))?|"
            r"popcorn\s+cinema\s+rating\b.*",
        ),
        ("trailer", r"(?:.+\(\d{4}\)\s+|official\s+|the\s+)?trailer"),
        ("box", r"what\s+do\s+you\s+think"),
        ("pros", r"pros|the\s+good|positives|good\s+points|what\s+(?:i|we)\s+liked"),
        ("cons", r"cons|the\s+bad|negatives|bad\s+points|what\s+(?:i|we)\s+didn't\s+like"),
        ("other", r"where\s+to\s+(?:watch|buy|stream)\b.*|trivia|cast(?:\s+list)?|starring"),
    )
    return tuple((kind, re.compile(pattern, re.I)) for kind, pattern in table)


_HEADINGS = _heading_patterns()
_REVIEW_SECTIONS = ("style_direction", "music_audio", "acting_characters")


def _heading_kind(text: str) -> str | None:
    key = text.strip().rstrip(" :?!.-–").strip()
    if not key or len(key) > 100:
        return None
    return next((kind for kind, pattern in _HEADINGS if pattern.fullmatch(key)), None)


def _is_short(text: str) -> bool:
    """A line that is not a sentence: a caption, an unknown heading or an unbulleted item."""
    tail = text.rstrip("\"')]")
    return len(text) <= 100 and len(text.split()) <= 12 and not tail.endswith(tuple(".!?,;…"))


@dataclass(frozen=True)
class _Line:
    text: str
    kind: str  # blank | bullet | heading | short | para
    heading: str | None = None


def _classify(raw: str) -> _Line:
    text = " ".join(raw.split())
    text = _MARKDOWN_BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"^#{1,6}\s+", "", text)
    if not text:
        return _Line("", "blank")
    bullet = _BULLET.match(text)
    if bullet:
        return _Line(text[bullet.end() :].strip(), "bullet")
    kind = _heading_kind(text)
    if kind:
        return _Line(text, "heading", kind)
    return _Line(text, "short" if _is_short(text) else "para")


# --------------------------------------------------------------------------------------------
# Labelled lines ("Genre: Drama", "UK Rating 18", "Blu-ray Picture: GOOD")

_SEP = r"(?:\b|(?<=\)))\s*[:\-–]?\s*"  # "Genre: ", "Director(s): ", "UK Rating "
_KEY_TABLE = (
    ("movie_title", r"(?:movie|film)\s+title\s*[:\-–]\s*(?P<v>.+)"),
    ("description", r"(?:movie\s+|film\s+)?description\s*[:\-–]\s*(?P<v>.+)"),
    ("runtime", rf"(?:duration|running\s+time|run\s*time|length){_SEP}(?P<v>\d.*)"),
    ("genres", rf"genres?{_SEP}(?P<v>\S.*)"),
    ("directors", rf"(?:directed\s+by|director\(s\)|directors?){_SEP}(?P<v>\S.*)"),
    ("actors", r"(?:actor\(s\)|actors|starring|stars)\s*[:\-–]\s*(?P<v>\S.*)"),
    ("label", rf"(?:released\s+by|label|distributor|distributed\s+by|studio){_SEP}(?P<v>[^.]+)"),
    (
        "release_date",
        r"(?:(?P<fmt>blu-?ray|4k(?:\s+uhd)?|uhd|dvd)\s+)?"
        r"(?:release\s+date|released|release)\b(?!\s+by\b)\s*[:\-–]?\s*(?P<v>\S.*)",
    ),
    ("discs", rf"(?:discs?|number\s+of\s+discs|no\.?\s+of\s+discs){_SEP}(?P<v>\d{{1,3}})"),
    ("discs", r"(?P<v>\d{1,3})[\s-]*discs?(?:\s+set)?"),
    (
        "certificate",
        r"(?:uk\s+|bbfc\s+)*(?:age\s+)?(?:rating|certificate|cert\.?|rated|"
        rf"classification){_SEP}(?P<v>U|PG|12A?|15|18|R18|E|G|PG-13|R|NC-17)",
    ),
    ("region", rf"region(?:\s+code)?{_SEP}(?P<v>[A-C](?:\s*[,/&]\s*[A-C])*|free|all|ABC)"),
    (
        "picture",
        r"(?:blu-?ray\s+|4k\s+|uhd\s+)?(?:picture|video|image)(?:\s+(?:quality|rating))?"
        rf"{_SEP}(?!(?:rating|quality)\b)(?P<v>\S.*)",
    ),
    (
        "audio",
        r"(?:blu-?ray\s+)?(?:audio|sound)(?:\s+(?:quality|rating))?"
        rf"{_SEP}(?!(?:rating|quality)\b)(?P<v>\S.*)",
    ),
    ("extras_grade", rf"(?:extras|special\s+features)(?:\s+rating)?{_SEP}(?P<v>\S.*)"),
    (
        "film_rating",
        r"(?:(?:movie|film|overall|our)\s+(?:rating|score)|rating|score)"
        rf"{_SEP}(?P<v>[\d★☆].*)",
    ),
)
_KEYS = tuple((key, re.compile(pattern, re.I)) for key, pattern in _KEY_TABLE)
_HEADING_TITLE = {
    "film_conclusion": re.compile(
        r"(?:conclusion|verdict)\s*[:\-–]?\s*(?P<t>.+?)\s*\((?P<y>\d{4})\)", re.I
    ),
    "rating": re.compile(r".*?\brating\s*[:\-–]\s*(?P<t>.+?)\s*\((?P<y>\d{4})\)", re.I),
}
_NEVER = re.compile(r"(?!)")
_KEY_COLON = re.compile(r"^[A-Za-z][\w ()/.'-]{0,30}:\s")
_BOX_KEYS = ("movie_title", "description", "runtime", "directors", "actors", "genres")
_SUMMARY_KEYS = ("genres", "directors", "certificate", "discs", "label", "release_date", "runtime")
_TITLE_YEAR = re.compile(r"(?P<t>.+?)\s*\((?P<y>\d{4})\)")
_RATING_LABEL = re.compile(
    r"(?:movie|film|overall|blu-?ray\s+picture|blu-?ray\s+audio|picture|audio|sound|extras)"
    r"(?:\s+(?:rating|quality|score))?(?:\s*[:\-–]\s*\S.*)?",
    re.I,
)


@dataclass(frozen=True)
class _Key:
    at: int  # line index
    value: str
    line: str


def _scan_keys(lines: list[_Line]) -> dict[str, list[_Key]]:
    found: dict[str, list[_Key]] = {}
    for at, line in enumerate(lines):
        keyish = line.kind in ("bullet", "short") or (
            line.kind == "para" and _KEY_COLON.match(line.text)
        )
        if not keyish:
            continue
        for key, pattern in _KEYS:
            match = pattern.fullmatch(line.text)
            if match:
                found.setdefault(key, []).append(_Key(at, match["v"].strip(), line.text))
                break
    return found


# --------------------------------------------------------------------------------------------
# Values

_DATE_IN_TEXT = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r",?\s+\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}",
    re.I,
)
_DATE_FORMATS: tuple[str, ...] = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y-%m-%d")
_DATE_FORMATS += ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d-%m-%y", "%d.%m.%y")


def _parse_date(value: str) -> dt.date | None:
    """UK day-first: "4 July 2016", "4th July 2016", "July 4, 2016", "04/07/2016"."""
    match = _DATE_IN_TEXT.search(value)
    if not match:
        return None
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", match[0], flags=re.I)
    text = " ".join(text.replace(",", " ").replace(".", " ").split()) if " " in text else text
    text = re.sub(r"\bSept\b", "Sep", text, flags=re.I)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _parse_runtime(value: str) -> int | None:
    hours = re.search(r"(\d+)\s*(?:h|hrs?|hours?)\b", value, re.I)
    minutes = re.search(r"(\d+)\s*(?:m|mins?|minutes?)\b", value, re.I)
    if hours or minutes:
        return int(hours[1] if hours else 0) * 60 + int(minutes[1] if minutes else 0)
    plain = re.fullmatch(r"(\d+)", value.strip())
    return int(plain[1]) if plain else None


def _parse_film_rating(value: str) -> float | None:
    """ "8/10", "8 out of 10", "4/5" (-> 8.0), "4 stars", "★★★★☆", "8" -> 0-10 scale."""
    value = value.strip().rstrip(".")
    if "★" in value or "☆" in value:
        full, empty = value.count("★"), value.count("☆")
        return round(full / (full + empty if empty else 5) * FILM_RATING_MAX, 1)
    number = r"(\d+(?:\.\d+)?)"
    out_of = re.fullmatch(rf"{number}\s*(?:/|out\s+of)\s*(\d+)(?:\s*stars?)?", value, re.I)
    stars = re.fullmatch(rf"{number}\s*stars?", value, re.I)
    plain = re.fullmatch(number, value)
    if out_of:
        score, scale = float(out_of[1]), float(out_of[2])
    elif stars:
        score, scale = float(stars[1]), 5.0
    elif plain:
        score, scale = float(plain[1]), FILM_RATING_MAX
    else:
        return None
    if scale <= 0 or score > scale:
        return None
    return round(score / scale * FILM_RATING_MAX, 1)


def _split_list(value: str) -> list[str]:
    parts = re.split(r"\s*(?:,|&|/|\||;|\band\b)\s*", value)
    return [part.strip(" .") for part in parts if part.strip(" .")]


def _same_list(a: list[str], b: list[str]) -> bool:
    return sorted(x.casefold() for x in a) == sorted(x.casefold() for x in b)


# People's names in prose: "composed by Anthony Marinelli & Mike Figgis"
_WORD = r"(?:[A-Z]\.){1,3}|[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'\-]+"
_PARTICLE = r"(?:van|von|de|der|den|del|della|da|di|du|le|la)"
_NAME = rf"(?:{_WORD})(?: +(?:{_PARTICLE} +)?(?:{_WORD})){{0,3}}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*)"
_FULL_NAME = re.compile(rf"(?:{_WORD})(?: +(?:{_PARTICLE} +)?(?:{_WORD})){{1,3}}")


_Patterns = tuple[re.Pattern[str], ...]


def _crew_patterns(*leads: str) -> _Patterns:
    return tuple(re.compile(rf"(?i:{lead})\s+{_NAMES}") for lead in leads)


_VERB = (
    r"(?:is\s+|was\s+|are\s+|were\s+)?(?:composed|written|provided|handled|done|created|courtesy)"
)
_CINEMATOGRAPHY_STRONG = _crew_patterns(
    rf"(?:cinematography|photography|camera\s*work)\s+(?:{_VERB}\s+)?(?:is\s+|was\s+)?(?:by|of|from)",
    r"(?:director\s+of\s+photography|cinematographer|DoP)\s*(?:is|was|:|,)?",
)
_CINEMATOGRAPHY_WEAK = _crew_patterns(r"(?:shot|lensed|photographed)\s+by")
_MUSIC_STRONG = _crew_patterns(
    rf"(?:music|score|soundtrack)\s+(?:{_VERB}\s+)?(?:is\s+|was\s+)?(?:by|of)",
    r"composers?\s*(?:is|are|was|were|:|,)?",
)
_MUSIC_WEAK = _crew_patterns(r"(?:composed|scored)\s+by")

_COUNTRY = re.compile(
    r"\b(?:blu-?ray|4k|uhd|dvd|released?|release|out)\b[^.\n]{0,40}?\b(?:in|for)\s+the\s+"
    r"(?P<c>(?-i:UK|US|USA)|U\.K\.|U\.S\.|United\s+Kingdom|United\s+States)\b"
    r"|\b(?P<c2>(?-i:UK|US))\s+(?:blu-?ray|4k|uhd|dvd|release)\b",
    re.I,
)
_URL = re.compile(r"https?://[^\s<>\"'\])]+")
_AFFILIATE = re.compile(r"\baffiliate\b|\bassociate\s+links?\b", re.I)
_LEADS_ELSEWHERE = re.compile(
    r"^if you (?:enjoyed|liked)\b|\byou (?:may|might) (?:also )?(?:want to )?"
    r"(?:check out|like|enjoy)\b.*:$",
    re.I,
)


def _youtube_watch_url(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if host == "youtu.be":
        video = parts.path.strip("/")
    elif host in ("youtube.com", "youtube-nocookie.com"):
        embed = re.match(r"/(?:embed|shorts|v)/([\w-]+)", parts.path)
        video = embed[1] if embed else (parse_qs(parts.query).get("v") or [""])[0]
    else:
        return None
    return f"https://www.youtube.com/watch?v={video}" if re.fullmatch(r"[\w-]+", video) else None


# --------------------------------------------------------------------------------------------
# The article


class _Article:
    """One article's lines, and a method per part of the template."""

    def __init__(self, text: str, warn: Callable[[str], None], headline: str | None) -> None:
        self.lines = [_classify(raw) for raw in _normalize(text).split("\n")]
        self.text = "\n".join(line.text for line in self.lines)
        self.warn = warn
        self.keys = _scan_keys(self.lines)
        self.headline_at = self._find_headline(headline)
        self.first_heading = next(
            (i for i, line in enumerate(self.lines) if line.kind == "heading"), len(self.lines)
        )
        self.box_at = self._box_start()

    # ---- navigation

    def heading(self, kind: str, start: int = 0, stop: int | None = None) -> int | None:
        stop = len(self.lines) if stop is None else stop
        return next(
            (i for i in range(start, stop) if self.lines[i].heading == kind),
            None,
        )

    def keys_of(self, key: str, start: int = 0, stop: int | None = None) -> list[_Key]:
        stop = len(self.lines) if stop is None else stop
        return [k for k in self.keys.get(key, []) if start <= k.at < stop]

    def paragraphs(self, start: int, *, skip_captions: bool = False) -> list[str]:
        """The sentences from `start` up to the next heading, list, short line or link list."""
        found: list[str] = []
        for line in self.lines[start:]:
            if line.kind == "blank" or (skip_captions and line.kind == "short" and not found):
                continue
            if line.kind != "para" or _LEADS_ELSEWHERE.search(line.text):
                break
            found.append(line.text)
        return found

    def list_at(self, start: int, *, blank_ends: bool = False) -> tuple[list[str], int]:
        """The list starting at the first non-blank line from `start`: bullet lines (blank lines
        between items allowed unless `blank_ends`) or, without bullets, consecutive short lines.
        Returns the items and the index after the list."""
        i = start
        while i < len(self.lines) and self.lines[i].kind == "blank":
            i += 1
        if i >= len(self.lines) or self.lines[i].kind not in ("bullet", "short"):
            return [], i
        kind, items = self.lines[i].kind, []
        while i < len(self.lines):
            line = self.lines[i]
            if line.kind == kind:
                items.append(line.text)
            elif line.kind != "blank" or kind == "short" or blank_ends or not self._more(i, kind):
                break
            i += 1
        return items, i

    def _more(self, blank: int, kind: str) -> bool:
        """Whether the list goes on after the blank line at `blank`."""
        for line in itertools.islice(self.lines, blank + 1, None):
            if line.kind != "blank":
                return line.kind == kind
        return False

    def lists(self, start: int = 0) -> list[tuple[int, list[str]]]:
        """Every list of the article (bullets, or two or more short lines) from `start`."""
        found, i = [], start
        while i < len(self.lines):
            if self.lines[i].kind in ("bullet", "short"):
                items, end = self.list_at(i)
                if self.lines[i].kind == "bullet" or len(items) >= 2:
                    found.append((i, items))
                i = max(end, i + 1)
            else:
                i += 1
        return found

    def _find_headline(self, hint: str | None) -> int | None:
        if hint:
            wanted = " ".join(_normalize(hint).split())
            for i, line in enumerate(self.lines):
                if line.text == wanted:
                    return i
        return next((i for i, line in enumerate(self.lines) if line.kind != "blank"), None)

    def _box_start(self) -> int | None:
        """The review box at the end ("What Do You Think?" / "Movie title: ...")."""
        after = self.heading("release_conclusion") or 0
        marks = [k.at for k in self.keys_of("movie_title", after)]
        box = self.heading("box", after)
        if box is not None:
            marks.append(box)
        return min(marks) if marks else None

    # ---- the film

    def title_year(self) -> tuple[str, int] | None:
        found: list[tuple[str, str, int]] = []  # (where, title, year)
        for key in self.keys_of("movie_title"):
            match = _TITLE_YEAR.fullmatch(key.value)
            if match:
                found.append(("review box", match["t"], int(match["y"])))
        summary = self.summary_title()
        if summary:
            found.append(("summary list", *summary))
        for line in self.lines:
            match = _HEADING_TITLE.get(line.heading or "", _NEVER).match(line.text)
            if match:
                found.append((f"heading {line.text!r}", match["t"], int(match["y"])))
        if not found:
            return None
        _, title, year = found[0]
        for where, other_title, other_year in found[1:]:
            if (other_title.casefold(), other_year) != (title.casefold(), year):
                self.warn(
                    f"the {where} names the film {other_title!r} ({other_year}) — used "
                    f"{title!r} ({year})"
                )
                break
        return title, year

    def summary_title(self) -> tuple[str, int] | None:
        """The first item of the summary list: "Leaving Las Vegas (1995)"."""
        for line in self.lines[: self.first_heading]:
            if line.kind in ("bullet", "short") and not _KEY_COLON.match(line.text):
                match = _TITLE_YEAR.fullmatch(line.text)
                if match:
                    return match["t"], int(match["y"])
        return None

    def summary_span(self) -> tuple[int, int] | None:
        """First and last line of the summary list, before the first section heading."""
        hits = [k.at for key in _SUMMARY_KEYS for k in self.keys_of(key, 0, self.first_heading)]
        for i, line in enumerate(self.lines[: self.first_heading]):
            if line.kind in ("bullet", "short") and _TITLE_YEAR.fullmatch(line.text):
                hits.append(i)
        if not hits:
            return None
        first, last = min(hits), max(hits)
        while last + 1 < self.first_heading and self.lines[last + 1].kind == "bullet":
            last += 1
        return first, last

    def preferred(self, key: str, what: str, parse: Callable[[str], Any]) -> Any:
        """A fact given in the summary list and/or the review box: the box's (last) wins;
        a different value elsewhere is reported."""
        values = [(k.value, parse(k.value)) for k in self.keys_of(key)]
        values = [(raw, parsed) for raw, parsed in values if parsed not in (None, [])]
        if not values:
            return None
        raw, chosen = values[-1]
        for other_raw, other in values[:-1]:
            same = _same_list(other, chosen) if isinstance(chosen, list) else other == chosen
            if not same:
                self.warn(f"two different {what}: {other_raw!r} and {raw!r} — used the second")
                break
        return chosen

    def first_value(self, key: str, what: str, parse: Callable[[str], Any]) -> Any:
        for k in self.keys_of(key):
            value = parse(k.value)
            if value is not None:
                return value
            self.warn(f"{what} {k.value!r} not understood — not used")
        return None

    def cast(self) -> list[dict[str, str | None]]:
        """The first list whose items are mostly "Name as Character"."""
        for _, items in self.lists():
            members = [_cast_member(item) for item in items]
            with_character = sum(1 for m in members if m is not None and m["character"])
            if len(items) < 2 or with_character * 3 < len(items) * 2:
                continue
            for item, member in zip(items, members, strict=True):
                if member is None:
                    self.warn(f"cast list item {item!r} is not 'Name as Character' — skipped")
            return [m for m in members if m is not None]
        actors = self.keys_of("actors")
        if actors:
            self.warn(f"no cast list; the review box names {actors[-1].value!r} — not used")
        return []

    def crew(self, strong: _Patterns, weak: _Patterns, section: str | None) -> list[str]:
        """Names after "cinematography is handled by" / "the music is composed by": the
        section's text first (any pattern), then the whole article (strong patterns only)."""
        for text, patterns in ((section or "", strong + weak), (self.text, strong)):
            for pattern in patterns:
                match = pattern.search(text)
                if match:
                    return _split_list(match["names"])
        return []

    def fix_names(self, names: list[str], role: str, known: list[str]) -> list[str]:
        """A name given once that is a typo or truncation of a person named elsewhere in the
        article ("Mike Figgi" -> "Mike Figgis") is replaced by that person."""
        pool = list(dict.fromkeys(known + [m[0] for m in _FULL_NAME.finditer(self.text)]))
        fixed = []
        for name in names:
            mentions = len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", self.text))
            match = None
            if name not in known and mentions <= 1:
                match = next((p for p in pool if p != name and _close_names(name, p)), None)
            if match:
                self.warn(f"{role} {name!r} read as {match!r} (named elsewhere in the article)")
            fixed.append(match or name)
        return list(dict.fromkeys(fixed))

    # ---- the review

    def section(self, kind: str) -> list[str]:
        at = self.heading(kind)
        return self.paragraphs(at + 1) if at is not None else []

    def intro(self) -> list[str]:
        return self.paragraphs(self.headline_at + 1) if self.headline_at is not None else []

    def synopsis(self) -> list[str]:
        heading = self.section("synopsis")
        if heading:
            return heading
        span = self.summary_span()
        return self.paragraphs(span[1] + 1, skip_captions=True) if span else []

    def extras(self) -> list[str]:
        """The list after an "Extras"/"Special Features" heading, or else the list right after
        the release conclusion's paragraphs."""
        at = self.heading("extras", 0, self.box_at)
        if at is None:
            at = self.heading("release_conclusion")
            if at is None:
                return []
            at += 1
            while at < len(self.lines) and self.lines[at].kind in ("para", "blank"):
                at += 1
            if at < len(self.lines) and self.lines[at].heading == "extras":
                at += 1
            if at < len(self.lines) and self.lines[at].kind == "short":
                items, _ = self.list_at(at)
                items = [item for item in items if not _RATING_LABEL.fullmatch(item)]
                return items if len(items) >= 2 else []
        else:
            at += 1
        items, _ = self.list_at(at)
        return [item for item in items if not _RATING_LABEL.fullmatch(item)]

    def verdict_pros_cons(self) -> tuple[str | None, list[str], list[str]]:
        pros_at, cons_at = self.heading("pros"), self.heading("cons")
        labelled = (
            self.list_at(pros_at + 1, blank_ends=True)[0] if pros_at is not None else [],
            self.list_at(cons_at + 1, blank_ends=True)[0] if cons_at is not None else [],
        )
        if self.box_at is None:
            return None, *labelled
        i = max(
            [k.at for key in _BOX_KEYS for k in self.keys_of(key, self.box_at)] or [self.box_at]
        )
        i += 1
        while i < len(self.lines) and (
            self.lines[i].kind == "blank" or _RATING_LABEL.fullmatch(self.lines[i].text)
        ):
            i += 1
        verdict = None
        if i < len(self.lines) and self.lines[i].kind in ("para", "short"):
            verdict = re.sub(
                r"^(?:verdict|summary|in short)\s*:\s*", "", self.lines[i].text, flags=re.I
            )
            i += 1
        if any(labelled):
            return verdict, *labelled
        pros, cons = self._two_lists(i)
        return verdict, pros, cons

    def _two_lists(self, start: int) -> tuple[list[str], list[str]]:
        pros, end = self.list_at(start, blank_ends=True)
        if not pros:
            return [], []
        cons, _ = self.list_at(end, blank_ends=True)
        if not cons:
            self.warn(
                f"only one list after the verdict ({len(pros)} items): the pros and cons "
                "could not be told apart (no blank line between them?) — not used"
            )
            return [], []
        return pros, cons

    def film_conclusion(self) -> list[str]:
        return self.section("film_conclusion")

    def release_conclusion(self) -> tuple[list[str], str | None]:
        """The release conclusion, and its last paragraph if that is the recommendation."""
        paragraphs = self.section("release_conclusion")
        if paragraphs and re.search(r"\brecommend", paragraphs[-1], re.I):
            recommendation = paragraphs[-1]
            return (paragraphs[:-1] or paragraphs), recommendation
        return paragraphs, None

    def ratings(self) -> dict[str, Any]:
        ratings: dict[str, Any] = {}
        for aspect, key in (("picture", "picture"), ("audio", "audio"), ("extras", "extras_grade")):
            for k in self.keys_of(key):
                try:
                    ratings[aspect] = Grade.parse(k.value)
                    break
                except ValueError:
                    if ":" in k.line and key != "extras_grade":
                        self.warn(
                            f"{aspect} rating {k.value!r} is not on the word scale — not used"
                        )
        for k in self.keys_of("film_rating"):
            score = _parse_film_rating(k.value)
            if score is None:
                self.warn(f"film rating {k.value!r} not understood — not used")
                continue
            ratings["film"] = score
            break
        return ratings

    def country(self) -> str | None:
        found = []
        for match in _COUNTRY.finditer(self.text):
            token = (match["c"] or match["c2"]).replace(".", "").casefold()
            found.append("UK" if token in ("uk", "united kingdom") else "US")
        if len(set(found)) > 1:
            countries = " and ".join(dict.fromkeys(found))
            self.warn(f"the article mentions releases in {countries} — used {found[0]}")
        return found[0] if found else None


def _cast_member(item: str) -> dict[str, str | None] | None:
    """ "Nicolas Cage as Ben Sanderson" (also "Name - Character", "Name (Character)")."""
    match = re.fullmatch(r"(?P<name>.+?)\s+(?:as|-|–|—|\.\.\.)\s+(?P<char>.+)", item, re.I)
    match = match or re.fullmatch(r"(?P<name>[^()]+?)\s*\((?P<char>[^()]+)\)", item)
    name = (match["name"] if match else item).strip()
    character = match["char"].strip() if match else None
    if not re.match(r"[A-Z]", name) or len(name.split()) > 5 or name.endswith((".", ":")):
        return None
    if character is not None and not re.search(r"[^\W\d_]", character):
        return None  # "Leaving Las Vegas (1995)" is no cast member
    return {"name": name, "character": character}


def _close_names(name: str, other: str) -> bool:
    """Same person: all words equal but one, which is a truncation or one-letter typo of the
    other's (same first two letters)."""
    a, b = name.split(), other.split()
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x.casefold() != y.casefold()]
    if len(differ) != 1:
        return False
    x, y = (w.casefold() for w in differ[0])
    if min(len(x), len(y)) < 3 or x[:2] != y[:2]:
        return False
    return y.startswith(x) or x.startswith(y) or Levenshtein.distance(x, y) <= 1


# --------------------------------------------------------------------------------------------
# Parsing


_EXPECTED = (
    "film.genres", "film.certificate", "film.runtime_min", "film.description", "film.synopsis",
    "film.directors", "film.cinematographers", "film.composers", "film.cast",
    "release.label", "release.release_date", "release.country", "release.discs", "release.extras",
    "review.headline", "review.intro", "review.sections.style_direction",
    "review.sections.music_audio", "review.sections.acting_characters", "review.film_conclusion",
    "review.release_conclusion", "review.ratings.film", "review.ratings.picture",
    "review.ratings.audio", "review.ratings.extras", "review.verdict", "review.pros",
    "review.cons", "review.recommendation", "review.purchase_links", "review.trailer",
)  # fmt: skip
_TEMPLATE_PARTS = (
    "film.genres", "film.directors", "film.runtime_min", "film.certificate", "film.cast",
    "release.label", "release.release_date", "release.discs", "release.extras",
    "review.sections.style_direction", "review.sections.music_audio",
    "review.sections.acting_characters", "review.film_conclusion", "review.release_conclusion",
    "review.ratings.picture", "review.ratings.audio", "review.verdict",
)  # fmt: skip


@dataclass
class _Links:
    urls: list[str] = field(default_factory=list)
    canonical: str | None = None
    published: str | None = None


def _check_text(text: str, source: str) -> None:
    if not text.strip():
        raise RecordError(source, "the article is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise RecordError(source, f"the article is over {MAX_ARTICLE_CHARS:,} characters")
    sample = text[:20_000]
    odd = sum(
        1
        for ch in sample
        if ch == "\ufffd"
        or (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\r\t\x0b\x0c")
    )
    if "\x00" in sample or odd > len(sample) * 0.01:
        raise RecordError(
            source, "this is not text (binary data?) — paste the article's text or HTML"
        )
    yaml_film = re.search(r"^film:\s*$", text, re.M) and re.search(r"^\s+title:", text, re.M)
    if re.search(r"^schema:\s*\d+\s*$", text, re.M) or yaml_film:
        raise RecordError(
            source, "this is a YAML record, not an article — attach it as a .yaml file"
        )


def _join(paragraphs: list[str]) -> str | None:
    return "\n\n".join(paragraphs) or None


def _film(article: _Article, title: str, year: int) -> dict[str, Any]:
    directors = article.preferred("directors", "director lists", _split_list) or []
    cast = article.cast()
    actors = [a for k in article.keys_of("actors") for a in _split_list(k.value)]
    known = list(dict.fromkeys(directors + [m["name"] for m in cast] + actors))
    style = _join(article.section("style_direction"))
    music = _join(article.section("music_audio"))
    photography = article.crew(_CINEMATOGRAPHY_STRONG, _CINEMATOGRAPHY_WEAK, style)
    composers = article.crew(_MUSIC_STRONG, _MUSIC_WEAK, music)
    return {
        "title": title,
        "year": year,
        "genres": article.preferred("genres", "genre lists", _split_list) or [],
        "certificate": article.first_value("certificate", "certificate", str.upper),
        "runtime_min": article.first_value("runtime", "running time", _parse_runtime),
        "description": article.preferred("description", "descriptions", str.strip),
        "synopsis": _join(article.synopsis()),
        "directors": directors,
        "cinematographers": article.fix_names(photography, "cinematographer", known),
        "composers": article.fix_names(composers, "composer", known),
        "cast": cast,
    }


def _release(article: _Article) -> dict[str, Any]:
    dates = article.keys_of("release_date")
    fmt = (dates[0].line if dates else "").casefold()
    return {
        "format": "4K UHD Blu-ray" if re.search(r"\b(?:4k|uhd)\b", fmt) else "Blu-ray",
        "label": article.first_value("label", "label", str.strip),
        "release_date": article.first_value("release_date", "release date", _parse_date),
        "country": article.country(),
        "region": article.first_value(
            "region", "region", lambda v: v.upper() if len(v) <= 3 else v.title()
        ),
        "discs": article.first_value("discs", "number of discs", int),
        "extras": article.extras(),
    }


def _review(article: _Article, links: _Links) -> dict[str, Any]:
    verdict, pros, cons = article.verdict_pros_cons()
    release_conclusion, recommendation = article.release_conclusion()
    headline = article.lines[article.headline_at].text if article.headline_at is not None else None
    return {
        "headline": headline,
        "url": links.canonical if links.canonical and links.canonical.startswith("http") else None,
        "published": _parse_date(links.published or ""),
        "intro": _join(article.intro()),
        "sections": {kind: _join(article.section(kind)) for kind in _REVIEW_SECTIONS},
        "film_conclusion": _join(article.film_conclusion()),
        "release_conclusion": _join(release_conclusion),
        "ratings": article.ratings(),
        "verdict": verdict,
        "pros": pros,
        "cons": cons,
        "recommendation": recommendation,
        **_shop_and_trailer(article, links),
    }


def _shop_and_trailer(article: _Article, links: _Links) -> dict[str, Any]:
    in_text = [url.rstrip(".,;:!?") for url in _URL.findall(article.text)]
    urls = list(dict.fromkeys(links.urls + in_text))
    # The page's own disclosure covers all its shop links; Amazon's pay the site in any case.
    disclosed = bool(_AFFILIATE.search(article.text))
    shops = [
        {"retailer": known_retailer(u), "url": u, "affiliate": disclosed or is_affiliate_shop(u)}
        for u in urls
        if known_retailer(u)
    ]
    if len(shops) > 10:
        article.warn(f"{len(shops)} shop links — kept the first 10")
    trailers = [w for w in map(_youtube_watch_url, urls) if w]
    return {
        "purchase_links": [s for s in shops if s["url"].startswith(("http://", "https://"))][:10],
        "trailer": {"url": trailers[0]} if trailers else None,
    }


def _missing(record: Record) -> tuple[str, ...]:
    missing = []
    for path in _EXPECTED:
        value: Any = record
        for part in path.split("."):
            value = getattr(value, part, None)
        if value is None or value == [] or value == "":
            missing.append(path)
    return tuple(missing)


class NotAReview(RecordError):
    """The text is readable but is not a review in the site's template (a news post, a list):
    a WordPress import skips it and counts it rather than failing."""


def parse_article(text: str, source: str = "article") -> ParsedArticle:
    """A review article in the site's template (plain text or the page's HTML) as a validated
    record. Raises RecordError(source, problem) when it is not such an article (NotAReview) or
    the facts read from it do not validate."""
    _check_text(text, source)
    links, headline = _Links(), None
    if looks_like_html(text):
        page = _read_page(text)
        text, headline = "\n".join(page.lines), page.h1
        links = _Links(page.links, page.canonical, page.published)
    return read_article_lines(
        text,
        source,
        headline=headline,
        links=links.urls,
        canonical=links.canonical,
        published=links.published,
    )


def read_article_lines(
    text: str,
    source: str,
    *,
    headline: str | None = None,
    links: list[str] | None = None,
    canonical: str | None = None,
    published: str | None = None,
) -> ParsedArticle:
    """The template read from the article's text structure: one block per line, "• item" for
    list items, a blank line between paragraphs. `links` are the page's <a href>/<iframe src>
    (shops become purchase links, a YouTube video the trailer). An HTML reader that knows the
    page's structure (bot.records.wordpress) builds these lines from the DOM."""
    warnings: list[str] = []
    article = _Article(text, warnings.append, headline)
    found = article.title_year()
    if found is None:
        raise NotAReview(
            source,
            "no film title and year found — not a review article in the site's template "
            "(expected e.g. 'Movie title: Leaving Las Vegas (1995)')",
        )
    title, year = found
    data = {"film": _film(article, title, year), "release": _release(article)}
    data["review"] = _review(article, _Links(list(links or []), canonical, published))
    try:
        record = Record.model_validate(data)
    except ValidationError as exc:
        raise RecordError(source, describe_validation_error(exc), record=repr(title)) from None
    missing = _missing(record)
    if sum(part not in missing for part in _TEMPLATE_PARTS) < 2:
        raise NotAReview(
            source,
            f"found {title!r} ({year}) but almost nothing of the review template (summary list, "
            "sections, ratings, review box) — not a review article",
        )
    return ParsedArticle(record=record, missing=missing, warnings=tuple(dict.fromkeys(warnings)))


__all__ = [
    "NotAReview",
    "ParsedArticle",
    "html_to_text",
    "looks_like_html",
    "parse_article",
    "read_article_lines",
]
