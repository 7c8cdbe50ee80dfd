"""Prefix messages end to end through the bot's one path, on dpytest's fake Discord:
on_message -> parse_command (the parser `popcorn chat` uses) -> cooldown -> answer -> send."""

from __future__ import annotations

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext.test import backend, factories

from bot.answers.commands import COMMANDS
from bot.app import Popcorn
from bot.discord_bot.client import PopcornBot


def sent() -> discord.Message:
    return dpytest.get_message()


async def test_review_sends_the_rating_card(live_bot: PopcornBot) -> None:
    await dpytest.message("!review leaving las vegas")
    message = sent()
    embed = message.embeds[0]
    assert embed.title == "Leaving Las Vegas (1995)"
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Audio"].endswith("POOR") and fields["Picture"].endswith("GOOD")
    assert "Mike Figgis" in fields["Directed by"]
    assert dpytest.verify().message().nothing()


@pytest.mark.parametrize(
    "text", ["!Review leaving las vegas", "!REVIEW Leaving Las Vegas", "! review leaving las vegas"]
)
async def test_command_names_are_case_insensitive_and_spacing_is_forgiven(
    live_bot: PopcornBot, text: str
) -> None:
    await dpytest.message(text)
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_aliases_answer_as_their_command(live_bot: PopcornBot) -> None:
    await dpytest.message("!film leaving las vegas")
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_a_typo_and_a_year_find_the_film(live_bot: PopcornBot) -> None:
    await dpytest.message("!review levaing las vegs 1995")
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_unknown_command_naming_a_person_is_their_filmography(live_bot: PopcornBot) -> None:
    await dpytest.message("!cage")
    message = sent()
    assert message.embeds[0].title == "Nicolas Cage: filmography"
    # Pages: only the first page is shown, with working page buttons.
    assert "Page 1/" in message.embeds[0].footer.text


async def test_unknown_command_naming_nobody_gets_a_hint(live_bot: PopcornBot) -> None:
    await dpytest.message("!xyzzyplugh")
    assert "!help" in sent().content


async def test_a_mention_anywhere_is_a_question(live_bot: PopcornBot) -> None:
    assert live_bot.user is not None
    await dpytest.message(f"hey {live_bot.user.mention} who directed leaving las vegas?")
    assert "Mike Figgis" in (sent().embeds[0].description or "")


async def test_missing_argument_asks_for_the_film(live_bot: PopcornBot) -> None:
    await dpytest.message("!review")  # nothing raised: the answer asks, as in popcorn chat
    assert "Which film?" in sent().content


async def test_punctuation_is_not_a_command(live_bot: PopcornBot) -> None:
    await dpytest.message("!!!")
    await dpytest.message("nice film tonight")
    assert dpytest.verify().message().nothing()


async def test_a_year_that_matches_nothing_is_said_to_match_nothing(live_bot: PopcornBot) -> None:
    await dpytest.message("!review con air 1990")
    message = sent()
    assert message.embeds[0].title == "Did you mean…"
    assert "No film from 1990" in message.embeds[0].description
    assert "Con Air (1997)" in message.embeds[0].description


async def test_replies_ping_no_one(live_bot: PopcornBot) -> None:
    await dpytest.message("!review @everyone")
    message = sent()
    assert "@everyone" not in (message.content or "").replace("@\u200beveryone", "")
    assert not message.mention_everyone


async def test_other_bots_are_ignored(live_bot: PopcornBot) -> None:
    config = dpytest.get_config()
    data = factories.make_user_dict("OtherBot", "0003", None, bot=True)
    other_bot = backend.make_member(backend.get_state().store_user(data), config.guilds[0])
    assert other_bot.bot
    await dpytest.message("!review leaving las vegas", member=other_bot)
    assert dpytest.verify().message().nothing()


@pytest.mark.parametrize(("first", "second"), [("!top 5 audio", "!top audio 5")])
async def test_a_prefix_command_is_parsed_once_in_any_order(
    live_bot: PopcornBot, first: str, second: str
) -> None:
    await dpytest.message(first)
    one = sent().embeds[0]
    await dpytest.message(second)
    other = sent().embeds[0]
    assert one.title == other.title == "Top 5 by audio rating"
    assert one.description == other.description


async def test_prefix_answers_are_the_chat_answers(live_bot: PopcornBot, app: Popcorn) -> None:
    """The same parser as `popcorn chat`: the same answer, whatever the argument order."""
    answer = await app.answer_text("!worst picture 3")
    assert answer is not None
    await dpytest.message("!worst picture 3")
    assert sent().embeds[0].title == getattr(answer, "title", None)


async def test_cooldown_stops_a_flood(live_bot: PopcornBot) -> None:
    rate = live_bot.settings.cooldown_rate
    for _ in range(rate):
        await dpytest.message("!verdict leaving las vegas")
        sent()
    await dpytest.message("!verdict leaving las vegas")
    text = sent().content
    assert text.startswith("Slow down a little: try again in ") and text.endswith("s.")
    await dpytest.message("!review leaving las vegas")  # another command: its own bucket
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_aliases_share_their_command_s_cooldown(live_bot: PopcornBot) -> None:
    for _ in range(live_bot.settings.cooldown_rate):
        await dpytest.message("!film leaving las vegas")
        sent()
    await dpytest.message("!review leaving las vegas")
    assert "Slow down" in sent().content


async def test_a_moderator_command_gets_the_cooldown(live_bot: PopcornBot) -> None:
    for _ in range(live_bot.settings.cooldown_rate):
        await dpytest.message("!review history leaving las vegas")
        sent()
    await dpytest.message("!review history leaving las vegas")
    assert "Slow down" in sent().content


async def test_flooding_mentions_and_unknown_commands_stays_quiet(live_bot: PopcornBot) -> None:
    assert live_bot.user is not None
    for _ in range(live_bot.settings.cooldown_rate):
        await dpytest.message("!cage")
        sent()
    await dpytest.message("!cage")
    await dpytest.message(f"{live_bot.user.mention} who directed con air?")
    assert dpytest.verify().message().nothing()
    await dpytest.message("!review leaving las vegas")  # real commands still answer
    assert sent().embeds[0].title == "Leaving Las Vegas (1995)"


async def test_sync_is_for_the_owner_only(live_bot: PopcornBot) -> None:
    await dpytest.message("!sync")
    assert sent().content == "You can't use that command."


async def test_discord_py_parses_no_prefix_command(live_bot: PopcornBot) -> None:
    """One parser: discord.py's prefix commands are not used (slash commands are)."""
    assert not live_bot.commands
    for spec in COMMANDS:
        assert live_bot.tree.get_command(spec.name) is not None, spec.name


def test_no_two_commands_share_a_name() -> None:
    names = [n for spec in COMMANDS for n in (spec.name, *spec.aliases)]
    assert len(names) == len(set(names))
