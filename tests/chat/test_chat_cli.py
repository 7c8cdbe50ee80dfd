"""End to end through the real command line (`popcorn ...` in a process of its own, forked by
tests/processes.py): `chat --json`, line-by-line chat, the readable mode, export -> import, and
import errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.discord_bot.limits_check import assert_within_limits
from tests.helpers import REPO, run_popcorn

PAYLOAD_KEYS = {"content", "embeds", "components", "allowed_mentions"}
LLV = "Leaving Las Vegas (1995)"
VERDICT = "Great film let down by poor audio on the Blu-ray release"
MESSAGES = [
    "!review leaving las vegas",
    "!review levaing las vegs 1995",
    "!cast leaving las vegas",
    "!verdict leaving las vegas",
    "!buy leaving las vegas",
    "!cage",
    ":press next",  # the page buttons under !cage
    "!filmography elizabeth shu",
    "hello",
    "!review face off",
    "!search vegas",
    "!review leaving las vegas 1990",
    ":select 1",  # the did-you-mean menu
]


run_cli = run_popcorn


def json_lines(result: subprocess.CompletedProcess[str]) -> list[list[dict[str, Any]]]:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    parsed = [json.loads(line) for line in lines]
    for line in parsed:
        assert isinstance(line, list)
        for payload in line:
            assert set(payload) == PAYLOAD_KEYS
            assert_within_limits(payload)
            assert payload["allowed_mentions"] == {"parse": []}
    return parsed


def without_custom_ids(value: Any) -> Any:
    """custom_id values are random per run: blank them out before comparing runs."""
    if isinstance(value, dict):
        return {k: "*" if k == "custom_id" else without_custom_ids(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_custom_ids(v) for v in value]
    return value


def chat_batch(db: Path, cwd: Path) -> list[list[dict[str, Any]]]:
    result = run_cli(["chat", "--json"], db, cwd, stdin="".join(m + "\n" for m in MESSAGES))
    lines = json_lines(result)
    assert len(lines) == len(MESSAGES)
    return without_custom_ids(lines)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chat")


@pytest.fixture(scope="module")
def seeded_db(workdir: Path, seeded_sqlite: Path) -> Path:
    """A database as the first run leaves it (migrated, data/ loaded): a copy of the session's
    seeded one (tests/conftest.py), made by the same `Popcorn.start` as the first chat."""
    path = workdir / "seeded.sqlite3"
    shutil.copyfile(seeded_sqlite, path)
    return path


@pytest.fixture(scope="module")
def batch(seeded_db: Path, workdir: Path) -> dict[str, list[dict[str, Any]]]:
    """MESSAGES through one `chat --json` on stdin: message -> its line of payloads."""
    return dict(zip(MESSAGES, chat_batch(seeded_db, workdir), strict=True))


def only_embed(payloads: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(payloads) == 1
    (embed,) = payloads[0]["embeds"]
    return embed


def field_values(embed: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed["fields"]}


def buttons(payloads: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """(label, url) of each button; a button that answers in place has no url."""
    return [
        (item["label"], item.get("url"))
        for row in payloads[0]["components"]
        for item in row["components"]
    ]


# --- chat --json ---------------------------------------------------------------------------


def test_one_message_argument_gives_one_line(seeded_db: Path, workdir: Path, batch: Any) -> None:
    result = run_cli(["chat", "--json", "!review leaving las vegas"], seeded_db, workdir)
    (line,) = json_lines(result)
    assert without_custom_ids(line) == batch["!review leaving las vegas"]


@pytest.mark.parametrize("message", ["!review leaving las vegas", "!review levaing las vegs 1995"])
def test_review(batch: dict[str, Any], message: str) -> None:
    embed = only_embed(batch[message])
    assert embed["title"] == LLV
    assert embed["description"].startswith(f"**{VERDICT}**")
    values = field_values(embed)
    assert values["Picture"].endswith("GOOD")
    assert values["Audio"].endswith("POOR")
    assert values["Extras"].endswith("OK")
    assert values["Film"] == "not rated"
    assert values["Directed by"] == "Mike Figgis"
    assert values["Runtime"] == "111 min"
    assert "Studiocanal" in values["Release"]
    assert "Gripping Storyline" in values["Pros"]
    assert "Picture Quality Could Be Better" in values["Cons"]
    assert embed["footer"]["text"].startswith("Affiliate links")
    assert [label for label, _ in buttons(batch[message])] == [
        "Read the review",
        "Buy at Amazon UK",
        "Trailer",
    ]


def test_cast(batch: dict[str, Any]) -> None:
    embed = only_embed(batch["!cast leaving las vegas"])
    assert embed["title"] == f"Cast of {LLV}"
    lines = [line for line in embed["description"].splitlines() if re.match(r"\d+\. ", line)]
    assert lines == [
        "1. **Nicolas Cage** as Ben Sanderson",
        "2. **Elisabeth Shue** as Sera",
        "3. **Julian Sands** as Yuri Butsov",
        "4. **Richard Lewis** as Peter",
        "5. **Steven Weber** as Marc Nussbaum",
        "6. **Emily Procter** as Debbie",
        "7. **Valeria Golino** as Terri",
        "8. **Thomas Kopache** as Mr. Simpson",
        "9. **Laurie Metcalf** as Landlady",
    ]


def test_verdict(batch: dict[str, Any]) -> None:
    embed = only_embed(batch["!verdict leaving las vegas"])
    assert embed["title"] == f"Verdict: {LLV}"
    assert embed["description"] == f"**{VERDICT}**"


def test_buy(batch: dict[str, Any]) -> None:
    payloads = batch["!buy leaving las vegas"]
    embed = only_embed(payloads)
    assert embed["title"] == f"Buy {LLV}"
    ((label, url),) = buttons(payloads)
    assert label == "Buy at Amazon UK"
    assert url == "https://www.amazon.co.uk/s?k=Leaving+Las+Vegas+1995+Blu-ray"
    assert url in embed["description"]


def test_cage(batch: dict[str, Any]) -> None:
    embed = only_embed(batch["!cage"])
    assert embed["title"] == "Nicolas Cage: filmography"
    match = re.match(
        r"(\d+) films in the database: 1 reviewed, (\d+) not yet\.", embed["description"]
    )
    assert match and int(match.group(1)) > 80 and int(match.group(2)) == int(match.group(1)) - 1
    pages = re.fullmatch(r"Page 1/(\d+)", embed["footer"]["text"])
    assert pages and int(pages.group(1)) > 1
    lines = embed["description"].splitlines()
    reviewed = [line for line in lines if "⭐" in line]
    assert len(reviewed) == 1 and reviewed[0].startswith("**Leaving Las Vegas** (1995)")
    assert lines.index(reviewed[0]) < lines.index(
        next(line for line in lines if "**Fast Times at Ridgemont High** (1982)" in line)
    )  # the reviewed film first, then the rest by year
    assert [b["label"] for b in batch["!cage"][0]["components"][0]["components"]] == [
        "◀ Previous",
        f"1/{pages.group(1)}",
        "Next ▶",
    ]
    page_two = only_embed(batch[":press next"])
    assert page_two["footer"]["text"] == f"Page 2/{pages.group(1)}"
    assert "⭐" not in page_two["description"]


def test_wrong_year_asks_and_the_choice_answers(batch: dict[str, Any]) -> None:
    payloads = batch["!review leaving las vegas 1990"]
    embed = only_embed(payloads)
    assert "No film from 1990" in embed["description"]
    ((menu,),) = [row["components"] for row in payloads[0]["components"]]
    assert [o["label"] for o in menu["options"]] == [LLV]
    picked = only_embed(batch[":select 1"])
    assert picked["title"] == LLV


def test_filmography_typo(batch: dict[str, Any]) -> None:
    embed = only_embed(batch["!filmography elizabeth shu"])
    assert embed["title"] == "Elisabeth Shue: filmography"
    assert "**Leaving Las Vegas** (1995) — as Sera" in embed["description"]
    assert VERDICT in embed["description"]


def test_not_a_command_gives_an_empty_line(batch: dict[str, Any]) -> None:
    assert batch["hello"] == []


def test_unreviewed(batch: dict[str, Any]) -> None:
    embed = only_embed(batch["!review face off"])
    assert embed["title"] == "Face/Off (1997)"
    assert "Not reviewed yet" in embed["description"]


def test_three_lines_in_three_lines_out(seeded_db: Path, workdir: Path, batch: Any) -> None:
    stdin = "!review leaving las vegas\nhello\n!cast leaving las vegas\n"
    lines = json_lines(run_cli(["chat", "--json"], seeded_db, workdir, stdin=stdin))
    assert len(lines) == 3
    lines = without_custom_ids(lines)
    assert lines == [batch["!review leaving las vegas"], [], batch["!cast leaving las vegas"]]


def test_readable_mode_prints_the_card(seeded_db: Path, workdir: Path, batch: Any) -> None:
    result = run_cli(["chat", "!review leaving las vegas"], seeded_db, workdir)
    assert result.returncode == 0, result.stderr
    assert LLV in result.stdout
    assert "Great film let down by poor audio" in result.stdout
    assert "Buy at Amazon UK" in result.stdout
    assert not result.stdout.lstrip().startswith("[")


def test_a_site_reviews_card_shows_its_cover_and_link(workdir: Path, seeded_sqlite: Path) -> None:
    record = workdir / "mandy-2018.yaml"
    record.write_text(
        "schema: 1\nfilm:\n  title: Mandy\n  year: 2018\nreview:\n"
        "  url: https://site.example/mandy/\n  cover_url: https://site.example/m.jpg\n"
        "  author: Jane Doe\n  published: 2018-09-21\n  verdict: Bonkers\n",
        encoding="utf-8",
    )
    db = workdir / "covers.sqlite3"
    shutil.copyfile(seeded_sqlite, db)  # data/ loaded, as the first run would load it
    assert run_cli(["import", str(record)], db, workdir).returncode == 0
    shown = run_cli(["chat", "!review mandy"], db, workdir)
    assert shown.returncode == 0, shown.stderr
    assert "Cover: https://site.example/m.jpg" in shown.stdout
    assert "Reviewed by Jane Doe on 21 September 2018" in shown.stdout
    assert "[ Read the review ] → https://site.example/mandy/" in shown.stdout
    (line,) = json_lines(run_cli(["chat", "--json"], db, workdir, stdin="!review mandy\n"))
    embed = only_embed(line)
    assert embed["thumbnail"] == {"url": "https://site.example/m.jpg"}
    assert embed["url"] == "https://site.example/mandy/"
    assert buttons(line) == [
        ("Read it here", None),
        ("Read the review", "https://site.example/mandy/"),
    ]


# --- export / import -----------------------------------------------------------------------


def test_export_then_import_gives_identical_answers(
    seeded_db: Path, workdir: Path, batch: dict[str, Any]
) -> None:
    out = workdir / "exported"
    result = run_cli(["export", str(out)], seeded_db, workdir)
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.yaml"))
    assert re.fullmatch(rf"Exported {len(files)} record file\(s\) to .*\.\n", result.stdout)
    assert len(files) > 80
    assert (out / "leaving-las-vegas-1995.yaml").is_file()

    fresh = workdir / "from-export.sqlite3"
    result = run_cli(["import", str(out)], fresh, workdir)
    assert result.returncode == 0, result.stderr
    assert f"Imported {len(files)} record(s): {len(files)} film(s) added, 0 updated." in (
        result.stdout
    )
    assert chat_batch(fresh, workdir) == list(batch.values())


def test_import_is_idempotent_and_equals_first_run_seeding(
    workdir: Path, batch: dict[str, Any]
) -> None:
    db = workdir / "imported-twice.sqlite3"
    first = run_cli(["import", str(REPO / "data")], db, workdir)
    assert first.returncode == 0, first.stderr
    match = re.search(
        r"Imported (\d+) record\(s\): (\d+) film\(s\) added, 0 updated\.", first.stdout
    )
    assert match, first.stdout
    records, added = int(match.group(1)), int(match.group(2))
    assert added > 80
    second = run_cli(["import", str(REPO / "data")], db, workdir)
    assert second.returncode == 0, second.stderr
    assert f"Imported {records} record(s): 0 film(s) added, 0 updated." in second.stdout
    assert chat_batch(db, workdir) == list(batch.values())


def test_import_of_an_invalid_file_fails_in_one_line(workdir: Path) -> None:
    bad = workdir / "bad-record.yaml"
    text = (REPO / "data" / "reviews" / "leaving-las-vegas-1995.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("runtime_min: 111", "runtime_min: -5"), encoding="utf-8")
    result = run_cli(["import", str(bad)], workdir / "bad.sqlite3", workdir)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "bad-record.yaml" in lines[0]
    assert "Leaving Las Vegas" in lines[0]
    assert "film.runtime_min" in lines[0]
    assert "Traceback" not in result.stderr
