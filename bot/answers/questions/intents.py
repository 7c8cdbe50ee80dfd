"""What a question asks (no Discord, no database): the intent, and the film, person or
character it names.

1. The sentence is normalised: contractions and chat spellings ("wat", "r", "whos") are
   spelled out, possessives dropped ("cage's" -> "cage"), "blu-ray" made one word, and question
   words with a small typo ("directd", "pictrue") corrected.
2. Rules, in order, say which intents the sentence could be (`who ... directed` -> DIRECTOR).
   Each rule also names its question words: they cut the sentence into segments, and the
   segments are searched for the film or person (see entities.py).
3. The first candidate intent whose film or person is found wins. When none is found, the
   first candidate is kept and its best miss is quoted back with "did you mean" suggestions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rapidfuzz.distance import OSA

from bot.answers.questions.entities import (
    FILLER,
    FilmFind,
    Finder,
    PersonFind,
    Span,
    Words,
    content,
    is_year,
    words_outside,
)
from bot.answers.text import clean_input
from bot.search import SearchIndex, normalize_name


class Intent(StrEnum):
    HELP = "help"
    COUNT = "count"
    STATS = "stats"
    LATEST = "latest"
    RANDOM = "random"
    DISCS = "discs"
    PROS_CONS = "pros_cons"
    WHERE_BUY = "where_buy"
    WORTH = "worth"
    CINEMATOGRAPHER = "cinematographer"
    COMPOSER = "composer"
    AUTHOR = "author"
    WRITER = "writer"
    DIRECTOR = "director"
    PERSON_DIRECTED = "person_directed"
    BEST = "best"
    EXTRAS = "extras"
    ASPECT = "aspect"
    RUNTIME = "runtime"
    CERTIFICATE = "certificate"
    PLOT = "plot"
    GENRE = "genre"
    BLURAY = "bluray"
    YEAR = "year"
    PERSON_REVIEWED = "person_reviewed"
    CAST = "cast"
    RATING = "rating"
    OPINION = "opinion"
    PERSON_FILMS = "person_films"
    FILM = "film"  # only a film named: its card
    PERSON = "person"  # only a person named: their filmography
    UNKNOWN = "unknown"


class Need(StrEnum):
    NOTHING = "nothing"
    FILM = "film"
    PERSON = "person"
    FILM_OR_SUBJECT = "film_or_subject"  # `who plays sera` may name no film
    OPTIONAL_PERSON = "optional_person"  # `the best film` / `the best cage film`


# -- normalising -------------------------------------------------------------------------------

_CANT = re.compile(r"\bcan['’]t\b", re.IGNORECASE)
_WONT = re.compile(r"\bwon['’]t\b", re.IGNORECASE)
_NT = re.compile(r"n['’]t\b", re.IGNORECASE)
_IS = re.compile(
    r"\b(what|who|how|where|when|why|which|that|there|here|it|he|she)['’]s\b", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?=\s|$|[^\w])")
_VERB = re.compile(r"['’](ve|re|ll|d|m)\b", re.IGNORECASE)
_VERBS = {"ve": " have", "re": " are", "ll": " will", "d": " would", "m": " am"}

SLANG: dict[str, str] = {
    "wat": "what", "wot": "what", "wht": "what", "waht": "what", "whta": "what", "wut": "what",
    "wha": "what", "whats": "what is", "wats": "what is", "whos": "who is", "hows": "how is",
    "wheres": "where is", "whens": "when is", "whys": "why is", "thats": "that is",
    "isnt": "is not", "wasnt": "was not", "doesnt": "does not", "didnt": "did not",
    "dont": "do not", "cant": "can not", "wont": "will not", "arent": "are not",
    "havent": "have not", "hasnt": "has not", "ive": "i have", "youve": "you have",
    "youre": "you are", "im": "i am", "r": "are", "u": "you", "ur": "your", "yr": "your",
    "ya": "you", "yu": "you", "abt": "about", "bout": "about", "pls": "please", "plz": "please",
    "thx": "thanks", "ty": "thanks", "da": "the", "teh": "the", "hw": "how", "hwo": "how",
    "whn": "when", "wen": "when", "wher": "where", "wich": "which", "whch": "which",
    "whihc": "which", "woh": "who", "n": "and", "w": "with", "wanna": "want to",
    "gimme": "give me", "gonna": "going to", "blurays": "bluray", "bd": "bluray",
    "br": "bluray", "blueray": "bluray", "bluerays": "bluray", "flick": "film",
    "flicks": "films", "vid": "video", "pic": "picture", "pq": "picture quality",
    "aq": "audio quality", "dp": "cinematographer", "dop": "cinematographer",
    "dir": "director", "cert": "certificate", "mins": "minutes", "min": "minutes",
    "hrs": "hours", "hr": "hour", "xtras": "extras", "extra": "extras", "fav": "favourite",
    "fave": "favourite", "favorite": "favourite", "stat": "stats",
}  # fmt: skip
_PAIRS = {
    ("blu", "ray"): "bluray",
    ("blu", "rays"): "bluray",
    ("blue", "ray"): "bluray",
    ("blue", "rays"): "bluray",
    ("run", "time"): "runtime",
}
_YEAR_PREPOSITIONS = frozenset({"from", "in", "of", "made"})

#: Question words worth correcting when typed with a small typo (5+ letters).
CUE_WORDS = frozenset(
    str.split(
        """
    directed director directors direct directing cinematographer cinematography photography
    composer composed music soundtrack score wrote written writer screenplay starring starred
    actors actor actress played plays playing character characters runtime running minutes
    length certificate rated rating ratings genre genres released release label discs extras
    features special bonus picture audio sound quality transfer worth buying recommend
    recommendation think thoughts opinion verdict review reviewed reviews filmography films
    movies best worst highest lowest latest random statistics where purchase synopsis
    photographed filmed lensed shoot shooting starring appears appeared appear portrays
    portrayed performers distributor distributed distributes studio publisher edition
    releases releasing featurettes commentary interviews supplements visuals image video
    resolution remastered restoration surround dialogue volume sounds looking looks
    duration classification suitable children family comedy drama horror thriller action
    romance crime fantasy animation adventure mystery musical western documentary
    recommended recommendations upgrade should would could about which there their
    """
    )
)
_CUE_LIST = sorted(CUE_WORDS)
_KNOWN = CUE_WORDS | FILLER | frozenset(" ".join(SLANG.values()).split())


def correct(word: str) -> str:
    """A question word typed with one slip ("directd", "pictrue", "reveiwed"), else the word."""
    if len(word) < 5 or word in _KNOWN or not word.isalpha():
        return word
    allowed = 1 if len(word) < 10 else 2
    scored = sorted(
        (OSA.distance(word, cue, score_cutoff=allowed), -_common_prefix(word, cue), cue)
        for cue in _CUE_LIST
        if abs(len(cue) - len(word)) <= allowed
    )
    return scored[0][2] if scored and scored[0][0] <= allowed else word


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def normalise(text: str) -> Words:
    """Lower-case words with chat spellings spelled out (see the module docstring)."""
    text = clean_input(text)
    text = _CANT.sub("can not", text)
    text = _WONT.sub("will not", text)
    text = _NT.sub(" not", text)
    text = _IS.sub(r"\1 is", text)
    text = _VERB.sub(lambda m: _VERBS[m.group(1).lower()], text)
    text = _POSSESSIVE.sub("", text)
    words: list[str] = []
    for raw in normalize_name(text).split():
        words.extend(SLANG.get(raw, raw).split())
    merged: list[str] = []
    for word in words:
        if merged and (merged[-1], word) in _PAIRS:
            merged[-1] = _PAIRS[(merged[-1], word)]
        else:
            merged.append(word)
    out: list[str] = []
    for i, word in enumerate(merged):
        nxt = merged[i + 1] if i + 1 < len(merged) else ""
        if word in _YEAR_PREPOSITIONS and is_year(nxt) and out:
            continue  # "the wicker man from 2006" -> "the wicker man 2006"
        out.append(word)
    return tuple(out)


# -- rules -------------------------------------------------------------------------------------


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


PICTURE_WORDS = (
    r"picture|pictures|video|image|images|transfer|visuals?|hd|resolution|remaster(?:ed)?|"
    r"restor(?:ed|ation)|print|looks?|looking|colou?rs?|sharpness|grain|detail"
)
AUDIO_WORDS = r"audio|sound|sounds|sounding|mix|dialogue|surround|dts|atmos|lossless|volume"
EXTRAS_WORDS = (
    r"extras|special features?|bonus(?: features?| material| content)?|supplements?|features|"
    r"featurettes?|behind the scenes|commentar(?:y|ies)|deleted scenes|interviews?"
)
GENRE_WORDS = (
    r"comedy|comedies|drama|horror|thriller|action|romance|romantic|crime|sci fi|science fiction|"
    r"fantasy|animation|animated|adventure|war|mystery|family|musical|western|documentary|biopic|"
    r"kids|superhero"
)
GENRE_ALIASES = {
    "comedies": "comedy",
    "romantic": "romance",
    "science fiction": "sci fi",
    "animated": "animation",
}
_PICTURE = _rx(PICTURE_WORDS)
_AUDIO = _rx(AUDIO_WORDS)
_EXTRAS = _rx(EXTRAS_WORDS)
_QUALITY = _rx(
    r"how", r"quality", r"rated", r"rating", r"rate", r"good", r"decent", r"bad", r"great"
)
_WORST = _rx(r"worst|lowest|poorest|weakest|least|bottom")
_BEST = _rx(
    r"best|worst|top|highest|lowest|greatest|finest|poorest|weakest|strongest|favourite|least|"
    r"bottom|most highly"
)
_WHO = _rx("who", "whom")
_ROLE_CUE = _rx(r"play|plays|played|playing|portray\w*|roles?|characters?|part")
_YES_NO = re.compile(r"^(?:and |so |but )?(?:is|was|are|were|does|did|do|has|have)\b")
_GENRE_QUESTION = re.compile(r"^(?:is|was)\b.+\b(?:a|an)\s+(" + GENRE_WORDS + r")\b")


@dataclass(frozen=True, slots=True)
class Rule:
    intent: Intent
    need: Need
    strip: re.Pattern[str] | None = None  # question words: where the sentence is cut


def _aspect_of(sentence: str) -> str | None:
    found = [
        (m.start(), aspect)
        for aspect, pattern in (("picture", _PICTURE), ("audio", _AUDIO), ("extras", _EXTRAS))
        if (m := pattern.search(sentence))
    ]
    return min(found)[1] if found else None


def _has(pattern: str, sentence: str) -> bool:
    return re.search(pattern, sentence) is not None


def candidates(s: str, raw: str | None = None) -> list[Rule]:
    """The intents the normalised sentence `s` could be, most likely first. Intents that need
    no film or person are only read from the words as typed (`raw`): a corrected word must
    not turn "joe ransom" into a request for a random film."""
    raw = s if raw is None else raw
    out: list[Rule] = []

    def add(intent: Intent, need: Need, strip: re.Pattern[str] | None = None) -> None:
        out.append(Rule(intent, need, strip))

    if re.match(
        r"^(?:help|commands|examples?|what can (?:you|i) (?:do|ask|answer)|what (?:do|can) you "
        r"know|what questions|how (?:do|does) (?:i|this|you) (?:use|work|ask))\b",
        raw,
    ):
        add(Intent.HELP, Need.NOTHING)
    if _has(r"\b(?:stats|statistics|breakdown)\b", raw):
        add(Intent.STATS, Need.NOTHING)
    if _has(
        r"\b(?:latest|newest|most recent|recent|last|new)\b.*\breviews?\b|"
        r"\breviews?\b.*\b(?:latest|newest|recent)\b|\bwhat is new\b",
        raw,
    ):
        add(Intent.LATEST, Need.NOTHING)
    if _has(
        r"\b(?:random|surprise me)\b|\bpick (?:a|me a|one|something)\b|"
        r"\b(?:recommend|suggest) (?:me )?(?:a|an|some|something|anything|any)\b",
        raw,
    ):
        add(Intent.RANDOM, Need.NOTHING)
    if (
        _has(r"\bhow many\b", s)
        and _has(r"\b(?:films?|movies?|reviews?|reviewed|blurays?|titles?)\b", s)
        and not _has(r"\b(?:discs?|disks?|minutes|hours|extras)\b", s)
    ):
        add(
            Intent.COUNT,
            Need.OPTIONAL_PERSON,
            _rx(
                r"how many|films?|movies?|reviews?|reviewed|blurays?|titles?|done|written|"
                r"covered|in total|total|so far|database"
            ),
        )
    if _has(r"\b(?:discs?|disks?)\b", s):
        add(Intent.DISCS, Need.FILM, _rx(r"how many|number of|discs?|disks?|set|spread over"))
    if _has(
        r"\b(?:pros?|cons|positives?|negatives?|upsides?|downsides?|strengths?|"
        r"weakness(?:es)?|good and bad|good points|bad points|likes|dislikes|plus points|"
        r"minus points|drawbacks?)\b",
        s,
    ):
        add(
            Intent.PROS_CONS,
            Need.FILM,
            _rx(
                r"pros?|cons|positives?|negatives?|upsides?|downsides?|strengths?|"
                r"weakness(?:es)?|good and bad|good points|bad points|likes|dislikes|"
                r"plus points|minus points|drawbacks?"
            ),
        )
    if _has(
        r"\bwhere\b.*\b(?:buy|get|find|order|purchase|grab|pick|stream|watch|shop)\b|"
        r"\b(?:buy|purchase|shop|store|retailer|order)\b.*\blinks?\b|\bbuy links?\b|"
        r"\bhow much (?:is|does|for)\b|\bprice\b|\bcost\b|"
        r"\b(?:can|could) i (?:buy|order|purchase)\b",
        s,
    ):
        add(
            Intent.WHERE_BUY,
            Need.FILM,
            _rx(
                r"where|buy|find|order|purchase|grab|pick up|stream|shop|store|retailer|links?|"
                r"how much|price|cost|online|cheapest|cheap"
            ),
        )
    if _has(
        r"\bworth\b|\bshould i (?:buy|get|grab|pick|own|upgrade|bother|double)\b|"
        r"\brecommend(?:ed|ation|ations)?\b|\b(?:buy|get) it\b|\bupgrade\b|\bdouble dip\b|"
        r"\bblind buy\b|\bmust (?:buy|have|own)\b",
        s,
    ):
        add(
            Intent.WORTH,
            Need.FILM,
            _rx(
                r"worth|buying|buy|getting|owning|picking up|upgrading|upgrade|the money|"
                r"recommend(?:ed|ation|ations)?|double dip|blind buy|must buy|must have|must own"
            ),
        )
    if _has(
        r"\bcinematograph\w*|\bdirector of photography\b|\bcamera\b|"
        r"\bwho (?:\w+ )?(?:shot|photographed|lensed|filmed)\b|"
        r"\b(?:shot|photographed|lensed|filmed) by\b",
        s,
    ):
        add(
            Intent.CINEMATOGRAPHER,
            Need.FILM,
            _rx(
                r"cinematograph\w*|director of photography|photography|camera(?: work| operator)?|"
                r"shot|photographed|lensed|filmed"
            ),
        )
    music = _has(r"\b(?:music|soundtrack|score|theme|songs?)\b", s)
    if _has(r"\bcompos\w*", s) or (
        music
        and _has(r"\b(?:who|wrote|write|writes|written|did|does|do|made|make|behind|by|name)\b", s)
        and not _has(
            r"\b(?:you|review|rate|rated|rating|give|gave|out of)\b|\bhow (?:is|was|good|are)\b",
            s,
        )
    ):
        add(
            Intent.COMPOSER,
            Need.FILM,
            _rx(
                r"compos\w*|music|musical score|soundtrack|score|theme|songs?|wrote|write|writes|"
                r"written|did|made|behind"
            ),
        )
    if _has(r"\b(?:wrote|write|writes|written|writer|writers|screenwriter|screenplay|script)\b", s):
        strip = _rx(
            r"wrote|write|writes|written|writer|writers|screenwriter|screenplay|script|penned|"
            r"the review|review"
        )
        if _has(r"\breview\b", s):
            add(Intent.AUTHOR, Need.FILM, strip)
        add(Intent.WRITER, Need.FILM, strip)
    if _has(
        r"\bdirect(?:ed|or|ors|s|ing)?\b|\bhelm(?:ed|s)?\b|\bfilmmaker\b|\bwho made\b|"
        r"\bdirection\b",
        s,
    ):
        strip = _rx(
            r"direct(?:ed|or|ors|s|ing)?|helm(?:ed|s)?|filmmaker|made|direction|behind the camera"
        )
        person_strip = _rx(
            r"direct(?:ed|or|ors|s|ing)?|helm(?:ed|s)?|filmmaker|made|direction|films?|movies?"
        )
        person_first = not _WHO.search(s) and (
            _has(r"^(?:which|what|list|show|name)\b.*\b(?:films?|movies?|has|have|did)\b", s)
            or _has(r"\b(?:films?|movies?) (?:directed|helmed|made) by\b", s)
        )
        if person_first:
            add(Intent.PERSON_DIRECTED, Need.PERSON, person_strip)
        add(Intent.DIRECTOR, Need.FILM, strip)
        if not person_first:
            add(Intent.PERSON_DIRECTED, Need.PERSON, person_strip)
    if _BEST.search(s) and not _has(r"\bbest (?:thing|part|bit|scene)s?\b", s):
        add(
            Intent.BEST,
            Need.OPTIONAL_PERSON,
            _rx(
                r"best|worst|top|highest|lowest|greatest|finest|poorest|weakest|strongest|"
                r"favourite|least|bottom|most highly|rated|rating|ratings|scored|scoring|score|"
                r"reviewed|review|reviews|quality|films?|movies?|blurays?|discs?|releases?|"
                r"overall|ever|of all time|one|" + PICTURE_WORDS + "|" + AUDIO_WORDS + "|"
                r"extras|special features?|bonus(?: features?)?|features"
            ),
        )
    aspect = _aspect_of(s)
    if _EXTRAS.search(s) and not _QUALITY.search(s):
        add(Intent.EXTRAS, Need.FILM, _rx(EXTRAS_WORDS))
    if aspect is not None:
        add(
            Intent.ASPECT,
            Need.FILM,
            _rx(PICTURE_WORDS, AUDIO_WORDS, EXTRAS_WORDS, r"quality|how good|rated|rating"),
        )
    if _has(
        r"\bhow long\b|\bruntime\b|\brunning time\b|\blength\b|\bduration\b|\bminutes?\b|"
        r"\bhours?\b",
        s,
    ):
        add(
            Intent.RUNTIME,
            Need.FILM,
            _rx(r"how long|long|runtime|running time|length|duration|minutes?|hours?|runs?|lasts?"),
        )
    if _has(
        r"\bcertificat\w*|\bbbfc\b|\bmpaa\b|\bage (?:rating|limit|restriction|certificate|rated)\b|"
        r"\bclassification\b|\bclassified\b|\brated (?:u|pg|12a?|15|18|r|x)\b|"
        r"\b(?:suitable|ok|okay|safe|appropriate|alright) for (?:kids|children|a child|teens?|"
        r"teenagers|families|family|my)\b|\bfamily friendly\b|\bwhat age\b|\bhow old do\b",
        s,
    ) or (
        _has(r"\b(?:what|how) (?:is|was)\b.*\brated\b", s)
        and not _has(r"\b(?:you|review|reviewer|site|give|gave|score|out of|did)\b", s)
    ):
        add(
            Intent.CERTIFICATE,
            Need.FILM,
            _rx(
                r"certificat\w*|bbfc|mpaa|age rating|age limit|age restriction|age|"
                r"classification|classified|rated|rating|suitable|appropriate|safe|"
                r"family friendly|kids|children|teens?|teenagers|uk"
            ),
        )
    if _has(
        r"\b(?:plot|synopsis|story|storyline|premise|summary)\b|^what (?:is|was) .+ about$|"
        r"^what happens in\b",
        s,
    ):
        add(
            Intent.PLOT,
            Need.FILM,
            _rx(r"plot|synopsis|story|storyline|premise|summary|about|happens"),
        )
    if _has(r"\bgenres?\b|\bwhat (?:kind|sort|type|category) of\b|\bcategor(?:y|ies)\b", s) or (
        _GENRE_QUESTION.search(s)
    ):
        add(
            Intent.GENRE,
            Need.FILM,
            _rx(r"genres?|kind|sort|type|category|categories", GENRE_WORDS),
        )
    if _has(
        r"\b(?:label|labels|distributor|distributed|studio|company|publisher|released by|"
        r"put out|edition|region)\b",
        s,
    ) or (
        _has(r"\bbluray\b", s)
        and _has(r"\b(?:releas\w*|out|came|come|when|date|who|which|available)\b", s)
    ):
        add(
            Intent.BLURAY,
            Need.FILM,
            _rx(
                r"label|labels|distributor|distributed|studio|company|publisher|edition|region|"
                r"released?|releases|releasing|put out|came out|come out|bluray|date|available"
            ),
        )
    if _has(
        r"\bwhen\b.*\b(?:come|came|out|releas\w*|made|filmed|shot|premiered?|first|hit)\b|"
        r"\bwhat year\b|\bwhich year\b|\byear\b|\bhow old is\b|\brelease date\b|\breleased\b|"
        r"\bcome out\b|\bcame out\b",
        s,
    ):
        add(
            Intent.YEAR,
            Need.FILM,
            _rx(
                r"what year|which year|year|how old|release date|released?|came out|come out|"
                r"made|premiered?|first|in cinemas|at the cinema|in theaters|theatrically|"
                r"originally"
            ),
        )
    if _has(
        r"\b(?:films?|movies?|blurays?)\b.*\b(?:reviewed|review|covered|seen|watched|done)\b|"
        r"\b(?:reviewed|review)\b.*\b(?:films?|movies?)\b (?:with|by|starring|featuring|from|of)\b|"
        r"\bhave you reviewed any\b",
        s,
    ):
        add(
            Intent.PERSON_REVIEWED,
            Need.OPTIONAL_PERSON,
            _rx(
                r"films?|movies?|blurays?|reviewed|reviews?|covered|seen|watched|done|starring|"
                r"featuring|with|by|any|so far"
            ),
        )
    role_cue = _ROLE_CUE.search(s) is not None
    cast_cue = _has(
        r"\bcast\b|\bcasting\b|\bactors?\b|\bactress(?:es)?\b|\bacted\b|\bperformers?\b|"
        r"\bappear\w*\b|\bfeatur(?:e|es|ed|ing)\b|^who (?:is|was|are|were) in\b",
        s,
    ) or (_has(r"\bstar(?:s|red|ring)?\b", s) and not _has(r"\bhow many stars\b|\bout of\b", s))
    yes_no_in = _YES_NO.search(s) is not None and _has(r"\bin\b", s)
    who_in = _has(r"^who (?:is|was) .+ in\b", s)
    if role_cue or cast_cue or yes_no_in or who_in:
        add(
            Intent.CAST,
            Need.FILM_OR_SUBJECT if (role_cue or who_in) else Need.FILM,
            _rx(
                r"cast|casting|star(?:s|red|ring)?|actors?|actress(?:es)?|acted|performers?|"
                r"appear\w*|featur(?:e|es|ed|ing)|play(?:s|ed|ing)?|portray\w*|roles?|"
                r"characters?|part"
            ),
        )
    if _has(
        r"\brat(?:e|ed|es|ing|ings)\b|\bscores?\b|\bscored\b|\bhow many stars\b|"
        r"\bstars? (?:out of|did|does|would)\b|\bout of (?:10|ten|5|five)\b|\bmarks?\b|"
        r"\bgrades?\b|\bgraded\b",
        s,
    ):
        add(
            Intent.RATING,
            Need.FILM,
            _rx(
                r"rat(?:e|ed|es|ing|ings)|scores?|scored|how many stars|stars?|"
                r"out of (?:10|ten|5|five)|marks?|grades?|graded|give|gave"
            ),
        )
    if _has(
        r"\b(?:think|thought|thoughts|opinions?|verdict|reviews?|reviewed|any good|good|bad|"
        r"like|liked|enjoy\w*|love|loved|hate|hated|impressions?|take on|worth watching|"
        r"quality|say about|said about)\b|^how (?:is|was)\b|\bhow good\b",
        s,
    ):
        add(
            Intent.OPINION,
            Need.FILM,
            _rx(
                r"think|thought|thoughts|opinions?|verdict|reviews?|reviewed|any good|good|bad|"
                r"like|liked|enjoy\w*|love|loved|hate|hated|impressions?|take on|"
                r"worth watching|quality|say about|said about|how good"
            ),
        )
    if _has(
        r"\b(?:films?|movies?|filmography|roles|credits|career)\b|\bbeen in\b|\bstarred in\b|"
        r"\bacted in\b|\bappeared in\b|^what (?:has|did|is)\b.+\b(?:in|done|made|do)$",
        s,
    ):
        add(
            Intent.PERSON_FILMS,
            Need.PERSON,
            _rx(
                r"films?|movies?|filmography|roles|credits|career|been in|starred|acted|"
                r"appeared|done|made|in"
            ),
        )
    return out


# -- the question ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Question:
    """What was asked: everything the answering code needs, no database objects."""

    intent: Intent
    words: Words
    film: FilmFind | None = None  # a hit: FOUND, AMBIGUOUS or YEAR_MISMATCH
    film_miss: FilmFind | None = None  # nothing found: the words to quote, with suggestions
    person: PersonFind | None = None
    person_miss: PersonFind | None = None
    subject: str = ""  # the other named words: a person or a character
    aspect: str | None = None  # picture / audio / extras (film for BEST when none named)
    worst: bool = False
    yes_no: bool = False  # "is / was / did ..." questions
    genre: str | None = None
    separated: bool = False  # the subject was followed by "in <something>"
    found: bool = False  # everything the intent needs was found
    tried: tuple[Intent, ...] = field(default=())

    @property
    def sentence(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class Segments:
    """The words between a rule's question words (as typed), and where each starts."""

    words: list[Words]
    offsets: list[int]


