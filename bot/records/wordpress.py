"""A WordPress post of the site as a review record.

The post's HTML (a WXR export's `content:encoded`, the REST API's `content.rendered`, or the
whole page) is read with a real HTML parser (selectolax) on its structure: headings (<h2>...),
list items (<li>), paragraphs (<p>, or blank lines in classic-editor content), the review
plugin's box ("What Do You Think?": `Movie title:` ... details, `.review-summary` verdict,
`.review-pros` / `.review-cons` lists). That structure becomes the lines the article parser
(bot.records.article) reads its fields from, so a post and a pasted text article give the same
record. The post's links come from the DOM: `<a href>` to retailers become purchase links, the
embedded YouTube video (iframe src, or the bare URL of a WordPress embed block) the trailer.
The post's URL, author, publication date and featured image go into `review.url`,
`review.author`, `review.published` and `review.cover_url`.

Where the post carries schema.org JSON-LD (Review / Movie: ratingValue, director, actor,
duration), a fact the text does not give is taken from it, and one the text gives differently
is kept from the text with a warning.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from selectolax.lexbor import LexborHTMLParser, LexborNode

from bot.records.article import NotAReview, read_article_lines
from bot.records.files import RecordError, describe_validation_error
from bot.records.ratings import FILM_RATING_MAX
from bot.records.schema import Record

MAX_POST_CHARS = 1_000_000


@dataclass(frozen=True)
class WordPressPost:
    """One post, as a WXR export, the REST API or the RSS feed gives it."""

    url: str
    title: str
    html: str
    author: str | None
    published: dt.datetime | None
    modified: dt.datetime | None
    cover_url: str | None
    status: str = "publish"
    post_id: int | None = None


@dataclass(frozen=True)
class PostReading:
    """What a post is: a review record (with warnings), or not a review (`skipped`: why)."""

    record: Record | None
    warnings: tuple[str, ...] = ()
    skipped: str | None = None


# --------------------------------------------------------------------------------------------
# The post's structure as lines

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "canvas", "nav", "footer"}
_SKIP_TAGS |= {"aside", "form", "button", "select", "object", "head", "title", "iframe"}
_SKIP_CLASSES = re.compile(
    r"(?:^|\s)(?:sidebar|widget-area|comments|comments-area|comment-respond|sharedaddy|"
    r"jp-relatedposts|site-header|site-footer|main-navigation|review-criteria)(?:\s|$)",
    re.I,
)
_HEADING_TAGS = {f"h{n}" for n in range(1, 7)}
_LIST_TAGS = {"ul", "ol"}
_INLINE_TAGS = {"a", "span", "strong", "b", "em", "i", "u", "small", "mark", "abbr", "cite"}
_INLINE_TAGS |= {"code", "sup", "sub", "time", "q", "s", "del", "ins", "font", "label", "img"}
_YOUTUBE = re.compile(r"https?://(?:www\.|m\.)?(?:youtube\.com|youtu\.be)/\S+", re.I)


@dataclass
class _Lines:
    """The post's text, built from its DOM: what read_article_lines reads."""

    lines: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        self.parts = []
        if text:
            self.lines.append(text)

    def blank(self) -> None:
        self.flush()
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def line(self, text: str) -> None:
        self.flush()
        text = " ".join(text.split())
        if text:
            self.lines.append(text)


def _classes(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}"


def _children(node: LexborNode) -> Iterator[LexborNode]:
    yield from node.iter(include_text=True)


MAX_DEPTH = 100  # deeper elements are read as plain text (no recursion on hostile nesting)


def _inline_text(node: LexborNode, out: _Lines, depth: int = 0) -> str:
    """The text of an element's inline content (links noted; <br> as a space)."""
    if depth > MAX_DEPTH:
        return node.text(deep=True) or ""
    parts: list[str] = []
    for child in _children(node):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag == "br":
            parts.append(" ")
        elif tag in _SKIP_TAGS or _SKIP_CLASSES.search(_classes(child)):
            _note_links(child, out)
        elif tag not in ("-comment", "_comment"):
            if tag == "a" and child.attributes.get("href"):
                out.links.append(child.attributes["href"] or "")
            parts.append(_inline_text(child, out, depth + 1))
    return "".join(parts)


def _note_links(node: LexborNode, out: _Lines) -> None:
    """Links inside a skipped element: only an embedded video counts (the trailer)."""
    for frame in [node, *node.css("iframe")]:
        src = frame.attributes.get("src") or ""
        if frame.tag == "iframe" and _YOUTUBE.match(src):
            out.links.append(src)


