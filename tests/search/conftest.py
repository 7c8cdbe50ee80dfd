"""A realistic Nicolas Cage catalogue for the search tests."""

from __future__ import annotations

import pytest

from bot.search import FilmDoc, PersonDoc, SearchIndex

CAGE_FILMS: list[tuple[int, str, int, tuple[str, ...]]] = [
    (1, "Leaving Las Vegas", 1995, ()),
    (2, "Face/Off", 1997, ()),
    (3, "Con Air", 1997, ()),
    (4, "The Rock", 1996, ()),
    (5, "Raising Arizona", 1987, ()),
    (6, "Moonstruck", 1987, ()),
    (7, "Wild at Heart", 1990, ()),
    (8, "Adaptation.", 2002, ()),
    (9, "Matchstick Men", 2003, ()),
    (10, "National Treasure", 2004, ()),
    (11, "National Treasure: Book of Secrets", 2007, ()),
    (12, "Ghost Rider", 2007, ()),
    (13, "Ghost Rider: Spirit of Vengeance", 2011, ("Ghost Rider 2",)),
    (14, "The Wicker Man", 2006, ()),
    (15, "The Wicker Man", 1973, ()),
    (16, "Bad Lieutenant: Port of Call New Orleans", 2009, ()),
    (17, "Mandy", 2018, ()),
    (18, "Pig", 2021, ()),
    (19, "Kick-Ass", 2010, ()),
    (20, "8MM", 1999, ("Eight Millimeter",)),
    (21, "Gone in 60 Seconds", 2000, ("Gone in Sixty Seconds",)),
    (22, "Snake Eyes", 1998, ()),
    (23, "City of Angels", 1998, ()),
    (24, "Lord of War", 2005, ()),
    (25, "Knowing", 2009, ()),
    (26, "Drive Angry", 2011, ()),
    (27, "The Unbearable Weight of Massive Talent", 2022, ()),
    (28, "Color Out of Space", 2019, ("Colour Out of Space",)),
    (29, "Mom and Dad", 2017, ()),
    (30, "Renfield", 2023, ()),
    (31, "Dream Scenario", 2023, ()),
    (32, "Longlegs", 2024, ()),
    (33, "Peggy Sue Got Married", 1986, ()),
    (34, "Vampire's Kiss", 1988, ()),
    (35, "Red Rock West", 1993, ()),
    (36, "It Could Happen to You", 1994, ()),
    (37, "Bringing Out the Dead", 1999, ()),
    (38, "The Family Man", 2000, ()),
    (39, "Next", 2007, ()),
    (40, "Joe", 2013, ()),
    (41, "Mandy Lane", 2006, ()),  # a near-miss title, not a Cage film
]

PEOPLE: list[tuple[int, str, tuple[str, ...]]] = [
    (1, "Nicolas Cage", ("Nicolas Kim Coppola", "Nic Cage")),
    (2, "Elisabeth Shue", ()),
    (3, "Julian Sands", ()),
    (4, "Mike Figgis", ()),
    (5, "John Travolta", ()),
    (6, "John Cage", ()),
    (7, "Sean Connery", ()),
    (8, "Nicolas Winding Refn", ()),
    (9, "Panos Cosmatos", ()),
    (10, "Andrea Riseborough", ()),
]


def films() -> list[FilmDoc]:
    return [FilmDoc(i, title, year, aliases) for i, title, year, aliases in CAGE_FILMS]


def people() -> list[PersonDoc]:
    return [PersonDoc(i, name, aliases) for i, name, aliases in PEOPLE]


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex(films(), people())