def _segments(raw: Words, fixed: Words, strip: re.Pattern[str] | None) -> Segments:
    """Cut where `strip` matches the corrected sentence; keep the words as typed, so a title
    word that looks like a question word with a typo ("racing") is still looked up as typed."""
    cut = [False] * len(fixed)
    if strip is not None:
        starts, position = [], 0
        for word in fixed:
            starts.append(position)
            position += len(word) + 1
        for match in strip.finditer(" ".join(fixed)):
            for i, begin in enumerate(starts):
                if begin < match.end() and begin + len(fixed[i]) > match.start():
                    cut[i] = True
    segments = Segments([], [])
    run: list[str] = []
    for i, word in enumerate(raw):
        if cut[i]:
            if run:
                segments.words.append(tuple(run))
                segments.offsets.append(i - len(run))
            run = []
        else:
            run.append(word)
    if run:
        segments.words.append(tuple(run))
        segments.offsets.append(len(raw) - len(run))
    return segments


def _subject(words: Sequence[str]) -> str:
    return " ".join(w for w in words if w not in FILLER and not is_year(w))


def understand(
    text: str, index: SearchIndex, *, film_known: bool = False, person_known: bool = False
) -> Question:
    """The question's intent and entities. `film_known` / `person_known`: the member already
    chose them (a "did you mean" answer), so a near miss counts as the film's place.

    Read once as typed; when words outside the film or name found look like question words
    with a typo ("directd"), read again with them corrected and keep that reading if it found
    what it needs."""
    raw = normalise(text)
    finder = Finder(index)
    first = _understand(raw, raw, finder, film_known, person_known)
    protected: set[int] = set()
    for find in (first.film, first.person):
        if find is not None:
            protected.update(find.span.positions)
    fixed = tuple(w if i in protected else correct(w) for i, w in enumerate(raw))
    if fixed == raw:
        return first
    second = _understand(raw, fixed, finder, film_known, person_known)
    return second if second.found or not first.found else first


