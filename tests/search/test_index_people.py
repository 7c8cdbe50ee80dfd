"""The index's bookkeeping of each film's people (FilmDoc.people): what a change of the film
took away (`people_leaving`), kept right by `upsert_film`, `remove_film` and `move_person` (a
person merged). bot/app.py refresh_film checks only those people for orphans."""

from __future__ import annotations

from bot.search import FilmDoc, PersonDoc, SearchIndex


def index() -> SearchIndex:
    return SearchIndex(
        [
            FilmDoc(1, "Snake Eyes", 1998, people="10,11,12"),
            FilmDoc(2, "Con Air", 1997, ("Con-Air",), people="10,13"),
            FilmDoc(3, "Mandy", 2018),
        ],
        [
            PersonDoc(10, "Nicolas Cage"),
            PersonDoc(11, "Nicholas Cage"),
            PersonDoc(12, "Gary Sinise"),
            PersonDoc(13, "John Malkovich"),
        ],
    )


def test_the_build_remembers_each_film_s_people() -> None:
    idx = index()
    assert idx.film_people(1) == (10, 11, 12)
    assert idx.film_people(2) == (10, 13)
    assert idx.film_people(3) == ()
    assert idx.film_people(99) == ()  # a film it does not hold


def test_people_are_no_part_of_a_film_s_identity() -> None:
    """Equality, hash and repr are as before: a doc without its people is the same film."""
    with_people = FilmDoc(1, "Snake Eyes", 1998, people="10,11")
    assert with_people == FilmDoc(1, "Snake Eyes", 1998)
    assert hash(with_people) == hash(FilmDoc(1, "Snake Eyes", 1998))
    assert repr(with_people) == repr(FilmDoc(1, "Snake Eyes", 1998))
    assert index().find_film("snake eyes").best == FilmDoc(1, "Snake Eyes", 1998)


def test_people_leaving_is_who_the_new_doc_no_longer_credits() -> None:
    idx = index()
    changed = FilmDoc(1, "Snake Eyes", 1998, people="10,14")
    assert idx.people_leaving(1, changed) == {11, 12}
    assert idx.people_leaving(1, None) == {10, 11, 12}  # removed: all its people
    assert idx.people_leaving(1, FilmDoc(1, "Snake Eyes", 1998, people="12,11,10")) == set()
    assert idx.people_leaving(99, changed) == set()  # never held: nobody to check


def test_upsert_and_remove_keep_the_bookkeeping() -> None:
    idx = index()
    idx.upsert_film(FilmDoc(1, "Snake Eyes", 1998, people="10"))
    assert idx.film_people(1) == (10,)
    assert idx.find_film("snake eyes").best == FilmDoc(1, "Snake Eyes", 1998)
    idx.upsert_film(FilmDoc(4, "Face/Off", 1997, people="10,15"))
    assert idx.film_people(4) == (10, 15)
    idx.remove_film(4)
    assert idx.film_people(4) == () and idx.people_leaving(4, None) == set()


def test_move_person_renames_the_films_people_and_forgets_the_source() -> None:
    idx = index()
    idx.move_person(11, 10, [1, 2, 99])  # Snake Eyes already had the target: not twice
    assert idx.film_people(1) == (10, 12)
    assert idx.film_people(2) == (10, 13)  # the source was never on it: unchanged
    assert idx.person(11) is None and idx.person(10) is not None
    # The films are still found as before (their keys did not move).
    assert idx.find_film("snake eyes").best == FilmDoc(1, "Snake Eyes", 1998)
    assert idx.find_film("con-air").best == FilmDoc(2, "Con Air", 1997, ("Con-Air",))
    idx.move_person(12, 13, [1])
    assert idx.film_people(1) == (10, 13)
    assert [c.doc.title for c in idx.suggest_films("")] == ["Con Air", "Mandy", "Snake Eyes"]
