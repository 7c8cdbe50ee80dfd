"""`!cast` says when the cast list it shows is not complete (issue #9: never a false "No"), in
one line of the list's intro; a complete list (the site's, from a review record) says nothing."""

from __future__ import annotations

from pathlib import Path

from bot.answers.types import ItemList
from bot.app import Popcorn
from bot.discord_bot.render import render

PARTIAL = "isn't complete"


async def cast_of(app: Popcorn, title: str) -> ItemList:
    answer = await app.answer_text(f"!cast {title}")
    assert isinstance(answer, ItemList), answer
    return answer


def shown(answer: ItemList) -> str:
    """Everything a member reads: the rendered embed(s), not just the fields."""
    return str(render(answer).payload())


async def test_a_catalogue_film_with_one_actor_says_whom_it_lists(app: Popcorn) -> None:
    cast = await cast_of(app, "con air")  # only the catalogue's row in the shipped data
    assert cast.items == ("1. **Nicolas Cage** as Cameron Poe",)
    assert cast.intro is not None
    first, *rest = cast.intro.splitlines()
    assert first == (
        "The cast I have for Con Air (1997) lists only Nicolas Cage; it isn't complete."
    )
    assert rest == ["Directed by: Simon West"]
    assert first in shown(cast)


async def test_a_catalogue_film_with_several_actors_says_whose_list_it_is(app: Popcorn) -> None:
    cast = await cast_of(app, "valley girl")
    assert len(cast.items) == 2 and cast.intro is not None
    assert cast.intro.splitlines()[0] == (
        "This cast list isn't complete: it's the catalogue's, not the site's."
    )
    assert cast.intro.count(PARTIAL) == 1


async def test_a_reviewed_films_cast_is_shown_as_it_is(app: Popcorn) -> None:
    cast = await cast_of(app, "leaving las vegas")
    assert len(cast.items) > 5
    assert PARTIAL not in shown(cast) and "catalogue" not in shown(cast)
    assert cast.intro is not None and cast.intro.startswith("Directed by: Mike Figgis")


async def test_a_review_record_that_says_its_cast_is_partial(app: Popcorn, tmp_path: Path) -> None:
    record = tmp_path / "mandy-2018.yaml"
    record.write_text(
        "schema: 1\nfilm:\n  title: Mandy\n  year: 2018\n  cast_complete: false\n  cast:\n"
        "    - {name: Nicolas Cage, character: Red Miller}\n"
        "    - {name: Andrea Riseborough, character: Mandy Bloom}\n"
        "review:\n  verdict: Bonkers\n",
        encoding="utf-8",
    )
    await app.import_paths([record])
    cast = await cast_of(app, "mandy")
    assert cast.intro is not None
    assert cast.intro.splitlines()[0] == "This cast list isn't complete."

    record.write_text(record.read_text().replace("  cast_complete: false\n", ""), "utf-8")
    await app.import_paths([record])
    assert PARTIAL not in shown(await cast_of(app, "mandy"))