def _understand(
    raw: Words, fixed: Words, finder: Finder, film_known: bool, person_known: bool
) -> Question:
    s = " ".join(fixed)
    rules = candidates(s, " ".join(raw))
    common = {
        "words": fixed,
        "aspect": _aspect_of(s),
        "worst": _WORST.search(s) is not None,
        "yes_no": _YES_NO.search(s) is not None,
        "tried": tuple(rule.intent for rule in rules),
    }
    genre_match = _GENRE_QUESTION.search(s)
    genre = genre_match.group(1) if genre_match else None
    common["genre"] = GENRE_ALIASES.get(genre or "", genre)
    first: Question | None = None
    for rule in rules:
        segments = _segments(raw, fixed, rule.strip)
        question = replace(_attempt(rule, segments, finder, film_known, person_known), **common)
        if _satisfied(rule.need, question, film_known, person_known):
            return replace(question, found=True)
        if first is None:
            first = question
    if first is not None and not _weak(first, s):
        return first
    return replace(_fallback(raw, finder, film_known, person_known), **common)


_STRONG_OPINION = _rx(r"think|thought|thoughts|opinions?|verdict|reviews?|reviewed|any good")


def _weak(question: Question, sentence: str) -> bool:
    """An unanswered "opinion" read only from words like "good" or "like": small talk
    ("good morning"), not a question about a film."""
    return question.intent is Intent.OPINION and not _STRONG_OPINION.search(sentence)


