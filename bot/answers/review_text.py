"""The review's own words: its parts in reading order, which part speaks to which topic, the
sentences of a part that speak to a question, and the one sentence that answers a yes/no
question ("does the music drown out the dialogue?").

Pure: plain strings in, plain data out. `review_text` reads the attributes of a film and its
review (ORM objects or anything shaped like them) into a `ReviewText`; nothing here touches
the database or Discord.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from bot.answers.text import ELLIPSIS, film_label
from bot.answers.types import Choice, Request

# --- the parts of a review ---------------------------------------------------------------------

#: Reading order: key -> (title, the short name typed after `!read <film>`).
SECTION_ORDER: tuple[str, ...] = (
    "headline",
    "intro",
    "synopsis",
    "style_direction",
    "music_audio",
    "acting_characters",
    "film_conclusion",
    "release_conclusion",
    "extras",
    "verdict",
    "pros_cons",
    "recommendation",
)
SECTION_TITLES: dict[str, str] = {
    "headline": "Headline",
    "intro": "Introduction",
    "synopsis": "Synopsis",
    "style_direction": "Style & direction",
    "music_audio": "Music & audio",
    "acting_characters": "Acting & characters",
    "film_conclusion": "Conclusion: the film",
    "release_conclusion": "Conclusion: the {format}",
    "extras": "Extras",
    "verdict": "Verdict",
    "pros_cons": "Pros and cons",
    "recommendation": "Recommendation",
}
SHORT_NAMES: dict[str, str] = {
    "headline": "headline",
    "intro": "intro",
    "synopsis": "synopsis",
    "style_direction": "direction",
    "music_audio": "music",
    "acting_characters": "acting",
    "film_conclusion": "conclusion",
    "release_conclusion": "blu-ray",
    "extras": "extras",
    "verdict": "verdict",
    "pros_cons": "pros",
    "recommendation": "recommendation",
}
#: Other names a member may type for a part (besides its key, title, short name and topics).
SECTION_ALIASES: dict[str, str] = {
    "introduction": "intro",
    "opening": "intro",
    "summary": "synopsis",
    "style and direction": "style_direction",
    "style": "style_direction",
    "music and audio": "music_audio",
    "acting and characters": "acting_characters",
    "characters": "acting_characters",
    "performances": "acting_characters",
    "cast": "acting_characters",
    "film conclusion": "film_conclusion",
    "conclusion": "film_conclusion",
    "conclusions": "film_conclusion",
    "blu ray conclusion": "release_conclusion",
    "bluray conclusion": "release_conclusion",
    "release conclusion": "release_conclusion",
    "disc conclusion": "release_conclusion",
    "blu ray": "release_conclusion",
    "bluray": "release_conclusion",
    "disc": "release_conclusion",
    "special features": "extras",
    "features": "extras",
    "bonus features": "extras",
    "extra": "extras",
    "pros": "pros_cons",
    "cons": "pros_cons",
    "pros and cons": "pros_cons",
    "pros cons": "pros_cons",
    "recommend": "recommendation",
    "recommended": "recommendation",
    "title": "headline",
}

#: The rating a part belongs to, when it belongs to one. The Blu-ray's conclusion speaks to
#: the picture and the audio: which one is read from the sentence (see `sentence_aspect`).
SECTION_ASPECTS: dict[str, str | None] = {
    "synopsis": "film",
    "style_direction": "film",
    "acting_characters": "film",
    "film_conclusion": "film",
    "extras": "extras",
}


@dataclass(frozen=True, slots=True)
class Topic:
    """What a question is about -> the parts of the review that speak to it, in the order to
    quote them, and the rating that goes with it."""

    sections: tuple[str, ...]
    aspect: str | None = None
    words: tuple[str, ...] = ()  # words that make a sentence about this topic


TOPICS: dict[str, Topic] = {
    "acting": Topic(("acting_characters",), None, ("acting", "performance", "character")),
    "direction": Topic(("style_direction",), None, ("direct", "cinematography", "made")),
    "music": Topic(("music_audio",), None, ("music",)),
    "story": Topic(("synopsis", "film_conclusion"), None, ("story", "theme")),
    "film": Topic(("film_conclusion",), "film", ("film",)),
    "picture": Topic(("release_conclusion",), "picture", ("picture",)),
    "audio": Topic(("release_conclusion", "music_audio"), "audio", ("audio", "dialogue")),
    "extras": Topic(("extras",), "extras", ()),
    "release": Topic(("release_conclusion",), None, ("blu-ray", "picture", "audio")),
    "headline": Topic(("headline",), None, ()),
}
#: What members call a topic -> the topic (normalised: lower case, words split by spaces).
TOPIC_NAMES: dict[str, str] = {
    **{name: "acting" for name in ("acting", "actors", "actor", "performances", "performance",
                                   "the acting", "the performances", "the cast", "characters")},
    **{name: "direction" for name in ("direction", "directing", "style", "cinematography",
                                      "visual style", "visuals", "the direction", "the look",
                                      "photography", "camera work", "camerawork")},
    **{name: "music" for name in ("music", "score", "soundtrack", "the music", "the score",
                                  "the soundtrack", "songs")},
    **{name: "story" for name in ("story", "plot", "script", "screenplay", "storyline",
                                  "the story", "the plot", "the script", "writing")},
    **{name: "film" for name in ("the film itself", "the movie", "the film", "film", "movie",
                                 "the movie itself", "film itself", "movie itself")},
    **{name: "picture" for name in ("picture", "video", "transfer", "image", "the picture",
                                    "picture quality", "video quality", "the transfer",
                                    "the image", "image quality")},
    **{name: "audio" for name in ("audio", "sound", "mix", "dialogue", "dialog", "the audio",
                                  "the sound", "the mix", "audio quality", "sound quality",
                                  "the dialogue", "audio mix", "sound mix")},
    **{name: "extras" for name in ("extras", "special features", "bonus features", "features",
                                   "the extras", "bonus material", "supplements")},
    **{name: "release" for name in ("the release", "release", "the blu-ray", "blu-ray",
                                    "bluray", "the bluray", "the blu-ray as a whole", "the disc",
                                    "disc", "the blu ray", "blu ray")},
    **{name: "headline" for name in ("headline", "the headline", "title")},
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReviewText:
    """A review's words as plain data (`review_text` builds one from the ORM objects)."""

    film_title: str = ""
    film_year: int | None = None
    headline: str | None = None
    intro: str | None = None
    synopsis: str | None = None
    style_direction: str | None = None
    music_audio: str | None = None
    acting_characters: str | None = None
    film_conclusion: str | None = None
    release_conclusion: str | None = None
    extras: tuple[str, ...] = ()
    verdict: str | None = None
    pros: tuple[str, ...] = ()
    cons: tuple[str, ...] = ()
    recommendation: str | None = None
    release_format: str = "Blu-ray"
    #: aspect -> how the rating reads ("POOR", "8/10"); unset ratings are left out.
    ratings: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return film_label(self.film_title, self.film_year)


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    text: str
    aspect: str | None = None
    items: tuple[str, ...] = ()  # the extras as a list


