"""Show a reply payload in a terminal the way Discord would show it (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


def _markdown(text: str) -> Markdown:
    return Markdown(text.replace("\n", "  \n"))


def _field(item: dict[str, Any]) -> Group:
    return Group(Text(item["name"], style="bold"), _markdown(item["value"]))


def _fields(fields: list[dict[str, Any]]) -> list[Any]:
    """Inline fields side by side, three to a row (as Discord does); others on their own."""
    parts: list[Any] = []
    row: list[dict[str, Any]] = []

    def flush() -> None:
        if row:
            table = Table.grid(padding=(0, 3), expand=True)
            for _ in range(3):
                table.add_column(ratio=1)
            for start in range(0, len(row), 3):
                cells = [_field(item) for item in row[start : start + 3]]
                table.add_row(*cells, *[""] * (3 - len(cells)))
            parts.append(table)
            row.clear()

    for item in fields:
        if item.get("inline"):
            row.append(item)
        else:
            flush()
            parts.append(_field(item))
    flush()
    return parts


def embed_panel(embed: dict[str, Any]) -> Panel:
    parts: list[Any] = []
    thumbnail = embed.get("thumbnail", {}).get("url")
    if thumbnail:  # Discord shows it small at the card's top right
        parts.append(Text(f"Cover: {thumbnail}", style="dim"))
    if embed.get("description"):
        parts.append(_markdown(embed["description"]))
    if embed.get("fields"):
        parts.append(Text(""))
        parts.extend(_fields(embed["fields"]))
    if embed.get("footer", {}).get("text"):
        parts.append(Text(embed["footer"]["text"], style="dim"))
    title = embed.get("title", "")
    if embed.get("url"):
        title = f"[link={embed['url']}]{title}[/link]"
    colour = embed.get("color")
    return Panel(
        Group(*parts) if parts else Text(""),
        title=title,
        title_align="left",
        border_style=f"#{colour:06x}" if isinstance(colour, int) else "white",
    )


def component_lines(components: list[dict[str, Any]]) -> list[str]:
    lines = []
    for row in components:
        labels = []
        for item in row.get("components", []):
            if item.get("type") == 2:
                target = f" → {item['url']}" if item.get("url") else ""
                state = " (off)" if item.get("disabled") else ""
                labels.append(f"[ {item.get('label', '')}{state} ]{target}")
            elif item.get("type") == 3:
                options = ", ".join(o["label"] for o in item.get("options", []))
                labels.append(f"[ {item.get('placeholder') or 'choose'}: {options} ]")
        if labels:
            lines.append("  ".join(labels))
    return lines


def print_payload(console: Console, payload: dict[str, Any]) -> None:
    if payload.get("content"):
        console.print(_markdown(payload["content"]))
    for embed in payload.get("embeds", []):
        console.print(embed_panel(embed))
    for line in component_lines(payload.get("components", [])):
        console.print(Text(line, style="cyan"))