def _attempt(
    rule: Rule, segments: Segments, finder: Finder, film_known: bool, person_known: bool
) -> Question:
    intent = rule.intent
    words = segments.words
    if rule.need is Need.NOTHING:
        return Question(intent, ())
    if rule.need in (Need.PERSON, Need.OPTIONAL_PERSON):
        subject = _subject([w for seg in words for w in seg])
        if not subject:
            return Question(intent, ())
        person, miss = finder.find_person(words, segments.offsets)
        if person is None and person_known and miss is not None:
            person, miss = miss, None
        rest = words_outside(words, person.span) if person else []
        return Question(
            intent,
            (),
            person=person,
            person_miss=miss,
            subject=_subject(rest) if person else subject,
        )
    film, miss = finder.find_film(words, segments.offsets)
    if film is None and film_known and miss is not None:
        film, miss = miss, None  # the member picked the film this miss was quoting
    subject = _subject(words_outside(words, film.span if film else None))
    separated = False
    if film is None and rule.need is Need.FILM_OR_SUBJECT:
        # `who plays sera in blorp`: the words after "in" name a film that isn't there.
        for number, segment in enumerate(words):
            places = [i for i, w in enumerate(segment) if w in ("in", "on", "from")]
            places = [i for i in places if 0 < i < len(segment) - 1 and content(segment[i + 1 :])]
            if places and content(segment[: places[0]]):
                separated = True
                text = " ".join(segment[places[0] + 1 :])
                match = finder.film(text)
                if match is not None:
                    span = Span(number, places[0] + 1, len(segment), segments.offsets[number])
                    miss = FilmFind(match, span, text)
                    subject = _subject(segment[: places[0]])
                break
    return Question(intent, (), film=film, film_miss=miss, subject=subject, separated=separated)


