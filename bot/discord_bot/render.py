"""The one renderer: an answer (plain data) -> what Discord receives (content, embeds, view).

Pure functions: an Embed needs no connection, so tests assert on what is built here. Every
text is cut to Discord's limits with an ellipsis; nothing built here can be rejected.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import discord

from bot.answers.text import clip
from bot.answers.types import (
    Answer,
    Card,
    Choices,
    Confirmation,
    FileAnswer,
    ItemList,
    Link,
    Notice,
    Tone,
)
from bot.discord_bot import limits

COLOURS = {
    Tone.CARD: discord.Colour(0xE5A00D),
    Tone.UNREVIEWED: discord.Colour(0x99AAB5),
    Tone.INFO: discord.Colour(0x5865F2),
    Tone.WARNING: discord.Colour(0xF0B232),
    Tone.ERROR: discord.Colour(0xED4245),
}
NOTICE_ICONS = {Tone.WARNING: "⚠️ ", Tone.ERROR: "❌ "}
NO_MENTIONS = discord.AllowedMentions.none()
LIST_TEXT_BUDGET = 3500
LIST_ITEM_LIMIT = 400


@dataclass(slots=True)
class Reply:
    """One message the bot sends."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    files: list[tuple[str, bytes]] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        """Exactly what goes to Discord (`popcorn chat --json` prints this)."""
        payload: dict[str, Any] = {
            "content": self.content,
            "embeds": [embed.to_dict() for embed in self.embeds],
            "components": self.view.to_components() if self.view else [],
            "allowed_mentions": NO_MENTIONS.to_dict(),
        }
        if self.files:
            payload["attachments"] = [
                {"id": i, "filename": name, "size": len(data)}
                for i, (name, data) in enumerate(self.files)
            ]
        return payload

    def send_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
        if self.content:
            kwargs["content"] = self.content
        if self.embeds:
            kwargs["embeds"] = self.embeds
        if self.view is not None:
            kwargs["view"] = self.view
        if self.files:
            kwargs["files"] = [
                discord.File(io.BytesIO(data), filename=name) for name, data in self.files
            ]
        return kwargs


def is_web_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and len(url) <= 512


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Keep one embed within the 6,000-character total: shorten the description, then fields."""
    while len(embed) > limits.EMBED_TOTAL:
        excess = len(embed) - limits.EMBED_TOTAL
        if embed.description and len(embed.description) > 200:
            embed.description = clip(embed.description, max(200, len(embed.description) - excess))
            continue
        if embed.fields:
            embed.remove_field(len(embed.fields) - 1)
            continue
        embed.description = clip(embed.description or "", 100)
        break
    return embed


def new_embed(
    title: str, tone: Tone, url: str | None = None, description: str | None = None
) -> discord.Embed:
    return discord.Embed(
        title=clip(title, limits.EMBED_TITLE),
        url=url if is_web_url(url) else None,
        description=clip(description, limits.EMBED_DESCRIPTION) if description else None,
        colour=COLOURS[tone],
    )


def link_view(links: tuple[Link, ...]) -> discord.ui.View | None:
    """Link buttons (purchase, trailer, full review). Only http(s) links become buttons."""
    usable = [link for link in links if is_web_url(link.url)]
    if not usable:
        return None
    view = discord.ui.View(timeout=None)
    for link in usable[: limits.ACTION_ROWS * limits.BUTTONS_PER_ROW]:
        view.add_item(discord.ui.Button(label=clip(link.label, limits.BUTTON_LABEL), url=link.url))
    return view


def note_text(note: str | None) -> str | None:
    """An answer's one-line note ("Showing *Face/Off (1997)*"), as the message's content."""
    return clip(" ".join(note.split()), limits.CONTENT) if note else None


def render_card(card: Card) -> Reply:
    embed = new_embed(card.title, card.tone, card.url, card.description)
    for item in card.fields[: limits.EMBED_FIELDS]:
        embed.add_field(
            name=clip(item.name, limits.FIELD_NAME) or "\u200b",
            value=clip(item.value, limits.FIELD_VALUE) or "—",
            inline=item.inline,
        )
    if card.footer:
        embed.set_footer(text=clip(card.footer, limits.FOOTER))
    if card.thumbnail and is_web_url(card.thumbnail):
        embed.set_thumbnail(url=card.thumbnail)
    return Reply(
        content=note_text(card.note), embeds=[fit_embed(embed)], view=link_view(card.links)
    )


