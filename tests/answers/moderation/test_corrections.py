"""The corrections (bot/answers/moderation/corrections.py) through the command pipeline, on
SQLite and PostgreSQL: `review set`, purchase links and aliases, saved at once (`review cast`:
test_cast.py)."""

from __future__ import annotations

import pytest

from bot.answers.types import Card, ItemList, Notice, Tone
from bot.app import Popcorn
from tests.answers.moderation.helpers import fields, review_card, say, text_of
from tests.db.test_storage import snapshot

#: The tests on a module-wide app run on the module's event loop, where it was started.
on_the_module_loop = pytest.mark.asyncio(loop_scope="module")


async def test_set_changes_one_field_with_history(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review set leaving las vegas audio GOOD")
    assert "audio: POOR → GOOD" in text_of(answer)
    assert fields(await review_card(any_app, "leaving las vegas"))["Audio"].endswith("GOOD")
    await say(any_app, '!review set levaing las vegas verdict "A masterpiece, a muddy mix"')
    history = await say(any_app, "!review history leaving las vegas")
    assert isinstance(history, ItemList)
    assert "Mod Erator" in history.items[0] and "verdict" in history.items[0]
    assert "audio: POOR → GOOD" in history.items[1]


@on_the_module_loop
@pytest.mark.parametrize(
    ("command", "problem"),
    [
        (
            "!review set leaving las vegas audio SUPERB",
            "audio: 'SUPERB' is not on the rating scale",
        ),
        ("!review set leaving las vegas year 1700", "year"),
        (f"!review set leaving las vegas year {2100}", "year"),
        ("!review set leaving las vegas runtime -5", "runtime"),
        ("!review set leaving las vegas runtime abc", "runtime"),
        ("!review set leaving las vegas trailer javascript:alert(1)", "trailer"),
        ("!review set leaving las vegas verdict " + "x" * 1500, "verdict"),
    ],
)
async def test_invalid_edits_name_the_field_and_change_nothing(
    unchanged_app: Popcorn, command: str, problem: str
) -> None:
    before = await snapshot(unchanged_app.engine)
    answer = await say(unchanged_app, command)
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR, answer
    assert problem in answer.text
    assert await snapshot(unchanged_app.engine) == before


async def test_links_and_aliases(any_app: Popcorn) -> None:
    """(The cast commands are tested in test_cast.py.)"""
    await say(any_app, '!review link add leaving las vegas "https://www.zavvi.com/llv Zavvi"')
    card = await review_card(any_app, "leaving las vegas")
    assert [link.label for link in card.links][:2] == ["Buy at Amazon UK", "Buy at Zavvi"]
    bad = await say(any_app, '!review link add leaving las vegas "javascript:alert(1) Evil"')
    assert isinstance(bad, Notice) and bad.tone is Tone.ERROR

    await say(any_app, '!alias add face off "the one with the faces"')
    assert (await review_card(any_app, "the one with the faces")).title == "Face/Off (1997)"
    await say(any_app, '!alias remove face off "the one with the faces"')
    gone = await say(any_app, "!review the one with the faces", actor=None)
    assert not (isinstance(gone, Card) and gone.title == "Face/Off (1997)")


async def test_a_link_is_named_from_the_shops_table(any_app: Popcorn) -> None:
    """`review link add` without a name: the shop's name from bot.records.retailers (the one
    table the article parser reads too), and whether the shop pays for its links."""
    url = "https://shop.arrowfilms.com/uk/leaving-las-vegas"
    saved = await say(any_app, f'!review link add leaving las vegas "{url}"')
    assert f"+Arrow Films ({url})" in text_of(saved)
    await say(any_app, '!review link add leaving las vegas "https://www.amazon.com/dp/B00X"')
    card = await review_card(any_app, "leaving las vegas")
    labels = [link.label for link in card.links]
    assert "Buy at Arrow Films" in labels
    assert "Shop" not in " ".join(labels)


async def test_a_score_typed_wrong_is_named_as_typed(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review set leaving las vegas score 11")
    assert isinstance(answer, Notice) and answer.tone is Tone.ERROR
    assert answer.text.startswith("Nothing was saved. score: ")
    assert "review.ratings" not in answer.text


async def test_set_on_a_film_without_a_review_says_how_to_add_one(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review set face off audio GOOD")
    assert isinstance(answer, Notice) and "has no review yet" in answer.text, answer
    assert "`!review add`" in answer.text


async def test_the_same_value_again_changes_nothing(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review set leaving las vegas audio POOR")
    assert text_of(answer) == "Nothing changed: Leaving Las Vegas (1995) already says that."


async def pros_of(app: Popcorn) -> str:
    return fields(await review_card(app, "leaving las vegas"))["Pros"]


async def test_a_list_gains_and_loses_one_item(any_app: Popcorn) -> None:
    added = await say(any_app, "!review set leaving las vegas pros +The car chase")
    assert text_of(added) == (
        "Saved. Leaving Las Vegas (1995) — pros: +The car chase\n"
        "pros now: Nicolas Cage; Elisabeth Shue; Gripping Storyline; The car chase"
    )
    removed = await say(any_app, "!review set leaving las vegas pros -the CAR chase")
    assert text_of(removed) == (
        "Saved. Leaving Las Vegas (1995) — pros: −The car chase\n"
        "pros now: Nicolas Cage; Elisabeth Shue; Gripping Storyline"
    )
    several = await say(any_app, "!review set leaving las vegas cons +Dated effects; No trailer")
    assert text_of(several).endswith(
        "cons now: Poor Audio Quality; Picture Quality Could Be Better; Dated effects; No trailer"
    )
    features = await say(any_app, '!review set leaving las vegas features -"B-Roll"')
    assert text_of(features).endswith(
        "features now: Making Of; "
        "Interviews with Nicolas Cage, Elisabeth Shue, Julian Sands & Mike Figgis"
    )
    genres = await say(any_app, "!review set leaving las vegas genre −Romance")
    assert text_of(genres).endswith("genres now: Drama")


async def test_removing_what_is_not_there_changes_nothing(any_app: Popcorn) -> None:
    before = await snapshot(any_app.engine)
    answer = await say(any_app, "!review set leaving las vegas pros -The car chase")
    assert isinstance(answer, Notice) and answer.tone is Tone.WARNING
    assert answer.text == (
        "Nothing changed: “The car chase” is not in the pros of Leaving Las Vegas (1995). "
        "pros: Nicolas Cage; Elisabeth Shue; Gripping Storyline"
    )
    again = await say(any_app, "!review set leaving las vegas pros +nicolas cage")
    assert text_of(again) == (
        "Nothing changed: Leaving Las Vegas (1995) already has “nicolas cage” in its pros. "
        "pros: Nicolas Cage; Elisabeth Shue; Gripping Storyline"
    )
    assert await snapshot(any_app.engine) == before


async def test_a_bare_value_on_a_list_is_refused_with_the_three_forms(any_app: Popcorn) -> None:
    before = await snapshot(any_app.engine)
    answer = await say(any_app, "!review set leaving las vegas pros The car chase")
    assert isinstance(answer, Notice) and answer.tone is Tone.WARNING
    assert answer.text == (
        "Nothing was saved: pros is a list: `pros +The car chase` adds, "
        "`pros -The car chase` removes, `pros = The car chase; …` replaces the whole list."
    )
    assert "\n" not in answer.text
    assert await snapshot(any_app.engine) == before


async def test_a_list_is_replaced_only_with_equals(any_app: Popcorn) -> None:
    answer = await say(any_app, "!review set leaving las vegas pros = Cage; Shue")
    assert text_of(answer).endswith("\npros now: Cage; Shue")
    assert "Cage" in await pros_of(any_app) and "Gripping" not in await pros_of(any_app)
    directors = await say(any_app, "!review set leaving las vegas directors = Mike Figgis")
    assert text_of(directors) == "Nothing changed: Leaving Las Vegas (1995) already says that."
    cleared = await say(any_app, "!review set leaving las vegas cons none")
    assert text_of(cleared).endswith("\ncons is now empty.")


async def test_an_alias_that_names_another_film_is_refused(any_app: Popcorn) -> None:
    before = await snapshot(any_app.engine)
    title = await say(any_app, '!alias add the rock "Con Air"')
    assert isinstance(title, Notice) and title.tone is Tone.WARNING
    assert title.text == "Nothing was saved: “Con Air” is already the title of Con Air (1997)."
    spelt = await say(any_app, '!alias add the rock "con-air"')
    assert text_of(spelt) == "Nothing was saved: “con-air” is already the title of Con Air (1997)."
    assert await snapshot(any_app.engine) == before

    await say(any_app, '!alias add the rock "Alcatraz"')
    other = await say(any_app, '!alias add con air "ALCATRAZ!"')
    assert text_of(other) == (
        "Nothing was saved: “ALCATRAZ!” is already an alias of The Rock (1996) (as “Alcatraz”)."
    )
    card = await say(any_app, "!film con air", actor=None)
    assert isinstance(card, Card) and card.title.startswith("Con Air")


async def test_aliases_are_listed_and_removed_whatever_the_case(any_app: Popcorn) -> None:
    none = await say(any_app, "!alias list the rock")
    assert text_of(none) == (
        'The Rock (1996) has no aliases. Add one with `!alias add the rock "…"`.'
    )
    await say(any_app, '!alias add the rock "Alcatraz"')
    await say(any_app, '!alias add the rock "The Rock 1996"')
    listed = await say(any_app, "!alias list the rock")
    assert text_of(listed) == "Aliases of The Rock (1996): “Alcatraz”, “The Rock 1996”."
    removed = await say(any_app, '!alias remove the rock "ALCATRAZ"')
    assert text_of(removed) == "Saved. The Rock (1996) — aliases: −Alcatraz"
    missing = await say(any_app, '!alias remove the rock "Alcatraz"')
    assert isinstance(missing, Notice) and missing.tone is Tone.WARNING
    assert missing.text == "The Rock (1996) has no alias “Alcatraz”. Its aliases: “The Rock 1996”."
    assert text_of(await say(any_app, "!alias list the rock")) == (
        "Aliases of The Rock (1996): “The Rock 1996”."
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("4.5 stars", " (4.5/5 is 9/10 on the site's scale)"),
        ("9 out of 10", ""),
    ],
)
async def test_a_rating_as_people_write_it_says_what_it_became(
    any_app: Popcorn, typed: str, said: str
) -> None:
    saved = await say(any_app, f"!review set leaving las vegas rating {typed}")
    assert text_of(saved) == f"Saved. Leaving Las Vegas (1995) — rating: — → 9/10{said}"
    assert fields(await review_card(any_app, "leaving las vegas"))["Film"] == "9/10"
