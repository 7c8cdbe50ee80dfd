"""The lazily built spec'd fakes (tests/discord_bot/fakes.py `autospec`) behave as
`create_autospec(cls, instance=True)`: same attributes, refusals, method kinds and signatures,
and each fake is independent of the others."""

from __future__ import annotations

import inspect
from typing import Any
from unittest.mock import AsyncMock, MagicMock, NonCallableMagicMock, call, create_autospec

import discord
import pytest
from discord import app_commands

from tests.discord_bot.fakes import autospec

FAKED = [
    discord.Interaction,
    discord.InteractionResponse,
    discord.Member,
    discord.User,
    discord.Message,
    discord.Guild,
    discord.TextChannel,
    discord.Role,
    discord.Thread,
    discord.Attachment,
    discord.ui.TextInput,
    app_commands.Command,
]


def methods(cls: type) -> list[str]:
    return [
        name
        for name in dir(cls)
        if not name.startswith("__") and inspect.isfunction(inspect.getattr_static(cls, name))
    ]


@pytest.mark.parametrize("cls", FAKED, ids=lambda cls: cls.__name__)
def test_a_fake_offers_what_create_autospec_offers(cls: type) -> None:
    lazy, eager = autospec(cls), create_autospec(cls, instance=True)
    assert isinstance(lazy, cls) and isinstance(lazy, NonCallableMagicMock)
    assert sorted(dir(lazy)) == sorted(dir(eager))
    with pytest.raises(AttributeError):
        _ = lazy.no_such_attribute_on_discord
    with pytest.raises(TypeError):
        lazy()
    for name in methods(cls):
        made, expected = getattr(lazy, name), getattr(eager, name)
        assert type(made).__mro__[1] is type(expected).__mro__[1], name  # AsyncMock or MagicMock
        # as text: discord.py's MISSING default is equal to nothing, not even itself
        assert str(inspect.signature(made)) == str(inspect.signature(expected)), name
        assert made._mock_parent is lazy and made._mock_name == name


async def test_a_method_checks_its_call_as_create_autospec_does() -> None:
    response = autospec(discord.InteractionResponse)
    assert isinstance(response.send_message, AsyncMock)
    assert isinstance(response.is_done, MagicMock) and not isinstance(response.is_done, AsyncMock)
    with pytest.raises(TypeError):
        await response.send_message("text", no_such_keyword=True)
    with pytest.raises(TypeError):
        response.is_done(1)
    await response.send_message("text", ephemeral=True)
    response.send_message.assert_awaited_once_with("text", ephemeral=True)
    assert response.mock_calls == [call.send_message("text", ephemeral=True)]
    with pytest.raises(AttributeError):
        response.send_messages.assert_called()  # a typo is refused, not a new mock


def test_each_fake_is_fresh_and_independent() -> None:
    first, second = autospec(discord.Guild), autospec(discord.Guild)
    first.get_member.return_value = "first's"
    first.id = 1
    assert first.get_member is not second.get_member
    assert second.get_member(5) != "first's"
    assert second.id != 1
    first.get_member(6)
    second.get_member.assert_called_once_with(5)  # only its own call
    first.reset_mock()  # pending methods are skipped, as create_autospec's lazy attributes
    first.get_member.assert_not_called()


def test_other_attributes_are_specced_as_create_autospec_specs_them() -> None:
    message: Any = autospec(discord.Message)
    eager: Any = create_autospec(discord.Message, instance=True)
    for name in ("author", "channel", "jump_url", "clean_content", "mentions"):
        made, expected = getattr(message, name), getattr(eager, name)
        assert type(made).__mro__[1] is type(expected).__mro__[1], name
        assert made._spec_class is expected._spec_class, name