def _satisfied(need: Need, question: Question, film_known: bool, person_known: bool) -> bool:
    if need is Need.NOTHING:
        return True
    if need is Need.FILM:
        return question.film is not None or film_known
    if need is Need.PERSON:
        return question.person is not None or person_known
    if need is Need.FILM_OR_SUBJECT:
        if question.film is not None or film_known:
            return True
        return bool(question.subject) and not question.separated
    # OPTIONAL_PERSON: fine without a person, unless a name was given and not found
    return not question.subject or question.person is not None or person_known


def _fallback(words: Words, finder: Finder, film_known: bool, person_known: bool) -> Question:
    """No question words: a film's title or a person's name alone (`con air?`)."""
    named = content(words)
    if not named:
        return Question(Intent.UNKNOWN, words)
    film, film_miss = finder.find_film([words], windows=False)
    if film is not None and _covers(film.text, named, _score(film)):
        return Question(Intent.FILM, words, film=film, found=True)
    if film_known:
        return Question(Intent.FILM, words, film=film or film_miss, found=True)
    person, person_miss = finder.find_person([words], windows=False)
    if person is not None and _covers(person.text, named, _score(person)):
        return Question(Intent.PERSON, words, person=person, found=True)
    if person_known:
        return Question(Intent.PERSON, words, person=person or person_miss, found=True)
    return Question(Intent.UNKNOWN, words)


def _score(find: FilmFind | PersonFind) -> float:
    candidates = find.match.candidates
    return candidates[0].score if candidates else 0.0


def _covers(text: str, named: list[str], score: float) -> bool:
    """The match accounts for most of what was said (not one word of a long message), and a
    lone word is not a loose guess ("tell me a joke" is not a question about "Joe")."""
    found = content(text.replace("(", " ").replace(")", " ").split())
    if len(found) == 1 and score < 95:
        return False
    return len(found) >= 0.6 * len(named)


__all__ = ["Intent", "Question", "candidates", "correct", "normalise", "understand"]
