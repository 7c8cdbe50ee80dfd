"""What members read, end to end through `popcorn chat --json` on the shipped data: the
questions that once got a confident wrong answer, a false "No" or the whole card, and their
siblings. Each row: the message, the reply's title (its embed's; None for a reply in plain
text), the whole lines the reply begins with (its embed's description or its text: the sentence,
and the quote or list under it where that is the point), and what it must never say."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.chat.test_chat_cli import run_cli
from tests.discord_bot.limits_check import assert_within_limits

LLV = "Leaving Las Vegas (1995)"
# (message, title, the whole first line(s), must never say (any))
# fmt: off
ROWS: list[tuple[str, str | None, str, list[str]]] = [
    # 1. never about something the member did not name
    ("!ask what age rating is llv", LLV,
     "Leaving Las Vegas (1995) is rated 18 (UK certificate).",
     ["Rage", "10"]),
    ("!ask whats the age rating of leaving las vegas", LLV,
     "Leaving Las Vegas (1995) is rated 18 (UK certificate).",
     ["Rage"]),
    ("!ask when is the next review coming", "The next review",
     "I don't know which film the site will review next, or when: the reviewers don't tell me "
     "their plans.",
     ["Next (2007)"]),
    ("!ask whats next?", "The next review",
     "I don't know which film the site will review next, or when: the reviewers don't tell me "
     "their plans.",
     ["Next (2007)"]),
    ("!ask whats the newest cage film", "Nicolas Cage: newest film",
     "The newest Nicolas Cage films in the database are from 2024: 2 films, Arcadian (not "
     "reviewed yet) and Longlegs (not reviewed yet).",
     ["Simon West"]),
    ("!ask what was nic cages first movie", "Nicolas Cage: earliest film",
     "The earliest Nicolas Cage film in the database is Fast Times at Ridgemont High (1982), "
     "not reviewed yet.",
     ["Simon West"]),
    ("!ask who did steven weber play", LLV,
     "Steven Weber plays Marc Nussbaum in Leaving Las Vegas (1995).",
     [" in ?"]),
    ("!ask whats the uk rating on leaving las vegas", LLV,
     "Leaving Las Vegas (1995) is rated 18 (UK certificate).",
     ["doesn't give a film"]),
    ("!ask is there a 4k of leaving las vegas", LLV,
     "The site reviewed the Studiocanal Blu-ray of Leaving Las Vegas (1995) (UK, 4 July 2016). "
     "I have no review of a 4K UHD edition, and I can't tell what else is on sale.",
     ["POOR"]),
    ("!ask any steelbook of llv?", LLV,
     "The site reviewed the Studiocanal Blu-ray of Leaving Las Vegas (1995) (UK, 4 July 2016). "
     "I have no review of a Steelbook edition, and I can't tell what else is on sale.",
     ["Picture"]),
    ("!ask is there a making of on leaving las vegas", LLV,
     "Yes: the extras of the Studiocanal Blu-ray of Leaving Las Vegas (1995) include “Making "
     "Of”.",
     ["Picture"]),
    ("!ask does llv have a commentary", LLV,
     "The extras list of the Studiocanal Blu-ray of Leaving Las Vegas (1995) doesn't mention a "
     "commentary. It lists: Making Of; Interviews with Nicolas Cage, Elisabeth Shue, Julian "
     "Sands & Mike Figgis; B-Roll.",
     ["Yes"]),
    ("!ask what region is the llv bluray", LLV,
     "The review doesn't say which region the Studiocanal Blu-ray of Leaving Las Vegas (1995) "
     "is (it's the UK release), and I don't have it.",
     ["region B"]),
    ("!ask who directed next", "Next (2007)",
     "Next (2007) was directed by Lee Tamahori.",
     ["don't know which film"]),
    ("!ask when is the next batch of reviews", "The next review",
     "I don't know which film the site will review next, or when: the reviewers don't tell me "
     "their plans.",
     ["Next (2007)"]),
    ("!ask how far are you through cage's films?", "Nicolas Cage: review progress",
     "**1 of 102 Nicolas Cage films in the database reviewed so far, 101 to go.**",
     ["Next"]),
    ("!ask what's the meaning of life", None,
     "Sorry, I didn't understand that. I can answer questions like:",
     [LLV, "Next (2007)", "Rage"]),
    # 2. never a false "No"
    ("!ask is john travolta in face off", "Face/Off (1997)",
     "The cast I have for Face/Off (1997) lists only Nicolas Cage (Castor Troy / Sean Archer); "
     "it isn't complete, so I can't say whether anyone called “john travolta” is in it.",
     ["No:"]),
    ("!ask is ed harris in the rock", "The Rock (1996)",
     "The cast I have for The Rock (1996) lists only Nicolas Cage (Stanley Goodspeed) and Sean "
     "Connery (John Patrick Mason); it isn't complete, so I can't say whether anyone called “ed "
     "harris” is in it.",
     ["No:"]),
    ("!ask who was in con air", "Con Air (1997)",
     "The cast I have for Con Air (1997) lists only Nicolas Cage (Cameron Poe); it isn't "
     "complete.",
     []),
    ("!ask is julian sands in leaving las vegas", LLV,
     "Yes: Julian Sands plays Yuri Butsov in Leaving Las Vegas (1995).",
     []),
    ("!ask is tom hanks in leaving las vegas", LLV,
     "No: the cast I have for Leaving Las Vegas (1995) doesn't include anyone called “tom "
     "hanks”.",
     ["isn't complete"]),
    ("!cast con air", "Cast of Con Air (1997)",
     "The cast I have for Con Air (1997) lists only Nicolas Cage; it isn't complete.",
     []),
    ("!ask does the music drown out the dialogue in leaving las vegas", LLV,
     "The review says: “…the audio mix seems all wrong with the music drowning out much of the "
     "dialogue and therefore pretty much ruining the film.” (Blu-ray audio: POOR)",
     ["No:", "Marinelli"]),
    ("!ask are there any marks on the picture of llv", LLV,
     "The review says: “First off the picture quality is not too bad although there are still a "
     "few tiny marks that flash up every once in a while.” (Blu-ray picture: GOOD)",
     ["No:"]),
    ("!ask does llv have subtitles", LLV,
     "The extras list of the Studiocanal Blu-ray of Leaving Las Vegas (1995) doesn't mention "
     "subtitles. It lists: Making Of; Interviews with Nicolas Cage, Elisabeth Shue, Julian "
     "Sands & Mike Figgis; B-Roll.",
     ["Yes"]),
    # 3. the review's own words
    ("!ask how is the acting in leaving las vegas", LLV,
     "From the review of Leaving Las Vegas (1995) (Acting & characters):\n> Nicolas Cage is on "
     "top form playing a man that simply wants to drink himself to death whilst at the same "
     "time falling in love with a Las Vegas prostitute named Sera played by Elisabeth Shue. She "
     "is simply looking for someone to love and hates the thought of being alone. All she "
     "really wants and needs is to come home and feel wanted and loved. The two form an "
     "unconventional loving relationship that is incredibly moving. Cage and Shue really do "
     "turn in excellent performances and it's because of this you feel fully invested in their "
     "lives whilst always knowing it can't end well.",
     []),
    ("!ask how was the music in llv", LLV,
     "From the review of Leaving Las Vegas (1995) (Music & audio):\n> The music is composed by "
     "Anthony Marinelli & Mike Figgis. It's a kind of moody sleazy saxophone affair that really "
     "suits the film's visuals. There is however an issue with this on the Blu-ray, more on "
     "that later.",
     []),
    ("!ask what did u think of the direction in llv", LLV,
     "From the review of Leaving Las Vegas (1995) (Style & direction):\n> The film's directed "
     "by Mike Figgis whilst the cinematography is handled by Declan Quinn. Make no mistake "
     "Leaving Las Vegas is a very well made film that manages to do a great job in conveying "
     "alcoholism even if it's from a rather unique perspective.",
     []),
    ("!ask whats the headline of the llv review", LLV,
     "The review of Leaving Las Vegas (1995) is headlined “Leaving Las Vegas Blu-ray Review – "
     "Great Film / Poor Blu-ray?”.",
     []),
    ("!ask what did you think of the film itself", None,
     "⚠️ Which film? I understood a question like “how is the acting in leaving las vegas?”, "
     "but no film in it.",
     [LLV]),
    ("!ask how was elisabeth shue in leaving las vegas", LLV,
     "From the review of Leaving Las Vegas (1995) (Acting & characters):\n> Nicolas Cage is on "
     "top form playing a man that simply wants to drink himself to death whilst at the same "
     "time falling in love with a Las Vegas prostitute named Sera played by Elisabeth Shue. She "
     "is simply looking for someone to love and hates the thought of being alone. All she "
     "really wants and needs is to come home and feel wanted and loved. The two form an "
     "unconventional loving relationship that is incredibly moving. Cage and Shue really do "
     "turn in excellent performances and it's because of this you feel fully invested in their "
     "lives whilst always knowing it can't end well.",
     ["verdict"]),
    ("!ask did the reviewer like the soundtrack of llv", LLV,
     "From the review of Leaving Las Vegas (1995) (Music & audio):\n> The music is composed by "
     "Anthony Marinelli & Mike Figgis. It's a kind of moody sleazy saxophone affair that really "
     "suits the film's visuals. There is however an issue with this on the Blu-ray, more on "
     "that later.",
     ["doesn't say"]),
    ("!ask what is the best part of llv", LLV,
     "Pros: Nicolas Cage, Elisabeth Shue and Gripping Storyline. Cons: Poor Audio Quality and "
     "Picture Quality Could Be Better.",
     ["character called"]),
    ("!ask is there a directors cut of con air", "Con Air (1997)",
     "I have no release on record for Con Air (1997). It's not reviewed yet.",
     ["directed by"]),
    ("!ask what's the bbfc rating for con air", "Con Air (1997)",
     "I don't have a certificate for Con Air (1997). What I do know: 1997 · Action, Thriller · "
     "directed by Simon West · starring Nicolas Cage (Cameron Poe).",
     ["rated"]),
    ("!ask does cage die in llv", LLV,
     "The review of Leaving Las Vegas (1995) doesn't say.",
     ["No:", "cage die"]),
    ("!ask is there swearing in llv", LLV,
     "The review of Leaving Las Vegas (1995) doesn't say.",
     ["No:", "cast"]),
    ("!ask did llv get 5 stars", LLV,
     "The review of Leaving Las Vegas (1995) doesn't say.",
     ["No:", "anyone called"]),
    ("!ask is elisabeth shue in leaving las vegas 2", "Did you mean…",
     "I understood a question like “who plays sera in leaving las vegas?”. I couldn't find a "
     "film called “leaving las vegas 2”. The nearest are:",
     ["No:"]),
    ("!ask is the dialogue clear on llv", LLV,
     "The review doesn't answer that in so many words. From the review of Leaving Las Vegas "
     "(1995) (Conclusion: the Blu-ray):\n> My next point is actually a pretty major one, the "
     "audio mix seems all wrong with the music drowning out much of the dialogue and therefore "
     "pretty much ruining the film. … I like to think I have a pretty decent surround sound "
     "set-up and who knows maybe your system may prove to be more audible during those dialogue "
     "and music scenes but I believe this to be down to poor audio mixing.",
     ["No:"]),
    ("!ask i don't trust the ratings on this site", None,
     "⚠️ I understood a question like “what did you rate leaving las vegas?”. I couldn't find a "
     "film called “i do not trust the”. Try `!search` with part of the title.",
     ["The Trust"]),
    ("!ask trust me llv is great, whats the runtime", LLV,
     "Leaving Las Vegas (1995) runs 111 minutes (1 h 51 min).",
     ["Trust"]),
    ("!ask 211 people in this server want to know the llv runtime", LLV,
     "Leaving Las Vegas (1995) runs 111 minutes (1 h 51 min).",
     ["211"]),
    ("!ask when was the llv review published", LLV,
     "The review of Leaving Las Vegas (1995) doesn't give its publication date, and I don't "
     "have it.",
     ["2016"]),
    ("!ask is llv rated r", LLV,
     "Leaving Las Vegas (1995) is rated 18 (UK certificate).",
     ["film rating"]),
    ("!ask what studio made llv", LLV,
     "The Blu-ray of Leaving Las Vegas (1995) came out on 4 July 2016 in the UK, from "
     "Studiocanal.",
     ["directed"]),
    ("!ask does the llv disc have dts", LLV,
     "I don't have the technical details of the Leaving Las Vegas (1995) disc (like “dts”): the "
     "review doesn't list them. It rates the audio POOR.",
     []),
    ("!ask is llv on prime video", "Buy Leaving Las Vegas (1995)",
     "I don't know where Leaving Las Vegas (1995) streams: I only have the review's links to "
     "buy the disc. Blu-ray · Studiocanal · 4 July 2016 · UK · 1 disc",
     ["picture"]),
    ("!ask where can i stream llv", "Buy Leaving Las Vegas (1995)",
     "I don't know where Leaving Las Vegas (1995) streams: I only have the review's links to "
     "buy the disc. Blu-ray · Studiocanal · 4 July 2016 · UK · 1 disc",
     []),
    ("!ask what cage films came out in 2019", "Nicolas Cage: filmography, 2019",
     "6 films from 2019 in the database: 0 reviewed, 6 not yet.",
     ["Leaving Las Vegas"]),
    ("!ask how many films did cage do in 2014", "Reviewed Nicolas Cage films",
     "I've reviewed 1 Nicolas Cage film so far, out of 102 Nicolas Cage films in the database. "
     "Reviewed: Leaving Las Vegas (1995). (I can't count by year yet: that's every year, not "
     "only 2014.)",
     []),
    ("!ask whats the newest film", "Nicolas Cage: newest film",
     "The newest Nicolas Cage films in the database are from 2024: 2 films, Arcadian (not "
     "reviewed yet) and Longlegs (not reviewed yet).",
     ["Who?"]),
    ("!ask which films are left", "Nicolas Cage: review progress",
     "**1 of 102 Nicolas Cage films in the database reviewed so far, 101 to go.**",
     []),
    ("!ask where can i read the full llv review", "The review of Leaving Las Vegas (1995)",
     "__Leaving Las Vegas Blu-ray Review – Great Film / Poor Blu-ray?__\n\n**Introduction**",
     []),
    ("!ask is there a directors cut of llv", LLV,
     "The site reviewed the Studiocanal Blu-ray of Leaving Las Vegas (1995) (UK, 4 July 2016). "
     "I have no review of any other edition.",
     ["Mike Figgis"]),
    ("!ask is the rock next", "The next review",
     "I don't know which film the site will review next, or when: the reviewers don't tell me "
     "their plans.",
     ["couldn't find"]),
    ("!ask did arsenal win", None,
     "Sorry, I didn't understand that. I can answer questions like:",
     ["Arsenal (2017)"]),
    ("!ask is cage married", None,
     "Sorry, I didn't understand that. I can answer questions like:",
     ["does the music"]),
    ("!ask list all reviews", "Reviewed films",
     "I've reviewed 1 film so far, out of 102 films in the database.\n\n**Leaving Las Vegas "
     "(1995)** — Great film let down by poor audio on the Blu-ray release",
     ["Which film?"]),
    # 4. names people type
    ("!review llv", LLV, "**Great film let down by poor audio on the Blu-ray release**", []),
    ("!verdict LLV", "Verdict: Leaving Las Vegas (1995)",
     "**Great film let down by poor audio on the Blu-ray release**",
     []),
    ("!review leavinglasvegas", LLV,
     "**Great film let down by poor audio on the Blu-ray release**",
     []),
    ("hey @Popcorn who directed con air", "Con Air (1997)",
     "Con Air (1997) was directed by Simon West.",
     []),
]
# fmt: on


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
def replies(
    tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path
) -> list[list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("wording")
    # a copy of the seeded database: data/ loaded, as the first chat would load it
    shutil.copyfile(seeded_sqlite, folder / "p.sqlite3")
    lines = "\n".join(row[0] for row in ROWS) + "\n"
    done = run_cli(["chat", "--json"], folder / "p.sqlite3", Path(folder), stdin=lines)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(out) == len(ROWS), done.stdout
    return out


def main_part(payloads: list[dict[str, Any]]) -> tuple[str | None, str]:
    """The reply's title and text: its first embed's, or its plain text."""
    first = payloads[0]
    embeds = first.get("embeds") or []
    if embeds:
        return embeds[0].get("title"), embeds[0].get("description") or ""
    return None, first.get("content") or ""


@pytest.mark.parametrize("row", range(len(ROWS)), ids=[row[0] for row in ROWS])
def test_what_a_member_reads(replies: list[list[dict[str, Any]]], row: int) -> None:
    message, title, says, never = ROWS[row]
    payloads = replies[row]
    for payload in payloads:
        assert_within_limits(payload)
    got_title, text = main_part(payloads)
    assert got_title == title, f"{message!r}: titled {got_title!r}, not {title!r}"
    assert text == says or text.startswith(says + "\n"), (
        f"{message!r}: the reply does not begin with the whole lines\n{says}\nit says\n{text}"
    )
    wrong = [n for n in never if n in said(payloads)]
    assert not wrong, f"{message!r}: says {wrong} in\n{said(payloads)}"