@dataclass(frozen=True, slots=True)
class Quote:
    """The one sentence of a review that speaks to a question."""

    sentence: str
    section: str  # the part's key (`release_conclusion`)
    section_title: str
    aspect: str | None  # the rating it belongs to: film, picture, audio, extras (or None)
    excerpt: str = ""  # the clause(s) that answer, with an ellipsis where the sentence is cut

    @property
    def quoted(self) -> str:
        return self.excerpt or self.sentence


def review_text(film: Any, review: Any) -> ReviewText:
    """The words of `review` (a Review) of `film` (a Film), read from their attributes."""
    release = getattr(review, "release", None)
    ratings: dict[str, str] = {}
    for rating in getattr(review, "ratings", None) or ():
        if rating.aspect == "film":
            if rating.score is not None:
                ratings["film"] = f"{rating.score:g}/10"
        elif rating.grade:
            ratings[rating.aspect] = str(rating.grade)
    return ReviewText(
        film_title=film.title,
        film_year=film.year,
        headline=review.headline,
        intro=review.intro,
        synopsis=film.synopsis,
        style_direction=review.style_direction,
        music_audio=review.music_audio,
        acting_characters=review.acting_characters,
        film_conclusion=review.film_conclusion,
        release_conclusion=review.release_conclusion,
        extras=tuple(release.extras or ()) if release is not None else (),
        verdict=review.verdict,
        pros=tuple(review.pros or ()),
        cons=tuple(review.cons or ()),
        recommendation=review.recommendation,
        release_format=(release.format if release is not None and release.format else "Blu-ray"),
        ratings=ratings,
    )


