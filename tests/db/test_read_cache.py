"""The document cache (bot/db/read_cache.py): LRU by count and by memory, invalidation, and
the generation check that keeps a document read before a change out of the cache."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from bot.db.documents import CreditDoc, FilmDocument, PersonDocument, PersonRef
from bot.db.read_cache import DocumentCache, size_of


def film(film_id: int, title: str = "The Rock", synopsis: str = "") -> FilmDocument:
    return FilmDocument(
        id=film_id,
        slug=f"film-{film_id}",
        title=title,
        year=1996,
        genres=("Action",),
        certificate="15",
        runtime_min=136,
        description=None,
        synopsis=synopsis or None,
        cast_complete=True,
        version=1,
        credits=(CreditDoc(PersonRef(1, "Nicolas Cage"), "actor", "Stanley Goodspeed", 0),),
        aliases=(),
        releases=(),
        reviews=(),
    )


def cached(cache: DocumentCache, doc: FilmDocument) -> bool:
    """A read as Reads does it: a miss, then the put."""
    assert cache.get(doc.id) is None
    return cache.put(doc)


def test_a_put_document_is_a_hit_then() -> None:
    cache = DocumentCache()
    doc = film(1)
    assert cached(cache, doc) is True
    assert cache.get(1) is doc
    stats = cache.stats()
    assert (stats["hits"], stats["misses"], stats["size"]) == (1, 1, 1)
    assert stats["bytes"] == size_of(doc) > 0


def test_evicts_the_least_recently_used_past_the_count() -> None:
    cache = DocumentCache(max_films=2)
    for film_id in (1, 2):
        cached(cache, film(film_id))
    assert cache.get(1) is not None  # 1 is now used more recently than 2
    cached(cache, film(3))
    assert (1 in cache, 2 in cache, 3 in cache) == (True, False, True)
    assert cache.stats()["evictions"] == 1
    assert len(cache) == 2


def test_evicts_past_the_memory_bound() -> None:
    big = [film(n, synopsis="x" * 300_000) for n in (1, 2, 3)]
    one = size_of(big[0])
    assert one > 300_000
    cache = DocumentCache(max_films=100, max_mb=(2.5 * one) / (1024 * 1024))
    for doc in big:
        cached(cache, doc)
    assert (1 in cache, 2 in cache, 3 in cache) == (False, True, True)
    assert cache.stats()["evictions"] == 1
    assert cache.stats()["bytes"] == size_of(big[1]) + size_of(big[2]) <= cache.max_bytes


def test_a_document_bigger_than_the_whole_bound_is_not_cached() -> None:
    cache = DocumentCache(max_mb=0.1)
    assert cached(cache, film(1, synopsis="x" * 200_000)) is False
    assert len(cache) == 0 and cache.stats()["bytes"] == 0


def test_size_counts_the_text() -> None:
    assert size_of(film(1, synopsis="x" * 10_000)) - size_of(film(1)) >= 10_000


def test_no_films_means_no_cache() -> None:
    cache = DocumentCache(max_films=0)
    assert cached(cache, film(1)) is False
    assert cache.get(1) is None


def test_invalidate_and_clear_forget() -> None:
    cache = DocumentCache()
    for film_id in (1, 2, 3):
        cached(cache, film(film_id))
    cache.invalidate(2)
    assert (1 in cache, 2 in cache, 3 in cache) == (True, False, True)
    assert cache.stats()["bytes"] == size_of(film(1)) + size_of(film(3))
    cache.clear()
    assert len(cache) == 0 and cache.stats()["bytes"] == 0
    # Once changed and read again, a film is cached as usual.
    assert cached(cache, film(2, title="The Rock, edited")) is True
    assert cache.get(2) == film(2, title="The Rock, edited")


def test_a_read_begun_before_a_change_is_not_cached_after_it() -> None:
    cache = DocumentCache()
    assert cache.get(1) is None  # a command misses, and reads the database...
    old = film(1)
    cache.invalidate(1)  # ...another commits a change to the film meanwhile...
    assert cache.put(old) is False  # ...the old read arrives: not cached
    assert cache.get(1) is None
    assert cache.stats()["refused"] == 1
    assert cached(cache, film(1, title="new")) is True  # a read after the change is


def test_a_clear_during_a_read_refuses_its_put() -> None:
    cache = DocumentCache()
    assert cache.get(1) is None
    cache.clear()
    assert cache.put(film(1)) is False
    assert 1 not in cache


def test_a_change_to_another_film_does_not_refuse() -> None:
    cache = DocumentCache()
    assert cache.get(1) is None
    cache.invalidate(2)
    assert cache.put(film(1)) is True


def test_a_put_with_no_miss_before_it_is_refused() -> None:
    cache = DocumentCache()
    assert cache.put(film(1)) is False
    ticket = cache.ticket(1)
    assert cache.put(film(1), ticket) is True
    cache.invalidate(1)
    assert cache.put(film(1), ticket) is False


def test_bounds_must_not_be_negative() -> None:
    with pytest.raises(ValueError):
        DocumentCache(max_films=-1)


async def test_concurrent_reads_each_checked_against_their_own_miss() -> None:
    """Two commands read film 1: the first misses before a change, the second after it.
    The first one's (old) document is refused even though the second missed since."""
    cache = DocumentCache()
    first_missed, changed, second_put = asyncio.Event(), asyncio.Event(), asyncio.Event()
    results: dict[str, bool] = {}

    async def first() -> None:
        assert cache.get(1) is None
        first_missed.set()
        await second_put.wait()  # a slow read, of the film before the change
        results["first"] = cache.put(film(1, title="old"))

    async def second() -> None:
        await changed.wait()
        assert cache.get(1) is None
        results["second"] = cache.put(film(1, title="new"))
        second_put.set()

    async def change() -> None:
        await first_missed.wait()
        cache.invalidate(1)
        changed.set()

    await asyncio.gather(first(), second(), change())
    assert results == {"first": False, "second": True}
    hit = cache.get(1)
    assert hit is not None and hit.title == "new"


def person(person_id: int = 4, name: str = "Nicolas Cage") -> PersonDocument:
    return PersonDocument(id=person_id, name=name, aliases=(), credits=())


def test_people_are_cached_until_any_film_changes() -> None:
    cache = DocumentCache(max_films=3)
    assert cache.person(4) is None
    assert cache.put_person(person()) is True
    cached(cache, film(1))
    assert cache.person(4) == person()
    assert cache.stats()["people"] == 1 and len(cache) == 2
    cache.invalidate(99)  # a film they may be credited on now
    assert cache.person(4) is None and 1 in cache
    assert cache.stats()["people"] == 0 and cache.stats()["bytes"] == size_of(film(1))


def test_a_person_read_begun_before_any_change_is_not_cached() -> None:
    cache = DocumentCache()
    assert cache.person(4) is None
    cache.invalidate(99)
    assert cache.put_person(person()) is False
    assert cache.person(4) is None
    assert cache.put_person(person()) is True


def test_people_and_films_share_the_bounds() -> None:
    cache = DocumentCache(max_films=2)
    cached(cache, film(1))
    assert cache.person(4) is None
    cache.put_person(person())
    cached(cache, film(2))  # the film 1 was used least recently
    assert (1 in cache, cache.person(4) is not None, 2 in cache) == (False, True, True)
    assert cache.stats()["people"] == 1


def test_dates_are_sized() -> None:
    assert size_of(dt.date(2020, 1, 1)) > 0
