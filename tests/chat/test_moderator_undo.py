"""Issue 12, items 5 and 6, end to end through `popcorn chat --moderator` (a subprocess, on
SQLite and on PostgreSQL when POPCORN_TEST_POSTGRES_URL is set): the list replaced by mistake
comes back with `!review undo` and Confirm; a film's source edited and attached to
`!review add replace` shows the diff, then saves; replacing from an article keeps the
purchase links and the trailer. The database is read back with `popcorn export`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.chat.script import chat_messages, popcorn
from tests.helpers import SEED_ARTICLE, SEED_MISSING

NEW_ROCK = (
    "!review new The Rock | 1996 | Big loud fun | film 8, picture GREAT | "
    "pros: Cage and Connery; The car chase; Reference picture and sound"
)
PROS = ["Cage and Connery", "The car chase", "Reference picture and sound"]


def content(reply: list[dict[str, Any]]) -> str:
    return reply[0]["content"] or ""


def embed(reply: list[dict[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = reply[0]["embeds"][0]
    return found


def saved_record(seeded_url: str, slug: str, tmp_path: Path) -> dict[str, Any]:
    """The film's record as the database holds it (`popcorn export`, the same YAML as
    `!review source` sends)."""
    folder = tmp_path / "export"
    popcorn(["export", str(folder)], seeded_url)
    text = (folder / f"{slug}.yaml").read_text(encoding="utf-8")
    record: dict[str, Any] = yaml.safe_load(text)
    record["_text"] = text
    return record


def test_a_list_replaced_by_mistake_is_undone(seeded_url: str, tmp_path: Path) -> None:
    replies = chat_messages(
        seeded_url,
        [
            NEW_ROCK,
            ":press Confirm",
            "!review set the rock pros = -The car chase",
            "!review undo the rock",
            ":press Confirm",
            "!review history the rock",
        ],
    )
    assert content(replies[1]) == "Done: added the review of The Rock (1996)."
    assert content(replies[2]).startswith("Saved. The Rock (1996) — pros: +-The car chase, −Cage")
    undo = replies[3]
    assert content(undo).startswith("Undo the last change (set pros: +-The car chase")
    assert embed(undo)["title"] == "Undo: The Rock (1996)"
    assert embed(undo)["description"] == (
        "pros: +Cage and Connery, +The car chase, +Reference picture and sound, −**-The car chase**"
    )
    labels = [c["label"] for row in undo[0]["components"] for c in row["components"]]
    assert labels == ["Confirm", "Cancel"]
    assert content(replies[4]) == "Done: undid the last change of The Rock (1996)."
    history = json.dumps(replies[5], ensure_ascii=False)
    assert "**1.**" in history and "undo pros: +Cage and Connery" in history
    record = saved_record(seeded_url, "the-rock-1996", tmp_path)
    assert record["review"]["pros"] == PROS


def test_source_edited_and_attached_shows_the_diff(seeded_url: str, tmp_path: Path) -> None:
    first = chat_messages(seeded_url, [NEW_ROCK, ":press Confirm", "!review source the rock"])
    attachments = first[2][0]["attachments"]
    assert [a["filename"] for a in attachments] == ["the-rock-1996.yaml"]
    source = saved_record(seeded_url, "the-rock-1996", tmp_path)["_text"]
    assert attachments[0]["size"] == len(source.encode())  # what source sends: the export's

    unchanged = tmp_path / "same.yaml"
    unchanged.write_text(source, encoding="utf-8")
    edited = tmp_path / "the-rock-1996.yaml"
    changed = source.replace("  - The car chase\n", "")
    changed = changed.replace("  verdict: Big loud fun", "  verdict: Big, loud, great fun")
    edited.write_text(changed, encoding="utf-8")
    replies = chat_messages(
        seeded_url,
        [
            f":attach {unchanged}",
            "!review add replace",
            f":attach {edited}",
            "!review add replace",
            ":press Confirm",
        ],
    )
    assert content(replies[1]) == (
        "Nothing changed: the file says what The Rock (1996) already says. Nothing was saved."
    )
    preview = embed(replies[3])
    assert preview["title"] == "Preview: The Rock (1996)"
    assert preview["fields"][0] == {
        "name": "Changes (before → after; what goes is in bold)",
        "value": "pros: −**The car chase**\nverdict: **Big loud fun** → Big, loud, great fun",
        "inline": False,
    }
    assert content(replies[4]) == "Done: replaced the review of The Rock (1996)."
    review = saved_record(seeded_url, "the-rock-1996", tmp_path / "after")["review"]
    assert review["pros"] == ["Cage and Connery", "Reference picture and sound"]
    assert review["verdict"] == "Big, loud, great fun"


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason=SEED_MISSING)
def test_replacing_from_an_article_keeps_the_links(seeded_url: str, tmp_path: Path) -> None:
    replies = chat_messages(
        seeded_url, [f":attach {SEED_ARTICLE}", "!review add replace", ":press Confirm"]
    )
    fields = {f["name"]: f["value"] for f in embed(replies[1])["fields"]}
    changes = fields["Changes (before → after; what goes is in bold)"]
    assert changes.endswith(
        "Kept from the current review (an article never has them): purchase links, trailer."
    )
    assert content(replies[2]) == "Done: replaced the review of Leaving Las Vegas (1995)."
    review = saved_record(seeded_url, "leaving-las-vegas-1995", tmp_path)["review"]
    assert review["purchase_links"] == [
        {
            "retailer": "Amazon UK",
            "url": "https://www.amazon.co.uk/s?k=Leaving+Las+Vegas+1995+Blu-ray",
            "affiliate": True,
        }
    ]
    assert review["trailer"]["url"].startswith("https://www.youtube.com/results?search_query=")