def _walk(node: LexborNode, out: _Lines, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        out.line(node.text(deep=True) or "")
        return
    for child in _children(node):
        tag = child.tag
        if tag == "-text":
            # Classic-editor content: paragraphs are separated by blank lines, lines by \n.
            text = child.text_content or ""
            chunks = re.split(r"\n[ \t]*\n", text)
            for i, chunk in enumerate(chunks):
                if i:
                    out.blank()
                out.parts.append(chunk)
            continue
        if tag in ("-comment", "_comment"):
            continue
        classes = _classes(child)
        if tag in _SKIP_TAGS or _SKIP_CLASSES.search(classes):
            _note_links(child, out)
            continue
        if tag == "br":
            out.flush()
        elif tag in _INLINE_TAGS:
            if tag == "a" and child.attributes.get("href"):
                out.links.append(child.attributes["href"] or "")
            out.parts.append(_inline_text(child, out))
        elif tag in _HEADING_TAGS:
            out.blank()
            out.line(_inline_text(child, out))
            out.blank()
        elif tag in _LIST_TAGS:
            out.blank()
            for item in child.iter():
                if item.tag != "li":
                    continue
                out.line("• " + _inline_text(_without_lists(item), out))
                for nested in item.iter():
                    if nested.tag in _LIST_TAGS:
                        _walk_list(nested, out)
            out.blank()
        elif "wp-block-embed" in classes:
            out.blank()
            wrapper = _inline_text(child, out)
            out.links.extend(_YOUTUBE.findall(wrapper))
            _note_links(child, out)
            out.blank()
        elif re.search(r"(?:^|\s)review-pros(?:\s|$)", classes):
            out.blank()
            out.line("Pros")
            _walk(child, out, depth + 1)
        elif re.search(r"(?:^|\s)review-cons(?:\s|$)", classes):
            out.blank()
            out.line("Cons")
            _walk(child, out, depth + 1)
        elif tag == "p":
            out.blank()
            out.parts.append(_inline_text(child, out))
            out.blank()
        else:  # a block: div, figure, section, figcaption, table ...
            out.flush()
            _walk(child, out, depth + 1)
            out.flush()


def _without_lists(item: LexborNode) -> LexborNode:
    """A copy of a list item without its nested lists (read separately)."""
    copy = LexborHTMLParser(item.html or "").css_first("li")
    assert copy is not None
    for nested in copy.css("ul, ol"):
        nested.decompose()
    return copy


def _walk_list(node: LexborNode, out: _Lines) -> None:
    for item in node.iter():
        if item.tag == "li":
            out.line("• " + _inline_text(_without_lists(item), out))


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    """The post's content: `.entry-content` of a whole page, else the body."""
    return tree.css_first(".entry-content") or tree.css_first("article") or tree.body


def post_lines(html: str) -> tuple[list[str], list[str]]:
    """The post's text lines (as read_article_lines reads them) and its links, in page order."""
    tree = LexborHTMLParser(html)
    root = _content_root(tree)
    out = _Lines()
    if root is not None:
        _walk(root, out)
    out.flush()
    while out.lines and not out.lines[-1]:
        out.lines.pop()
    return out.lines, list(dict.fromkeys(link.strip() for link in out.links if link.strip()))


# --------------------------------------------------------------------------------------------
# schema.org JSON-LD


def _ld_objects(tree: LexborHTMLParser) -> Iterator[dict[str, Any]]:
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                for key in ("@graph", "itemReviewed"):
                    if key in item:
                        stack.append(item[key])


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return set(kind) if isinstance(kind, list) else {str(kind)}


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return names


def _iso_minutes(value: Any) -> int | None:
    """ISO 8601 duration "PT1H51M" / "PT111M" in minutes."""
    match = re.fullmatch(r"P(?:T(?:(\d+)H)?(?:(\d+)M)?(?:\d+S)?)", str(value or "").strip())
    if not match or not (match[1] or match[2]):
        return None
    return int(match[1] or 0) * 60 + int(match[2] or 0)


def _number(value: Any) -> float | None:
    try:
        return float(str(value).strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class JsonLdFacts:
    rating: float | None = None  # on the film rating's scale (out of FILM_RATING_MAX)
    directors: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    runtime_min: int | None = None


def json_ld_facts(html: str) -> JsonLdFacts:
    """The Review / Movie facts of a page's schema.org JSON-LD (empty when there is none)."""
    tree = LexborHTMLParser(html)
    rating: float | None = None
    directors: list[str] = []
    actors: list[str] = []
    runtime: int | None = None
    for obj in _ld_objects(tree):
        kinds = _types(obj)
        if "Review" in kinds and isinstance(obj.get("reviewRating"), dict):
            value = _number(obj["reviewRating"].get("ratingValue"))
            best = _number(obj["reviewRating"].get("bestRating", 5)) or 5.0
            if value is not None and 0 <= value <= best:
                rating = round(value / best * FILM_RATING_MAX, 1)
        if kinds & {"Movie", "Film"}:
            directors = directors or _names(obj.get("director"))
            actors = actors or _names(obj.get("actor") or obj.get("actors"))
            runtime = runtime or _iso_minutes(obj.get("duration"))
    return JsonLdFacts(rating, tuple(directors), tuple(actors), runtime)


def _apply_json_ld(data: dict[str, Any], ld: JsonLdFacts, warn: list[str]) -> None:
    film, ratings = data["film"], data["review"]["ratings"]
    if ld.rating is not None:
        if ratings.get("film") is None:
            ratings["film"] = ld.rating
        elif abs(ratings["film"] - ld.rating) > 0.05:
            warn.append(
                f"the page's JSON-LD rates the film {ld.rating:g}/{FILM_RATING_MAX:g}, the "
                f"text {ratings['film']:g}/{FILM_RATING_MAX:g} — kept the text's"
            )
    if ld.directors:
        if not film["directors"]:
            film["directors"] = list(ld.directors)
        elif {d.casefold() for d in ld.directors} != {d.casefold() for d in film["directors"]}:
            warn.append(
                f"the page's JSON-LD names the director(s) {', '.join(ld.directors)}, the text "
                f"{', '.join(film['directors'])} — kept the text's"
            )
    if ld.actors:
        if not film["cast"]:
            film["cast"] = [{"name": name, "character": None} for name in ld.actors]
        else:
            known = {member["name"].casefold() for member in film["cast"]}
            absent = [name for name in ld.actors if name.casefold() not in known]
            if absent:
                warn.append(
                    f"the page's JSON-LD names actor(s) the text's cast does not: "
                    f"{', '.join(absent)} — not added"
                )
    if ld.runtime_min is not None:
        if film.get("runtime_min") is None:
            film["runtime_min"] = ld.runtime_min
        elif film["runtime_min"] != ld.runtime_min:
            warn.append(
                f"the page's JSON-LD gives a running time of {ld.runtime_min} min, the text "
                f"{film['runtime_min']} min — kept the text's"
            )


# --------------------------------------------------------------------------------------------
# The post as a record


def review_from_post(post: WordPressPost) -> PostReading:
    """The post as a review record, or why it is not a review (`skipped`). Raises RecordError
    (naming the post's URL) when it looks like a review but its facts do not validate."""
    source = post.url or post.title or "post"
    if len(post.html) > MAX_POST_CHARS:
        raise RecordError(source, f"the post is over {MAX_POST_CHARS:,} characters")
    if post.status != "publish":
        return PostReading(None, skipped=f"not published (status {post.status!r})")
    lines, links = post_lines(post.html)
    if not lines:
        return PostReading(None, skipped="the post is empty")
    title = " ".join(post.title.split())
    text = "\n".join([title, "", *lines]) if title else "\n".join(lines)
    try:
        parsed = read_article_lines(text, source, headline=title or None, links=links)
    except NotAReview as exc:
        return PostReading(None, skipped=exc.problem)
    data = parsed.record.model_dump(mode="json", by_alias=True)
    warnings = list(parsed.warnings)
    _apply_json_ld(data, json_ld_facts(post.html), warnings)
    review = data["review"]
    if post.url.startswith(("http://", "https://")):
        review["url"] = post.url
    review["author"] = " ".join((post.author or "").split()) or None
    review["published"] = post.published.date().isoformat() if post.published else None
    if post.cover_url and post.cover_url.startswith(("http://", "https://")):
        review["cover_url"] = post.cover_url
    try:
        record = Record.model_validate(data)
    except ValidationError as exc:
        detail = describe_validation_error(exc)
        raise RecordError(source, detail, record=repr(parsed.record.film.title)) from None
    return PostReading(record, tuple(dict.fromkeys(warnings)))


__all__ = [
    "JsonLdFacts",
    "PostReading",
    "WordPressPost",
    "json_ld_facts",
    "post_lines",
    "review_from_post",
]
