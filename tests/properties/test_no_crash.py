"""Property tests (issue #10, "nothing lost, nothing crashes"): whatever text arrives, the
record loader, the CSV catalogue reader and the article parser either give a result or fail
with their own RecordError and a one-line message; the message parser and the normalisers
always answer. Nothing else escapes. And what they give is right, not only given: a record
read is written back (dump_record) and read again unchanged, a message the parser answers is
one of the bot's commands with its text trimmed, a message addressed to nobody is not
answered, and a normalised key normalises to itself. Bounded (max_examples) and without
deadlines, so the suite stays a few seconds long on a small machine."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers.commands import BY_NAME, UNKNOWN_COMMAND
from bot.answers.parse import parse_command
from bot.answers.types import Request
from bot.records.article import ParsedArticle, parse_article
from bot.records.files import (
    LoadedRecord,
    RecordError,
    dump_record,
    load_bytes,
    parse_catalog_text,
    parse_record_text,
)
from bot.records.schema import Record
from bot.search import FilmDoc, SearchIndex
from bot.search.normalize import normalize_name, normalize_title
from tests.helpers import REPO

BOUNDED = settings(
    max_examples=200,
    deadline=None,
    database=None,  # no .hypothesis folder in the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SHIPPED = (REPO / "data" / "reviews" / "leaving-las-vegas-1995.yaml").read_text(encoding="utf-8")

YAML_TOKENS = [
    "film:", "\n  title: ", "Con Air", "\n  year: ", "1997", "\nrelease:", "\n  release_date: ",
    "2001-02-30", "9999-99-99", "2016-07-04", "\nreview:", "\n  ratings:", "\n    picture: ",
    "GOOD", "\n", "\n  ", "- ", "[", "]", "{", "}", ", ", ": ", "? ", "&a ", "*a", "&b ", "*b",
    "<<: *a", "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!binary ", "!!str ", "!!map ",
    "!!seq ", "!!set ", "!!omap ", "!!python/object ", "'", '"', "|", ">", "#", "---", "...",
    "%YAML 1.1", "%TAG ! tag:x,2000:", "~", "null", "-1e999", ".nan", "0x1F", "0o7", "1_000",
    "\t", "\r", "\x00", "\ufeff", "\u2028", "é", "\\", "@",
]  # fmt: skip
CSV_TOKENS = [
    "title,year", ",runtime_min", ",genres", ",directors", ",cast", ",cast_complete", ",budget",
    "\n", "\r\n", "\r", ",", '"', '""', "Con Air", "1997", "-5", "0", "yes", "maybe", ";",
    " as ", "Nicolas Cage", "\ufeff", "\x00", " ", "é", "\u202e", "title", "year", "99999999999",
]  # fmt: skip
ARTICLE_TOKENS = [
    "Movie title: ", "Leaving Las Vegas", " (1995)", "\n", "\n\n", "Director: ", "Mike Figgis",
    "Cast: ", "Nicolas Cage as Ben", "Runtime: ", "111 min", "Release date: ", "4 July 2016",
    "31/02/2016", "Picture: ", "Audio: ", "Extras: ", "GOOD", "POOR", "Film rating: ", "4.5/5",
    "11/10", "Verdict", "Pros", "Cons", "Style & Direction", "Music & Audio", "<html>", "<h1>",
    "</h1>", '<a href="', "https://www.amazon.co.uk/dp/X", "javascript:x", '">', "</a>",
    "<p>", "</p>", "<script>", "&amp;", "&#0;", "&#xD800;", "<!--", "<![CDATA[", "\x00",
    "\ufffd", "schema: 1", "film:", ":", "-", "•", "*", "é", "1995", "9999",
]  # fmt: skip


def glued(tokens: list[str], max_size: int = 80) -> st.SearchStrategy[str]:
    """Text built from format-specific pieces and a little arbitrary text, in any order."""
    piece = st.one_of(st.sampled_from(tokens), st.text(max_size=6))
    return st.lists(piece, max_size=max_size).map("".join)


def mutated(base: str) -> st.SearchStrategy[str]:
    """A valid file with some text put in, cut out or replaced at some place."""
    return st.tuples(
        st.integers(0, len(base)),
        st.integers(0, 40),
        st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=12)),
    ).map(lambda t: base[: t[0]] + t[2] + base[t[0] + t[1] :])


def assert_one_line(error: RecordError, source: str) -> None:
    message = str(error)
    assert message.startswith(source)
    assert "\n" not in message and "\r" not in message
    assert len(message) < 1000


#: The records already written back and read again unchanged, by their repr (every field): many
#: examples read as a record seen before (text put into a comment, a key's spacing changed),
#: and an equal record has the same file, so its round trip is not made again.
KEPT: set[str] = set()


def assert_kept(record: Record) -> None:
    """Nothing lost: the record written back as a file reads back the same."""
    assert isinstance(record, Record)
    assert record.film.title.strip(), "a record without a title"
    key = repr(record)
    if key not in KEPT:
        assert parse_record_text(dump_record(record), "again.yaml") == record
        KEPT.add(key)


def check_load(data: bytes, source: str) -> None:
    try:
        loaded = load_bytes(data, source)
    except RecordError as error:
        assert_one_line(error, source)
    else:
        assert all(isinstance(item, LoadedRecord) and item.source == source for item in loaded)
        if source.endswith(".yaml"):
            assert [item.mode for item in loaded] == ["replace"]
        for item in loaded:
            assert_kept(item.record)


@BOUNDED
@given(st.one_of(glued(YAML_TOKENS), st.text(max_size=200)))
def test_record_loader_loads_or_refuses(text: str) -> None:
    check_load(text.encode("utf-8", "surrogatepass"), "prop.yaml")


@BOUNDED
@given(mutated(SHIPPED))
def test_record_loader_on_a_damaged_real_record(text: str) -> None:
    check_load(text.encode("utf-8", "surrogatepass"), "prop.yaml")


@BOUNDED
@given(st.binary(max_size=300))
def test_record_loader_on_any_bytes(data: bytes) -> None:
    check_load(data, "prop.yaml")
    check_load(data, "prop.csv")


@BOUNDED
@given(st.one_of(glued(CSV_TOKENS), st.text(max_size=200)))
def test_catalog_reader_loads_or_refuses(text: str) -> None:
    try:
        records = parse_catalog_text(text, "prop.csv")
    except RecordError as error:
        assert_one_line(error, "prop.csv")
    else:
        for record in records:
            assert_kept(record)


@BOUNDED
@given(st.one_of(glued(ARTICLE_TOKENS, 120), st.text(max_size=300)))
def test_article_parser_parses_or_refuses(text: str) -> None:
    try:
        parsed = parse_article(text, "prop-article")
    except RecordError as error:
        assert_one_line(error, "prop-article")
    else:
        assert isinstance(parsed, ParsedArticle)
        assert_kept(parsed.record)
        assert all("\n" not in line for line in (*parsed.missing, *parsed.warnings))


@BOUNDED
@given(
    st.one_of(
        st.text(max_size=300),
        glued(["!", "@Popcorn", "<@123>", "<@!123>", " ", "review", "cast", "?", "\n", "é"]),
    ),
    st.sampled_from(["!", "?", "pop ", "$"]),
    st.sampled_from([None, "@Popcorn", ("<@123>", "<@!123>")]),
)
def test_message_parser_always_answers(
    text: str, prefix: str, mention: str | tuple[str, ...] | None
) -> None:
    request = parse_command(text, prefix, mention)
    forms = (mention,) if isinstance(mention, str) else mention or ()
    addressed = prefix.strip() in text or any(f.casefold() in text.casefold() for f in forms)
    if not addressed:
        assert request is None, f"{text!r} names neither the prefix nor the bot: {request!r}"
    if request is not None:
        assert isinstance(request, Request)
        assert request.command in BY_NAME or request.command == UNKNOWN_COMMAND
        assert request.text == request.text.strip()
        assert "\n" not in request.text and "\r" not in request.text


@BOUNDED
@given(st.text(max_size=300))
def test_normalisers_always_answer(text: str) -> None:
    for normalise in (normalize_title, normalize_name):
        key = normalise(text)
        assert isinstance(key, str)
        assert key == " ".join(key.split())
    # A key is lower case and its own key (a title's once more, unless it still starts with an
    # article: "The A-Team" -> "a team" -> "team", one article dropped at a time), also for
    # text whose letters become capitals once decomposed (a styled font).
    name, title = normalize_name(text), normalize_title(text)
    assert normalize_name(name) == name, f"normalize_name({name!r}) is not {name!r}"
    assert title == title.lower()
    if title.split()[:1] not in (["a"], ["an"], ["the"]):
        assert normalize_title(title) == title, f"normalize_title({title!r}) is not itself"


def test_a_title_in_a_styled_font_has_the_plain_titles_key() -> None:
    assert normalize_title("𝓒𝓸𝓷 𝓐𝓲𝓻") == normalize_title("Con Air") == "con air"
    assert normalize_name("𝓝𝓲𝓬𝓸𝓵𝓪𝓼 𝓒𝓪𝓰𝓮") == "nicolas cage"
    index = SearchIndex([FilmDoc(1, "Con Air", 1997)])
    assert index.find_film("𝓒𝓸𝓷 𝓐𝓲𝓻").best == FilmDoc(1, "Con Air", 1997)
