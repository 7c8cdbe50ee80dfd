"""The document cache (issue 13): the films' read documents (bot/db/documents.py) kept in
memory, so a reply about a film already read touches no database at all.

Bounded twice, least recently used first out: by the number of films (POPCORN_CACHE_FILMS)
and by an estimate of their memory (POPCORN_CACHE_MB), measured once per document when it is
put. Invalidated by every change (bot/app.py: `announce` in this process, `refresh_film` and
`resync` for the change feed's signals from other processes on PostgreSQL).

**The race, and the generations.** A command may read a film from the database, then wait
(another command commits a change to that film and invalidates it), then put what it read:
the old film, cached after its invalidation, served until the next change. So the cache keeps
a clock that every `invalidate` and `clear` moves on, and remembers when each film last
changed. A miss (`get` returning None) notes the clock for that film in the asking task;
`put(doc)` then caches the document only if the film did not change since that miss (nor was
everything cleared). A put with no miss before it in the same task (or an explicit
`ticket` older than the change) is ignored: it might be old. `Reads` (bot/db/reading.py) asks
`get` then loads then `put`s in one task, so it needs nothing more; other callers may take
`ticket(film_id)` before loading and pass it as `put(doc, ticket)`.

People's documents (a filmography: `person` / `put_person`) are kept too, in the same bounds;
as they show their films' reviews, a change to any film forgets them all, and a person read
begun before any change is not cached after it.

Not thread-safe: it is used from the event loop only (one per process)."""

from __future__ import annotations

import asyncio
import sys
import weakref
from collections import OrderedDict
from dataclasses import fields, is_dataclass
from typing import Any

from bot.db.documents import FilmDocument, PersonDocument

DEFAULT_FILMS = 5_000
DEFAULT_MB = 64.0
#: How many films' last changes are remembered for the race check; past it, they are all
#: forgotten at once and every read then in flight is treated as older (its put ignored).
CHANGED_LIMIT = 10_000

#: What `size_of` walks into, by type: a dataclass's field names; () for anything else.
_PARTS: dict[type, tuple[str, ...]] = {}


def _parts_of(kind: type) -> tuple[str, ...]:
    names = _PARTS[kind] = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else ()
    return names


def size_of(value: Any) -> int:
    """An estimate of the memory `value` holds (a document: its dataclasses, tuples, strings,
    dates, numbers), walked as a tree: an object met twice is counted twice, None and the
    booleans never (shared by everyone). Errs on the large side, and is quick: it runs once
    per document cached."""
    total = 0
    stack = [value]
    getsizeof = sys.getsizeof
    parts = _PARTS
    while stack:
        item = stack.pop()
        if item is None or item is True or item is False:
            continue
        total += getsizeof(item)
        kind = type(item)
        if kind is tuple or kind is list:
            stack.extend(item)
        elif kind is dict:
            stack.extend(item.keys())
            stack.extend(item.values())
        else:
            names = parts.get(kind)
            if names is None:
                names = _parts_of(kind)
            for name in names:
                stack.append(getattr(item, name))
    return total


Key = int | tuple[str, int]  # a film's id; ("person", id) for a person


