"""What an answer must be, compared whole (plain data and one comparison): its type, its title,
its full text and the film whose card is one button away. Rows of question_forms.py are written
with the constructors below; `differences()` says how an answer differs from its row."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.text import film_label
from bot.answers.types import Answer, Card, Choices, ItemList, Notice
from bot.search import SearchIndex


@dataclass(frozen=True)
class Expected:
    kind: type[Card] | type[ItemList] | type[Notice] | type[Choices]
    text: str  # a Card's description, an ItemList's intro, a Notice's text, a Choices' prompt
    title: str | None = None  # a Card's or an ItemList's title
    film: str | None = None  # the film whose card is one button away ("Film card" first)
    fields: bool = False  # the film's own card has its facts as fields; an answer has none
    field: tuple[str, str] | None = None  # one of the card's fields, name and value
    items: tuple[str, ...] | None = None  # all the items of a list, or the labels of choices
    first: tuple[str, ...] = ()  # the first items of a long list...
    count: int | None = None  # ...and how many there are
    hint: str | None = None  # one of a Notice's hints


def sentence(film: str, text: str) -> Expected:
    """A sentence about `film`, its card one button away."""
    return Expected(Card, text, title=film, film=film)


def buy(film: str, text: str) -> Expected:
    """Where to buy `film`: the shops (or that there are none), its card one button away."""
    return Expected(Card, text, title=f"Buy {film}", film=film)


def film_card(film: str, text: str, field: tuple[str, str]) -> Expected:
    """The film's own card: its ratings and facts as fields (`field` among them)."""
    return Expected(Card, text, title=film, fields=True, field=field)


def summary(title: str, text: str) -> Expected:
    """A card about no single film: a count, the best of several."""
    return Expected(Card, text, title=title)


def listing(
    title: str,
    intro: str,
    items: tuple[str, ...] | None = None,
    first: tuple[str, ...] = (),
    count: int | None = None,
) -> Expected:
    """A list: all its items, or the first ones and how many there are."""
    return Expected(ItemList, intro, title=title, items=items, first=first, count=count)


def notice(text: str, hint: str | None = None) -> Expected:
    return Expected(Notice, text, hint=hint)


def choices(prompt: str, labels: list[str]) -> Expected:
    return Expected(Choices, prompt, items=tuple(labels))


def _card(answer: Card, expected: Expected, index: SearchIndex) -> tuple[dict[str, object], ...]:
    got: dict[str, object] = {
        "title": answer.title,
        "text": answer.description,
        "fields": bool(answer.fields),
    }
    want: dict[str, object] = {
        "title": expected.title,
        "text": expected.text,
        "fields": expected.fields,
    }
    if expected.field is not None:
        pairs = {(f.name, f.value) for f in answer.fields}
        got["field"] = expected.field if expected.field in pairs else sorted(pairs)
        want["field"] = expected.field
    if expected.film is not None:
        first = answer.followups[0] if answer.followups else None
        doc = index.film(first.request.film_id or 0) if first is not None else None
        button = (first.label, film_label(doc.title, doc.year)) if first and doc else None
        got["button"], want["button"] = button, ("Film card", expected.film)
    return got, want


def _list(answer: ItemList, expected: Expected) -> tuple[dict[str, object], ...]:
    got: dict[str, object] = {"title": answer.title, "text": answer.intro}
    want: dict[str, object] = {"title": expected.title, "text": expected.text}
    if expected.items is not None:
        got["items"], want["items"] = answer.items, expected.items
    if expected.first:
        got["first"], want["first"] = answer.items[: len(expected.first)], expected.first
    if expected.count is not None:
        got["count"], want["count"] = len(answer.items), expected.count
    return got, want


def differences(answer: Answer, expected: Expected, index: SearchIndex) -> list[str]:
    """How `answer` differs from what it must be (nothing: it is right)."""
    if not isinstance(answer, expected.kind):
        return [f"a {type(answer).__name__}, not a {expected.kind.__name__}: {answer!r}"]
    got: dict[str, object] = {}
    want: dict[str, object] = {}
    if isinstance(answer, Card):
        got, want = _card(answer, expected, index)
    elif isinstance(answer, ItemList):
        got, want = _list(answer, expected)
    elif isinstance(answer, Notice):
        got, want = {"text": answer.text}, {"text": expected.text}
        if expected.hint is not None:
            got["hint"] = expected.hint if expected.hint in answer.hints else answer.hints
            want["hint"] = expected.hint
    elif isinstance(answer, Choices):
        got = {"text": answer.prompt, "items": tuple(c.label for c in answer.choices)}
        want = {"text": expected.text, "items": expected.items}
    return [
        f"{key}: {got.get(key)!r}, not {want[key]!r}" for key in want if got.get(key) != want[key]
    ]
