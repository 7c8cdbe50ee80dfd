"""What members read, end to end through `popcorn chat --json` on the shipped data: the
questions that once got a confident wrong answer, a false "No" or the whole card, and their
siblings. Each row: the message, what the reply must say, what it must never say."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.chat.test_chat_cli import run_cli
from tests.discord_bot.limits_check import assert_within_limits

LLV = "Leaving Las Vegas (1995)"
# (message, must say (all), must never say (any))
ROWS: list[tuple[str, list[str], list[str]]] = [
    # 1. never about something the member did not name
    ("!ask what age rating is llv", ["18", "certificate"], ["Rage", "10"]),
    ("!ask whats the age rating of leaving las vegas", ["rated 18"], ["Rage"]),
    ("!ask when is the next review coming", ["don't know which film"], ["Next (2007)"]),
    ("!ask whats next?", ["don't know which film"], ["Next (2007)"]),
    ("!ask whats the newest cage film", ["newest Nicolas Cage film"], ["Simon West"]),
    ("!ask what was nic cages first movie", ["earliest Nicolas Cage film"], ["Simon West"]),
    ("!ask who did steven weber play", ["Steven Weber plays Marc Nussbaum", LLV], [" in ?"]),
    ("!ask whats the uk rating on leaving las vegas", ["rated 18"], ["doesn't give a film"]),
    ("!ask is there a 4k of leaving las vegas", ["Studiocanal", "no review of a 4K"], ["POOR"]),
    ("!ask any steelbook of llv?", ["no review of a Steelbook"], ["Picture"]),
    ("!ask is there a making of on leaving las vegas", ["Yes", "Making Of"], ["Picture"]),
    ("!ask does llv have a commentary", ["doesn't mention a commentary", "B-Roll"], ["Yes"]),
    ("!ask what region is the llv bluray", ["doesn't say which region"], ["region B"]),
    ("!ask who directed next", ["Next (2007) was directed by"], ["don't know which film"]),
    ("!ask when is the next batch of reviews", ["don't know which film"], ["Next (2007)"]),
    ("!ask how far are you through cage's films?", ["1 of", "Nicolas Cage films"], ["Next"]),
    ("!ask what's the meaning of life", [], [LLV, "Next (2007)", "Rage"]),
    # 2. never a false "No"
    ("!ask is john travolta in face off", ["isn't complete", "can't say"], ["No:"]),
    ("!ask is ed harris in the rock", ["isn't complete"], ["No:"]),
    ("!ask who was in con air", ["lists only Nicolas Cage", "isn't complete"], []),
    ("!ask is julian sands in leaving las vegas", ["Yes", "Yuri Butsov"], []),
    ("!ask is tom hanks in leaving las vegas", ["No:"], ["isn't complete"]),
    ("!cast con air", ["isn't complete"], []),
    (
        "!ask does the music drown out the dialogue in leaving las vegas",
        ["The review says", "drowning out", "POOR"],
        ["No:", "Marinelli"],
    ),
    ("!ask are there any marks on the picture of llv", ["marks", "GOOD"], ["No:"]),
    ("!ask does llv have subtitles", [], ["Yes"]),
    # 3. the review's own words
    ("!ask how is the acting in leaving las vegas", ["From the review", "performances"], []),
    ("!ask how was the music in llv", ["From the review", "saxophone"], []),
    ("!ask what did u think of the direction in llv", ["From the review", "well made"], []),
    ("!ask whats the headline of the llv review", ["Great Film / Poor Blu-ray?"], []),
    ("!ask what did you think of the film itself", ["Which film?"], [LLV]),
    ("!ask how was elisabeth shue in leaving las vegas", ["Acting", "Shue"], ["verdict"]),
    ("!ask did the reviewer like the soundtrack of llv", ["saxophone"], ["doesn't say"]),
    ("!ask what is the best part of llv", ["Pros:"], ["character called"]),
    ("!ask is there a directors cut of con air", ["no release on record"], ["directed by"]),
    ("!ask what's the bbfc rating for con air", ["don't have a certificate"], ["rated"]),
    ("!ask does cage die in llv", ["doesn't say"], ["No:", "cage die"]),
    ("!ask is there swearing in llv", [], ["No:", "cast"]),
    ("!ask did llv get 5 stars", [], ["No:", "anyone called"]),
    ("!ask is elisabeth shue in leaving las vegas 2", ["couldn't find a film"], ["No:"]),
    ("!ask is the dialogue clear on llv", ["drowning out"], ["No:"]),
    ("!ask i don't trust the ratings on this site", [], ["The Trust"]),
    ("!ask trust me llv is great, whats the runtime", ["111 minutes"], ["Trust"]),
    ("!ask 211 people in this server want to know the llv runtime", ["111 minutes"], ["211"]),
    ("!ask when was the llv review published", ["publication date"], ["2016"]),
    ("!ask is llv rated r", ["rated 18"], ["film rating"]),
    ("!ask what studio made llv", ["Studiocanal"], ["directed"]),
    ("!ask does the llv disc have dts", ["technical details"], []),
    ("!ask is llv on prime video", ["don't know where"], ["picture"]),
    ("!ask where can i stream llv", ["don't know where"], []),
    ("!ask what cage films came out in 2019", ["from 2019"], ["Leaving Las Vegas"]),
    ("!ask how many films did cage do in 2014", ["can't count by year"], []),
    ("!ask whats the newest film", ["newest Nicolas Cage film"], ["Who?"]),
    ("!ask which films are left", ["to go"], []),
    ("!ask where can i read the full llv review", ["Introduction"], []),
    ("!ask is there a directors cut of llv", ["no review of"], ["Mike Figgis"]),
    ("!ask is the rock next", ["don't know which film"], ["couldn't find"]),
    ("!ask did arsenal win", ["didn't understand"], ["Arsenal (2017)"]),
    ("!ask is cage married", ["didn't understand"], ["does the music"]),
    ("!ask list all reviews", ["Leaving Las Vegas (1995)"], ["Which film?"]),
    # 4. names people type
    ("!review llv", [LLV, "Great film let down"], []),
    ("!verdict LLV", ["Great film let down"], []),
    ("!review leavinglasvegas", [LLV], []),
    ("hey @Popcorn who directed con air", ["Simon West"], []),
]


def said(payloads: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    for payload in payloads:
        parts.append(payload.get("content") or "")
        for embed in payload.get("embeds") or []:
            parts += [embed.get("title") or "", embed.get("description") or ""]
            parts += [f"{f['name']}: {f['value']}" for f in embed.get("fields") or []]
            parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


@pytest.fixture(scope="module")
def replies(tmp_path_factory: pytest.TempPathFactory) -> list[list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("wording")
    lines = "\n".join(message for message, _, _ in ROWS) + "\n"
    done = run_cli(["chat", "--json"], folder / "p.sqlite3", Path(folder), stdin=lines)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(out) == len(ROWS), done.stdout
    return out


@pytest.mark.parametrize("row", range(len(ROWS)), ids=[message for message, _, _ in ROWS])
def test_what_a_member_reads(replies: list[list[dict[str, Any]]], row: int) -> None:
    message, must, never = ROWS[row]
    payloads = replies[row]
    for payload in payloads:
        assert_within_limits(payload)
    text = said(payloads)
    assert text.strip(), f"{message!r}: no reply"
    missing = [m for m in must if m not in text]
    wrong = [n for n in never if n in text]
    assert not missing and not wrong, f"{message!r}: missing {missing}, wrong {wrong} in\n{text}"