class DocumentCache:
    """Film documents by film id (and people's, by ("person", id)), least recently used out
    first. `max_films` bounds both together; 0 caches nothing (every get is a miss).

    A person's document lists their films with their reviews, so any change to any film
    forgets every person (changes are rare; a filmography is read again in a few queries)."""

    def __init__(self, max_films: int = DEFAULT_FILMS, max_mb: float = DEFAULT_MB) -> None:
        if max_films < 0 or max_mb < 0:
            raise ValueError("cache bounds must not be negative")
        self.max_films = max_films
        self.max_bytes = int(max_mb * 1024 * 1024)
        self._docs: OrderedDict[Key, tuple[FilmDocument | PersonDocument, int]] = OrderedDict()
        self._people: set[Key] = set()  # the people's keys in _docs
        self._bytes = 0
        self._clock = 0  # moved on by every invalidate / clear
        self._floor = 0  # a ticket below it is too old for any film (cleared since)
        self._changed: dict[int, int] = {}  # film id -> the clock when it last changed
        self._last_change = -1  # the clock when any film last changed
        # The clock at each miss, per asking task (and key): what its put is checked against.
        self._asked: weakref.WeakKeyDictionary[asyncio.Task[Any], dict[Key, int]] = (
            weakref.WeakKeyDictionary()
        )
        self._asked_here: dict[Key, int] = {}  # misses outside any task (plain calls)
        self.hits = self.misses = self.evictions = self.refused = self.invalidations = 0

    # -- reading ------------------------------------------------------------------------
    def get(self, film_id: int) -> FilmDocument | None:
        """The cached document (now the most recently used), or None: not cached. A miss
        is noted for the race check of the put that follows it."""
        doc = self._lookup(film_id)
        assert doc is None or isinstance(doc, FilmDocument)
        return doc

    def person(self, person_id: int) -> PersonDocument | None:
        """A person's cached document, or None (a miss, noted as `get` notes it)."""
        doc = self._lookup(("person", person_id))
        assert doc is None or isinstance(doc, PersonDocument)
        return doc

    def ticket(self, film_id: int) -> int:
        """Take before reading a film from the database; give to `put`."""
        return self._clock

    def put(self, doc: FilmDocument, ticket: int | None = None) -> bool:
        """Cache `doc` unless its film changed since it was asked for (its miss in this
        task, or `ticket`): then it may be old, and is ignored. True if cached."""
        if ticket is None:
            ticket = self._asked_by_caller().pop(doc.id, None)
        if ticket is None or ticket < self._floor or self._changed.get(doc.id, -1) >= ticket:
            self.refused += 1
            return False
        return self._store(doc.id, doc)

    def put_person(self, doc: PersonDocument, ticket: int | None = None) -> bool:
        """Cache a person's document unless any film changed since it was asked for."""
        key = ("person", doc.id)
        if ticket is None:
            ticket = self._asked_by_caller().pop(key, None)
        if ticket is None or ticket < self._floor or self._last_change >= ticket:
            self.refused += 1
            return False
        if self._store(key, doc):
            self._people.add(key)
            return True
        return False

    # -- changes ------------------------------------------------------------------------
    def invalidate(self, film_id: int) -> None:
        """The film changed (or is gone): forgotten, and a read of it begun before now is
        not cached when it ends."""
        self.invalidations += 1
        self._drop(film_id)
        for key in self._people:
            self._drop(key)
        self._people.clear()
        self._changed[film_id] = self._last_change = self._clock
        self._clock += 1
        if len(self._changed) > CHANGED_LIMIT:
            self._forget_changes()

    def clear(self) -> None:
        """Everything may have changed (an import, a rename, a missed signal)."""
        self.invalidations += 1
        self._docs.clear()
        self._people.clear()
        self._bytes = 0
        self._forget_changes()

    def stats(self) -> dict[str, int]:
        return {
            "hits": self.hits,
            "misses": self.misses,
            "evictions": self.evictions,
            "refused": self.refused,  # puts ignored: the film changed while it was read
            "invalidations": self.invalidations,
            "size": len(self._docs),
            "people": len(self._people),
            "bytes": self._bytes,
            "max_films": self.max_films,
            "max_bytes": self.max_bytes,
        }

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, film_id: object) -> bool:
        return film_id in self._docs

    # -- inside -------------------------------------------------------------------------
    def _lookup(self, key: Key) -> FilmDocument | PersonDocument | None:
        entry = self._docs.get(key)
        if entry is not None:
            self._docs.move_to_end(key)
            self.hits += 1
            return entry[0]
        self.misses += 1
        asked = self._asked_by_caller()
        asked.setdefault(key, self._clock)
        if len(asked) > CHANGED_LIMIT:  # misses never followed by a put (films not found)
            asked.clear()
        return None

    def _store(self, key: Key, doc: FilmDocument | PersonDocument) -> bool:
        if self.max_films == 0:
            return False
        size = size_of(doc)
        if size > self.max_bytes:
            return False
        self._drop(key)
        self._docs[key] = (doc, size)
        self._bytes += size
        while len(self._docs) > self.max_films or self._bytes > self.max_bytes:
            dropped_key, (_, dropped) = self._docs.popitem(last=False)
            self._people.discard(dropped_key)
            self._bytes -= dropped
            self.evictions += 1
        return True

    def _drop(self, key: Key) -> None:
        entry = self._docs.pop(key, None)
        if entry is not None:
            self._bytes -= entry[1]

    def _forget_changes(self) -> None:
        """Every read in flight is now older than a change: its put is ignored."""
        self._clock += 1
        self._floor = self._clock
        self._changed.clear()

    def _asked_by_caller(self) -> dict[Key, int]:
        try:
            task = asyncio.current_task()
        except RuntimeError:  # no running loop
            task = None
        if task is None:
            return self._asked_here
        asked = self._asked.get(task)
        if asked is None:
            asked = self._asked[task] = {}
        return asked


__all__ = ["DEFAULT_FILMS", "DEFAULT_MB", "DocumentCache", "size_of"]