def list_pages(answer: ItemList) -> list[tuple[str, ...]]:
    """Split the items into pages of at most `page_size` items and about 3,500 characters.
    An item is cut at 400 characters, unless each has a page of its own (`page_size` 1)."""
    pages: list[tuple[str, ...]] = []
    current: list[str] = []
    size = 0
    item_limit = LIST_TEXT_BUDGET if answer.page_size == 1 else LIST_ITEM_LIMIT
    for raw in answer.items:
        item = clip(raw, item_limit)
        if current and (
            len(current) >= answer.page_size or size + len(item) + 1 > LIST_TEXT_BUDGET
        ):
            pages.append(tuple(current))
            current, size = [], 0
        current.append(item)
        size += len(item) + 1
    if current or not pages:
        pages.append(tuple(current))
    return pages


def render_list_page(answer: ItemList, page: int = 0) -> Reply:
    pages = list_pages(answer)
    page = min(max(page, 0), len(pages) - 1)
    body = "\n".join(pages[page]) or answer.empty_text
    intro = clip(answer.intro, 500) if answer.intro else None
    embed = new_embed(
        answer.title, answer.tone, answer.url, f"{intro}\n\n{body}" if intro else body
    )
    footer = [f"Page {page + 1}/{len(pages)}"] if len(pages) > 1 else []
    if answer.footer:
        footer.append(answer.footer)
    if footer:
        embed.set_footer(text=clip(" · ".join(footer), limits.FOOTER))
    return Reply(
        content=note_text(answer.note), embeds=[fit_embed(embed)], view=link_view(answer.links)
    )


def page_count(answer: ItemList) -> int:
    return len(list_pages(answer)) if answer.items else 1


def start_page(answer: ItemList) -> int:
    """The page a list opens at: the first, or its `start_page` when it has one (a review
    read from the part asked for, bot.answers.reading.ReviewPages)."""
    page = getattr(answer, "start_page", 0)
    return min(max(page, 0), page_count(answer) - 1) if isinstance(page, int) else 0


def render_choices(answer: Choices) -> Reply:
    lines = [f"**{i}.** {clip(choice.label, 200)}" for i, choice in enumerate(answer.choices, 1)]
    embed = new_embed(
        "Did you mean…", answer.tone, description="\n".join([answer.prompt, "", *lines])
    )
    return Reply(embeds=[fit_embed(embed)])


def render_notice(answer: Notice) -> Reply:
    text = NOTICE_ICONS.get(answer.tone, "") + answer.text
    if answer.hints:
        text += "\n" + "\n".join(f"• {hint}" for hint in answer.hints)
    return Reply(content=clip(text, limits.CONTENT))


def embed_as_text(embed: discord.Embed) -> str:
    lines = [f"**{embed.title}**" if embed.title else ""]
    if embed.url:
        lines[0] += f" <{embed.url}>"
    if embed.description:
        lines.append(embed.description)
    lines.extend(f"**{f.name}**: {f.value}" for f in embed.fields)
    if embed.footer.text:
        lines.append(f"-# {embed.footer.text}")
    return "\n".join(line for line in lines if line)


def as_plain_text(reply: Reply) -> Reply:
    """The same reply without embeds, for channels where the bot lacks Embed Links."""
    parts = [reply.content] if reply.content else []
    parts.extend(embed_as_text(embed) for embed in reply.embeds)
    parts.append("-# (I can't show cards here: I need the Embed Links permission.)")
    return Reply(content=clip("\n\n".join(parts), limits.CONTENT), view=reply.view)


def render_confirmation(answer: Confirmation) -> Reply:
    reply = render_card(answer.preview)
    reply.content = clip(answer.prompt, limits.CONTENT)
    reply.view = None  # the preview's links are not live yet; Confirm/Cancel come from views
    return reply


def render(answer: Answer) -> Reply:
    if isinstance(answer, Card):
        return render_card(answer)
    if isinstance(answer, Confirmation):
        return render_confirmation(answer)
    if isinstance(answer, FileAnswer):
        return Reply(
            content=clip(answer.text, limits.CONTENT), files=[(answer.filename, answer.data)]
        )
    if isinstance(answer, ItemList):
        return render_list_page(answer, start_page(answer))
    if isinstance(answer, Choices):
        return render_choices(answer)
    return render_notice(answer)


__all__ = ["Reply", "render"]