def section_title(key: str, release_format: str = "Blu-ray") -> str:
    return SECTION_TITLES[key].format(format=release_format)


def sections(text: ReviewText) -> tuple[Section, ...]:
    """The review's parts that it has, in reading order."""
    found: list[Section] = []
    for key in SECTION_ORDER:
        items: tuple[str, ...] = ()
        if key == "extras":
            items = tuple(e.strip() for e in text.extras if e and e.strip())
            body = "\n".join(f"• {item}" for item in items)
        elif key == "pros_cons":
            lines = [f"✅ {p}" for p in text.pros if p.strip()]
            lines += [f"❌ {c}" for c in text.cons if c.strip()]
            body = "\n".join(lines)
        else:
            body = (getattr(text, key) or "").strip()
        if body:
            title = section_title(key, text.release_format)
            found.append(Section(key, title, body, SECTION_ASPECTS.get(key), items))
    return tuple(found)


def normalise(text: str) -> str:
    """Lower case, words separated by single spaces (`Blu-ray` -> `blu ray`)."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold().replace("&", " and ")))


def topic_for(text: str) -> str | None:
    """The topic a member's words name (`the score` -> music), or None."""
    key = normalise(text)
    for candidate in (key, key.removeprefix("the ")):
        for name, topic in TOPIC_NAMES.items():
            if normalise(name) == candidate:
                return topic
    return None


def section_key_for(text: str, available: Iterable[str] = SECTION_ORDER) -> str | None:
    """The part of a review a member's loose words name (`acting`, `the blu-ray`, `verdict`,
    `pros`, `actng`), among `available` keys; None when nothing fits."""
    have = [key for key in SECTION_ORDER if key in set(available)]
    wanted = normalise(text)
    for prefix in ("the ", "its ", "review "):
        wanted = wanted.removeprefix(prefix)
    if not wanted:
        return None
    names: dict[str, str] = {}
    for section in SECTION_ORDER:
        names[normalise(section.replace("_", " "))] = section
        names[normalise(SECTION_TITLES[section].format(format="blu-ray"))] = section
        names[normalise(SHORT_NAMES[section])] = section
    names.update({normalise(alias): section for alias, section in SECTION_ALIASES.items()})
    key = names.get(wanted)
    if key is None and (topic := topic_for(wanted)) is not None:
        key = next((k for k in TOPICS[topic].sections if k in have), TOPICS[topic].sections[0])
    if key is None:
        # A typo ("actng", "verdit"): the closest name, when it is close.
        scored = [(fuzz.ratio(wanted, name), name) for name in names if len(name) >= 4]
        best = max(scored, default=(0.0, ""))
        if best[0] >= 85 and len(wanted) >= 4:
            key = names[best[1]]
    return key if key in have else None


def section_names(available: Iterable[str]) -> list[str]:
    """The short names of the parts in `available`, in reading order (`intro`, `acting`...)."""
    have = set(available)
    return [SHORT_NAMES[key] for key in SECTION_ORDER if key in have]


# --- sentences -----------------------------------------------------------------------------

_ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "st", "vs", "jr", "sr", "no", "etc", "e.g", "i.e")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[a-z0-9]+(?:[.'’][a-z0-9]+)*")


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, each kept as written (paragraph breaks end a sentence)."""
    found: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=[•✅❌\-*])", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            before = paragraph[start : match.start()].rsplit(" ", 1)[-1].rstrip(".").casefold()
            if before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
                continue  # "Mr. Simpson", "J. Smith"
            found.append(paragraph[start : match.start()].strip())
            start = match.end()
        found.append(paragraph[start:].strip())
    return [s for s in found if s]


def cut_at_word(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words, ending in an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    if " " in cut and not text[len(cut)].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-") + ELLIPSIS


def fit_sentences(sentences: Sequence[str], max_chars: int) -> list[str]:
    """The first sentences whose total (with a space between) stays within `max_chars`; a
    first sentence longer than that alone is cut between words."""
    kept: list[str] = []
    size = 0
    for sentence in sentences:
        extra = len(sentence) + (1 if kept else 0)
        if size + extra > max_chars:
            break
        kept.append(sentence)
        size += extra
    if not kept and sentences:
        kept = [cut_at_word(sentences[0], max_chars)]
    return kept


def chunk_text(text: str, max_chars: int) -> list[str]:
    """A text in pieces of at most `max_chars`, split between sentences (a paragraph break is
    kept when it falls inside a piece); a single longer sentence is cut between words."""
    pieces: list[str] = []
    current = ""
    for paragraph in [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]:
        units = paragraph.split("\n") if paragraph.startswith(("•", "✅", "❌")) else None
        for i, sentence in enumerate(units or split_sentences(paragraph)):
            while len(sentence) > max_chars:  # one very long sentence: cut between words
                head = cut_at_word(sentence, max_chars).removesuffix(ELLIPSIS)
                if current:
                    pieces.append(current)
                    current = ""
                pieces.append(head + ELLIPSIS)
                sentence = ELLIPSIS + sentence[len(head) :].lstrip()
            joiner = ("\n\n" if i == 0 else ("\n" if units else " ")) if current else ""
            if current and len(current) + len(joiner) + len(sentence) > max_chars:
                pieces.append(current)
                current, joiner = "", ""
            current += joiner + sentence
    if current:
        pieces.append(current)
    return pieces


# --- words and what they mean ------------------------------------------------------------------

_STOPWORD_TEXT = """
    a about above after again all also am an and any are aren't as at be because been before
    being below between both but by can can't could couldn't did didn't do does doesn't doing
    don't down during each even ever few for from further get gets got had has hasn't have
    haven't having he her here hers him his how i if in into is isn't it it's its itself just
    let like lot lots make many me more most much must my no nor not now of off on once only or
    other our out over own please quite rather really same say says see seem seems she should so
    some such than that that's the their them then there there's these they this those through
    to too under until up us very want was wasn't way we well were what what's when where which
    while who whom why will with won't would wouldn't you your yours film films movie movies blu
    ray bluray blu-ray disc discs release released version review reviewer reviews think thing
    things one ones anything something whole
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_PHRASES = {
    "top form": "excellent",
    "special features": "extras",
    "bonus features": "extras",
    "drown out": "drown",
    "drowns out": "drown",
    "drowned out": "drown",
    "drowning out": "drown",
    "picture quality": "picture",
    "image quality": "picture",
    "sound quality": "audio",
    "audio quality": "audio",
    "sound mix": "audio",
    "audio mix": "audio",
    "making of": "makingof",
}
#: Concept -> words that mean it (inflections are folded by `stem`).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "dialogue": ("dialogue", "dialog", "speech", "voice", "voices", "talking", "spoken",
                 "lines"),
    "drown": ("drown", "drowning", "drowned", "overpower", "overpowering", "overwhelm",
              "swamp", "bury", "buried", "loud", "louder", "loudness", "quiet", "quieter"),
    "hear": ("hear", "heard", "hearing", "audible", "inaudible"),
    "music": ("music", "score", "soundtrack", "song", "songs", "musical"),
    "audio": ("audio", "sound", "sounds", "mix", "mixing", "mixed", "surround", "track"),
    "picture": ("picture", "image", "video", "transfer", "pictures"),
    "sharp": ("sharp", "sharpness", "detail", "detailed", "details", "crisp", "crispness",
              "clarity", "soft", "softness", "blurry", "blur", "fuzzy", "focus", "resolution"),
    "marks": ("mark", "marks", "scratch", "scratches", "dirt", "dirty", "damage", "damaged",
              "speck", "specks", "blemish", "blemishes", "debris", "fleck", "flecks",
              "artefact", "artefacts", "artifact", "artifacts"),
    "colour": ("colour", "colours", "color", "colors", "colourful", "colorful", "palette"),
    "grain": ("grain", "grainy", "noise", "noisy"),
    "remaster": ("remaster", "remastered", "remastering", "restoration", "restored"),
    "good": ("good", "great", "excellent", "brilliant", "superb", "fantastic", "terrific",
             "decent", "fine", "strong", "impressive", "amazing", "outstanding", "extraordinary",
             "wonderful", "bad", "poor", "terrible", "awful", "weak", "wrong", "disappointing",
             "best", "worst", "better", "worse", "quality"),
    "acting": ("acting", "actor", "actors", "actress", "performance", "performances",
               "perform", "performs", "performed"),
    "direction": ("direct", "directed", "director", "direction", "directing", "helmed"),
    "cinematography": ("cinematography", "cinematographer", "photography", "camera"),
    "story": ("story", "plot", "script", "screenplay", "storyline", "narrative"),
    "ending": ("ending", "end", "ends", "finale"),
    "funny": ("funny", "humour", "humor", "humorous", "comedy", "comic", "laugh", "laughs"),
    "interview": ("interview", "interviews", "interviewed"),
    "commentary": ("commentary", "commentaries"),
    "recommend": ("recommend", "recommended", "recommendation", "worth"),
}  # fmt: skip
_SUFFIXES = ("nesses", "ness", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")


def stem(word: str) -> str:
    """A light stem: `drowning` -> `drown`, `marks` -> `mark`, `performances` -> `perform`."""
    word = word.replace("’", "'").removesuffix("'s").strip("'.")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiosl":
        word = word[:-1]  # "drumm" -> "drum", "begg" -> "beg"
    return word


_CONCEPT_OF: dict[str, str] = {
    stem(word): concept for concept, words in SYNONYMS.items() for word in words
}


def words_of(text: str) -> list[str]:
    """The words of a text, lower case (`5.1` and `can't` stay one word)."""
    text = text.casefold().replace("’", "'").replace("-", " ")
    for phrase, replacement in _PHRASES.items():
        text = text.replace(phrase, f" {replacement} ")
    return _WORD.findall(text)


def concepts(words: Iterable[str], ignore: Iterable[str] = ()) -> set[str]:
    """The content of some words: each a synonym group's name or the word's stem; stop words
    (and `ignore`, e.g. the film's title) left out."""
    skip = {stem(w) for w in ignore}
    found: set[str] = set()
    for part in words_of(" ".join(words)):  # joined: phrases may span words ("drown out")
        if part in STOPWORDS or len(part) < 2:
            continue
        stemmed = stem(part)
        if stemmed not in skip:
            found.add(_CONCEPT_OF.get(stemmed, stemmed))
    return found


def relevant_sentences(text: str, words: Sequence[str], max_chars: int = 600) -> str:
    """The sentences of `text` that share the most content with `words`, in their original
    order, within `max_chars` (cut between sentences; a gap between quoted sentences is shown
    as an ellipsis). When none shares anything: the text's first sentences. A part short
    enough to quote whole is quoted whole: the reviewer's opinion is often the sentence after
    the one that names the subject ("The music is by ... It's a moody sleazy saxophone...")."""
    sentences = split_sentences(text)
    if not sentences:
        return ""
    if len(" ".join(sentences)) <= max_chars:
        return " ".join(sentences)
    wanted = concepts(words)
    scores = [len(concepts([s]) & wanted) for s in sentences]
    if not any(scores):
        return " ".join(fit_sentences(sentences, max_chars))
    ranked = sorted((i for i, score in enumerate(scores) if score), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    for i in ranked:
        trial = sorted([*chosen, i])
        if len(_joined(sentences, trial)) <= max_chars:
            chosen = trial
    if not chosen:
        return cut_at_word(sentences[ranked[0]], max_chars)
    return _joined(sentences, chosen)


def _joined(sentences: Sequence[str], indexes: Sequence[int]) -> str:
    parts: list[str] = []
    for n, i in enumerate(indexes):
        if n and i != indexes[n - 1] + 1:
            parts.append(ELLIPSIS)
        parts.append(sentences[i])
    return " ".join(parts)


# --- the sentence that answers a yes/no question ---------------------------------------------

_PICTURE = frozenset({"picture", "sharp", "marks", "colour", "grain", "remaster"})
_AUDIO = frozenset({"audio", "dialogue", "drown", "hear", "music"})
#: Concepts of a question -> the topic whose parts answer it first.
_CONCEPT_TOPICS: dict[str, str] = {
    **dict.fromkeys(_PICTURE, "picture"),
    **dict.fromkeys(("audio", "dialogue", "drown", "hear"), "audio"),
    "music": "music",
    "acting": "acting",
    "direction": "direction",
    "cinematography": "direction",
    "story": "story",
    "ending": "story",
    "interview": "extras",
    "commentary": "extras",
    "makingof": "extras",
}
#: Parts that speak of the disc as a whole: a sentence's words say which rating it is about.
_MIXED_SECTIONS = ("release_conclusion", "intro", "verdict", "recommendation")


def preferred_sections(asked: set[str]) -> set[str]:
    """The parts the topics of a question's concepts point to (audio -> the Blu-ray's
    conclusion and Music & audio)."""
    return {
        key
        for concept in asked
        if (topic := _CONCEPT_TOPICS.get(concept)) is not None
        for key in TOPICS[topic].sections
    }


def sentence_aspect(section: str, sentence_concepts: set[str], asked: set[str]) -> str | None:
    """The rating a sentence belongs to: its part's, or for the parts about the disc as a
    whole (the Blu-ray's conclusion, the verdict...) the picture or the audio, whichever the
    sentence (and, on a tie, the question) is about."""
    if section not in _MIXED_SECTIONS:
        return SECTION_ASPECTS.get(section)
    picture = len(sentence_concepts & _PICTURE) + 0.5 * len(sentence_concepts & asked & _PICTURE)
    audio = len(sentence_concepts & _AUDIO) + 0.5 * len(sentence_concepts & asked & _AUDIO)
    if picture == audio == 0:
        return None
    return "picture" if picture > audio else "audio"


def _clauses(sentence: str) -> list[str]:
    return [c for c in re.split(r"(?<=[,;:–—])\s+", sentence) if c]


def excerpt(sentence: str, asked: set[str], max_chars: int = 220) -> str:
    """The clauses of a long sentence that hold what was asked about (`…the audio mix seems
    all wrong with the music drowning out much of the dialogue…`); a short one whole."""
    clauses = _clauses(sentence)
    if len(sentence) <= max_chars // 2 or len(clauses) < 2:
        return cut_at_word(sentence, max_chars)
    hits = [i for i, clause in enumerate(clauses) if concepts([clause]) & asked]
    if not hits:
        return cut_at_word(sentence, max_chars)
    first, last = hits[0], hits[-1]
    text = " ".join(clauses[first : last + 1])
    if first > 0:
        text = ELLIPSIS + text
    text = cut_at_word(text, max_chars)
    if last < len(clauses) - 1 and not text.endswith(ELLIPSIS):
        text = text.rstrip(" ,;:–—") + ELLIPSIS
    return text


def answering_sentence(text: ReviewText, question_words: Sequence[str]) -> Quote | None:
    """The one sentence of the review that speaks to a yes/no question, or None.

    It must hold every thing the question asks about (two at least: `music` + `drown` +
    `dialogue`, `cage` + `good`, `picture` + `marks`); with four or more, all but one. A
    question about one thing only is answered only by an item of the extras list (`is there
    a making of?`). The film's title, stop words and words like film/blu-ray do not count;
    the review's own questions ("...but what of the Blu-ray?") and its headline never answer.
    """
    title_words = words_of(text.film_title)
    asked = concepts(question_words, ignore=title_words)
    if not asked:
        return None
    need = len(asked) if len(asked) <= 3 else len(asked) - 1
    preferred = preferred_sections(asked)
    best: tuple[tuple[float | bool, ...], Quote] | None = None
    for position, section in enumerate(sections(text)):
        if section.key in ("headline", "pros_cons"):
            continue
        units = section.items if section.items else split_sentences(section.text)
        for n, sentence in enumerate(units):
            if sentence.rstrip().endswith("?"):
                continue
            have = concepts([sentence], ignore=title_words)
            matched = len(have & asked)
            enough = matched >= need and (matched >= 2 or (section.key == "extras" and need == 1))
            if not enough:
                continue
            aspect = sentence_aspect(section.key, have, asked)
            key = (matched, section.key in preferred, -len(have - asked) / 10, -position, -n)
            if best is None or key > best[0]:
                quote = Quote(
                    sentence,
                    section.key,
                    section.title,
                    aspect,
                    sentence if section.items else excerpt(sentence, asked),
                )
                best = (key, quote)
    return best[1] if best else None


# --- answers for the question code -----------------------------------------------------------

QUOTE_CHARS = 600


def rating_label(text: ReviewText, aspect: str | None) -> str | None:
    """`Blu-ray audio: POOR`, `Film: 8/10`; None when the review gives no such rating."""
    if aspect is None or aspect not in text.ratings:
        return None
    if aspect == "film":
        return f"Film: {text.ratings['film']}"
    return f"{text.release_format} {aspect}: {text.ratings[aspect]}"


def quote_block(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def section_quote(
    film: Any, review: Any, topic: str, question_words: Sequence[str]
) -> tuple[str, tuple[Choice, ...]]:
    """What the review says on a topic, quoted and attributed:

        From the review of Leaving Las Vegas (1995) (Acting & characters):
        > Cage and Shue really do turn in excellent performances...

    `topic` is a key of TOPICS (`acting`, `picture`, `audio`...) or a name a member uses for
    one (`the score`, `sound`). The sentences that share the most words with the question,
    cut between sentences (about 600 characters in all), then the rating when the topic has
    one. With the text, a "Read the whole section" button (`!read` at that part)."""
    words = review_text(film, review)
    name = topic if topic in TOPICS else topic_for(topic)
    if name is None:
        raise ValueError(f"unknown review topic {topic!r}")
    spec = TOPICS[name]
    parts = {s.key: s for s in sections(words)}
    present = [parts[key] for key in spec.sections if key in parts]
    label = words.label
    if not present:
        return (f"The review of {label} doesn't have a part about that.", ())
    query = [*question_words, *spec.words]
    wanted = concepts(query, ignore=words_of(words.film_title))
    quoted: list[tuple[Section, str]] = []
    budget = QUOTE_CHARS
    for i, section in enumerate(present):
        if section.items:
            body = "\n".join(f"• {item}" for item in section.items)
            body = "\n".join(chunk_text(body, budget)[:1])
        else:
            relevant = any(concepts([s]) & wanted for s in split_sentences(section.text))
            if i > 0 and not relevant:
                continue  # a second part is quoted only when it speaks to the question
            body = relevant_sentences(section.text, query, budget)
        quoted.append((section, body))
        budget -= len(body)
        if budget < 150:
            break
    first = quoted[0][0]
    if len(quoted) == 1:
        lines = [f"From the review of {label} ({first.title}):", quote_block(quoted[0][1])]
    else:
        lines = [f"From the review of {label}:"]
        for section, body in quoted:
            lines += [f"**{section.title}**", quote_block(body)]
    rating = rating_label(words, spec.aspect)
    if rating:
        lines.append(f"({rating})")
    button = Choice("Read the whole section", Request("read", text=first.key, film_id=film.id))
    return "\n".join(lines), (button,)


def yes_no_from_review(film: Any, review: Any, question_words: Sequence[str]) -> str | None:
    """`The review says: “…the audio mix seems all wrong with the music drowning out much of
    the dialogue…” (Blu-ray audio: POOR)`, or None when no sentence of the review speaks to
    the question (the caller then says the review doesn't say)."""
    words = review_text(film, review)
    quote = answering_sentence(words, question_words)
    if quote is None:
        return None
    rating = rating_label(words, quote.aspect)
    where = f" ({rating})" if rating else f" ({quote.section_title})"
    return f"The review says: “{quote.quoted}”{where}"


__all__ = [
    "SECTION_ORDER",
    "TOPICS",
    "Quote",
    "ReviewText",
    "Section",
    "answering_sentence",
    "chunk_text",
    "relevant_sentences",
    "review_text",
    "section_key_for",
    "section_names",
    "section_quote",
    "sections",
    "split_sentences",
    "topic_for",
    "yes_no_from_review",
]
