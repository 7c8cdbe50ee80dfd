"""The question kinds Popcorn understands: ONE table, read top to bottom (no Discord, no database).

Each row says which words signal an intent (`when`, plus `also` that must match too, and
`unless` that rules it out), what the intent needs (a film, a person, nothing), which words are
the question's own and are cut out before the film or person is looked for (`words`, by
default the `when` words), and an example. Several rows may signal the same intent; the first
that matches decides where it stands. The first intent, in table order, whose film or person
is found wins.

Adding a question kind: add a row here, and a handler decorated with
`@handles(Intent.NEW_KIND)` in answers.py (a test checks that every intent has one).
All patterns are read on the normalised sentence: lower case, chat spellings spelled out,
"blu-ray" written "bluray" (see intents.normalise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.answers.questions.vocabulary import (
    EDITION_WORDS,
    EXTRA_ITEM_WORDS,
    TOPICS,
)
from bot.answers.vocabulary import AUDIO_WORDS, EXTRAS_WORDS, GENRE_WORDS, PICTURE_WORDS


class Intent(StrEnum):
    HELP = "help"
    COUNT = "count"
    STATS = "stats"
    PROGRESS = "progress"
    LATEST = "latest"
    RANDOM = "random"
    DISCS = "discs"
    PROS_CONS = "pros_cons"
    WHERE_BUY = "where_buy"
    WORTH = "worth"
    HEADLINE = "headline"
    REVIEW_DATE = "review_date"
    READ = "read"
    REVIEW_YES_NO = "review_yes_no"
    REVIEW_SAYS = "review_says"
    CINEMATOGRAPHER = "cinematographer"
    COMPOSER = "composer"
    AUTHOR = "author"
    WRITER = "writer"
    DIRECTOR = "director"
    PERSON_DIRECTED = "person_directed"
    PERSON_NEWEST = "person_newest"
    PERSON_OLDEST = "person_oldest"
    BEST = "best"
    HAS_EXTRA = "has_extra"
    EXTRAS = "extras"
    ASPECT = "aspect"
    RUNTIME = "runtime"
    CERTIFICATE = "certificate"
    REGION = "region"
    EDITION = "edition"
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


def rx(pattern: str) -> re.Pattern[str]:
    """Whole words: `rx("pros?|cons")` matches "pro", "pros" and "cons", not "cons" in "icons"."""
    return re.compile(r"\b(?:" + pattern + r")\b")


@dataclass(frozen=True, slots=True)
class Rule:
    intent: Intent
    need: Need
    when: re.Pattern[str]
    example: str
    words: re.Pattern[str] | None = None  # the question's own words (default: `when`)
    also: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    typed: bool = False  # read from the words as typed, not as corrected
    # A catch-all row ("is ... ?"): when its film is not found, the question is not
    # understood, rather than a question about a film it could not find.
    weak: bool = False

    @property
    def strip(self) -> re.Pattern[str]:
        return self.words or self.when

    def matches(self, corrected: str, typed: str) -> bool:
        s = typed if self.typed else corrected
        return (
            self.when.search(s) is not None
            and (self.also is None or self.also.search(s) is not None)
            and (self.unless is None or self.unless.search(s) is None)
        )


def row(
    intent: Intent,
    need: Need,
    when: str,
    example: str,
    *,
    words: str | None = None,
    plus: str | None = None,
    also: str | None = None,
    unless: str | None = None,
    typed: bool = False,
    raw: bool = False,
    weak: bool = False,
) -> Rule:
    """A table row. `raw`: `when` is a full regular expression (anchors, lookarounds), not a
    list of words and phrases. `words`: the question's own words, when not `when`'s; `plus`:
    words to cut out besides `when`'s."""
    if plus is not None:
        words = f"{when}|{plus}"
    return Rule(
        intent,
        need,
        re.compile(when) if raw else rx(when),
        example,
        words=rx(words) if words else None,
        also=re.compile(also) if also else None,
        unless=re.compile(unless) if unless else None,
        typed=typed,
        weak=weak,
    )


YES_NO = r"^(?:and |so |but |ok |okay )?(?:is|was|are|were|does|do|did|has|have|can|will|would)\b"
_REVIEW_WORDS = r"\b(?:you|review|reviewer|site|give|gave|score|out of|did)\b"
_QUALITY_WORDS = r"how|quality|rated|rating|rate|good|decent|bad|great"
_TOPIC_WORDS = "|".join(TOPICS.values())
_DIRECTORS_CUT = r"\bdirector\w* cut\b|\bdirectors edition\b"
_DIRECTED = r"direct(?:ed|or|ors|s|ing)?|helm(?:ed|s)?|filmmaker|made|direction"
_CAST_WORDS = (
    r"cast|casting|star(?:s|red|ring)?|actors?|actress(?:es)?|acted|performers?|appear\w*|"
    r"featur(?:e|es|ed|ing)|play(?:s|ed|ing)?|portray\w*|roles?|characters?|part"
)
#: What a yes/no question about the disc or the film asks about ("does the music drown out
#: the dialogue", "are there marks on the picture", "is it sad").
_DISC_AND_FILM_WORDS = (
    r"music|score|soundtrack|audio|sound|dialogue|mix|picture|image|video|transfer|marks?|"
    r"grain\w*|sharp\w*|detail\w*|colou?rs?|acting|performances?|story|plot|ending|"
    r"subtitles|loud|quiet|drown\w*|hear|audible|noise|hiss|dnr|scratch\w*|damage\w*|dark|"
    r"bright|clear|clean|soft|blurry|muffled|sync|sad|funny|scary|violent|depressing|gory|"
    r"slow|boring|moving|emotional|upsetting|disturbing|look|looks|better|worse"
)
_REVIEW_SAYS_WORDS = (
    _TOPIC_WORDS + r"|how|what|did|you|think|thought|thoughts|opinion|say|said|about|good|"
    r"any good|verdict|review|reviewer|feel|take|impressions?|rate|itself|like|liked|"
    r"enjoy\w*|love|loved|hate|hated|was|is|do|does"
)
_NEWEST = r"newest|latest|most recent|recent|last|new"
_OLDEST = r"oldest|first|earliest"
_FILM_WORDS = r"films?|movies?|roles?|one|flicks?"
_BEST_WORDS = (
    r"best|worst|top|highest|lowest|greatest|finest|poorest|weakest|strongest|favourite|least|"
    r"bottom|most highly"
)

#: The table. Order matters: earlier rows win when their film or person is found.
RULES: tuple[Rule, ...] = (
    row(Intent.HELP, Need.NOTHING,
        r"^(?:help|commands?|examples?)\b|\bwhat can (?:you|i) (?:do|ask|answer)\b|"
        r"\bwhat (?:do|can) you know\b|\bwhat (?:kind of |sort of |type of )?(?:questions|things)"
        r" (?:can|do|should)\b|\bhow (?:do|does) (?:i|this|you) (?:use|work|ask)\b|"
        r"\bhow do (?:your|the|you) (?:ratings|scores|grades|rate|score)\b",
        "what can you do?", typed=True, raw=True),
    row(Intent.STATS, Need.NOTHING, r"stats|statistics|breakdown", "stats?", typed=True),
    row(Intent.PROGRESS, Need.NOTHING,
        r"next review|next one|what is next|what are you (?:reviewing|doing|watching) next|"
        r"review(?:ing)? next|how far|progress|how many (?:left|to go|more)|"
        r"when (?:is|will) the next|coming (?:up )?next|upcoming|what is coming|"
        r"reviewing next|next (?:film|movie|bluray|one) (?:you|to|are)|left to (?:review|go|do)|"
        r"percentage|per ?cent|how much (?:is )?left|(?:film|one|movie|review|who) is next|"
        r"not reviewed|unreviewed|"
        r"still to (?:review|do|go)|(?:films?|ones?|movies?) (?:are )?left",
        "how far are you through cage's films?", typed=True,
        unless=r"\b(?:about|direct\w*|star\w*|cast|plays?|long|rated|genre)\b"),
    row(Intent.PROGRESS, Need.NOTHING,
        r"^(?:is|are you (?:doing|reviewing|watching)|will you (?:do|review)|(?:plz |please )?"
        r"(?:do|review)|can you (?:do|review)|when (?:will|are) you (?:do|doing|review|"
        r"reviewing)) .+ next$", "is the rock next?", raw=True, typed=True),
    row(Intent.LATEST, Need.NOTHING,
        r"\b(?:latest|newest|most recent|recent|last|new)\b.*\breviews?\b|"
        r"\breviews?\b.*\b(?:latest|newest|recent)\b|\bwhat is new\b|\breview(?:ed)? last\b|"
        r"\blast (?:thing|one|film|movie|bluray) (?:you |u )?reviewed\b",
        "what's the latest review?", typed=True, raw=True),
    row(Intent.RANDOM, Need.NOTHING,
        r"random|surprise me|pick (?:a|me a|one|something)|"
        r"(?:recommend|suggest) (?:me )?(?:a|an|some|something|anything|any)|"
        r"(?:recommendations?|suggestions?) for (?:tonight|today|the weekend|this weekend)|"
        r"what should i watch",
        "recommend me something", typed=True),
    row(Intent.COUNT, Need.OPTIONAL_PERSON, r"how many", "how many films have you reviewed?",
        also=r"\b(?:films?|movies?|reviews?|reviewed|blurays?|titles?)\b",
        unless=r"\b(?:discs?|disks?|minutes|hours|extras)\b",
        words=r"how many|films?|movies?|reviews?|reviewed|blurays?|titles?|done|written|"
        r"covered|in total|total|so far|database"),
    row(Intent.PROS_CONS, Need.FILM,
        r"pros?|cons|positives?|negatives?|upsides?|downsides?|strengths?|weakness(?:es)?|"
        r"good and bad|good points|bad points|likes|dislikes|plus points|minus points|"
        r"drawbacks?|(?:best|worst) (?:things?|parts?|bits?)",
        "what are the pros and cons of leaving las vegas?"),
    row(Intent.WHERE_BUY, Need.FILM,
        r"\bwhere\b.*\b(?:buy|get|find|order|purchase|grab|pick|stream|watch|shop)\b|"
        r"\b(?:buy|purchase|shop|store|retailer|order)\b.*\blinks?\b|\bbuy links?\b|"
        r"\bhow much (?:is|does|for)\b|\bprice\b|\bcost\b|\blinks? (?:to|for) "
        r"(?:buy|get|order|purchase)\b|"
        r"\b(?:can|could) i (?:buy|order|purchase)\b|\bstream(?:ing|able|ed)?\b|"
        r"\bon (?:prime|amazon prime|netflix|disney|disney plus|hulu|now tv|apple tv)\b",
        "where can I buy leaving las vegas?", raw=True,
        words=r"where|buy|find|order|purchase|grab|pick up|stream|shop|store|retailer|links?|"
        r"how much|price|cost|online|cheapest|cheap|streaming|streamable|prime|amazon prime|"
        r"netflix|disney|disney plus|hulu|now tv|apple tv|video|on"),
    row(Intent.WORTH, Need.FILM,
        r"worth|should i (?:buy|get|grab|pick|own|upgrade|bother|double)|"
        r"recommend(?:ed|ation|ations)?|(?:buy|get) it|upgrade|double dip|blind buy|"
        r"must (?:buy|have|own)", "is the leaving las vegas blu-ray worth buying?",
        plus=r"buying|buy|getting|owning|picking up|upgrading|the money|must buy|must have|"
        r"must own|should i|bother"),
    row(Intent.HEADLINE, Need.FILM,
        r"\bheadline|\btitle of (?:the|your)\b.*\breview\b|\breview title\b|"
        r"\breview called\b",
        "what's the headline of the leaving las vegas review?", raw=True,
        words=r"headline|title of the|title of your|title|review title|review called|"
        r"review|reviews"),
    row(Intent.REVIEW_DATE, Need.FILM,
        r"\bwhen (?:was|did|were)\b.*\b(?:review\w*|published|posted|written|wrote)\b|"
        r"\breview date\b|\bdate of (?:the|your) review\b|\bpublished\b",
        "when was the leaving las vegas review published?", raw=True,
        unless=r"\b(?:bluray|released?|come out|came out)\b",
        words=r"when|was|did|were|you|review|reviewed|reviewing|published|posted|written|"
        r"wrote|date|of|the|your|it|site"),
    row(Intent.READ, Need.FILM,
        r"\bread\b.*\breview\b|\blinks? to (?:the|your)\b.*\breview\b|\b(?:full|whole) review\b|"
        r"\breview (?:link|url|page)\b|\bwhere is (?:the|your) review\b",
        "where can i read the leaving las vegas review?", raw=True,
        words=r"where|can|could|i|read|the|full|whole|review|link|links|url|page|to|your|of|"
        r"for|is|please"),
    row(Intent.HAS_EXTRA, Need.FILM, EXTRA_ITEM_WORDS, "is there a making of on llv?",
        also=r"\b(?:is there|are there|any|got|includ\w*|comes? with|have|has|on the disc|"
        r"on the bluray|on it|does it)\b",
        plus=r"is there|are there|any|got|includ\w*|comes? with|have|has|"
        r"disc|bluray"),
    row(Intent.REGION, Need.FILM,
        r"region(?:s| free| locked| coded| code)?|region [abc012]|"
        r"play on (?:a |my )?(?:us|uk|american|european|british) (?:player|bluray player)|"
        r"(?:us|uk|american|european) (?:player|bluray player)",
        "what region is the leaving las vegas blu-ray?",
        words=r"regions?|free|locked|coded|code|[abc012]|discs?|play|player|players|work|will|"
        r"us|uk|american|european|british|bluray|is it|on a|my"),
    row(Intent.REVIEW_YES_NO, Need.FILM, _DISC_AND_FILM_WORDS,
        "does the music drown out the dialogue in leaving las vegas?", also=YES_NO,
        unless=r"\b(?:worth|who|whom|rated|rating|region|4k|steelbook|edition|like|liked|"
        r"enjoy\w*|love|loved|hate|hated|think|thought)\b|"
        r"\b(?:do|did) the (?:music|score|soundtrack)\b|\bcompos\w*|\bdirect\w*|"
        r"\bwr[oi]te\b|\bwritten\b|\bplay\w*\b|\bstar\w*\b|"
        r"\b(?:picture|sound|audio|video|image|transfer|extras|pq|aq) (?:any )?"
        r"(?:good|bad|decent|ok|okay|great|poor)\b|"
        r"\b(?:music|score|soundtrack|acting|performances?|story|plot|direction|script) "
        r"(?:any )?(?:good|bad|great|decent|ok|okay)\b",
        plus=r"out|good|bad|any|too|much|the review|review|say|says|than|old|disc|hard"),
    row(Intent.REVIEW_SAYS, Need.FILM, _TOPIC_WORDS, "how is the acting in leaving las vegas?",
        also=r"\bhow (?:is|was|good|are|were)\b|\bwhat (?:did|do|does|about)\b|\bthoughts?\b|"
        r"\bopinion\b|\bsay\b|\bsaid\b|\bthink\b|\bthought\b|\bany good\b|\bgood\b|\bverdict\b|"
        r"\bfeel\b|\btake\b|\bimpressions?\b|\brate\b|\blike\b|\bliked\b|\benjoy\w*|"
        r"\blove\b|\bloved\b|\bhate\b|\bhated\b",
        unless=r"\bwho\b|\bwhat is the (?:story|plot)\b|\bwhat (?:is|was) it about\b|"
        r"\bsoundtrack album\b|\bwhat (?:did|does) .+ score$|\bscore (?:did|does) (?:you|it)\b|"
        r"\bout of\b",
        words=_REVIEW_SAYS_WORDS),
    row(Intent.CINEMATOGRAPHER, Need.FILM,
        r"\bcinematograph\w*|\bdirector of photography\b|\bcamera\b|"
        r"\bwho (?:\w+ )?(?:shot|photographed|lensed|filmed)\b|"
        r"\b(?:shot|photographed|lensed|filmed) by\b", "who shot leaving las vegas?", raw=True,
        words=r"cinematograph\w*|director of photography|photography|camera(?: work| operator)?|"
        r"shot|photographed|lensed|filmed"),
    row(Intent.COMPOSER, Need.FILM, r"compos\w*", "who wrote the music for leaving las vegas?",
        words=r"compos\w*|music|musical score|soundtrack|score|theme|songs?|wrote|write|writes|"
        r"written|did|made|behind"),
    row(Intent.COMPOSER, Need.FILM, r"music|soundtrack|score|theme|songs?",
        "who wrote the music for leaving las vegas?",
        also=r"\b(?:who|wrote|write|writes|written|made|make|behind|by|name)\b|"
        r"\b(?:do|did|does) the (?:music|score|soundtrack)\b",
        unless=r"\b(?:you|review|reviewer|rate|rated|rating|give|gave|out of)\b|"
        r"\bhow (?:is|was|good|are)\b",
        words=r"compos\w*|music|musical score|soundtrack|score|theme|songs?|wrote|write|writes|"
        r"written|did|made|behind"),
    row(Intent.AUTHOR, Need.FILM,
        r"^who (?:is |was )?(?:the )?(?:reviewed|reviewer)\b|\breviewer\b|\bwho reviewed\b|"
        r"\bwho did the\b.*\breview\b", "who wrote the review of llv?", raw=True,
        words=r"who|reviewed|reviewer|review|did|the review|wrote|written|by"),
    row(Intent.AUTHOR, Need.FILM,
        r"wrote|write|writes|written|writer|writers|penned|author", "who wrote the review of llv?",
        also=r"\breview\b",
        words=r"wrote|write|writes|written|writer|writers|penned|author|the review|review"),
    row(Intent.WRITER, Need.FILM,
        r"wrote|write|writes|written|writer|writers|screenwriter|screenplay|script",
        "who wrote leaving las vegas?",
        words=r"wrote|write|writes|written|writer|writers|screenwriter|screenplay|script|penned"),
    row(Intent.PERSON_DIRECTED, Need.PERSON, _DIRECTED, "which films did mike figgis direct?",
        also=r"^(?:which|what|list|show|name)\b.*\b(?:films?|movies?|has|have|did)\b|"
        r"\b(?:films?|movies?) (?:directed|helmed|made) by\b",
        unless=r"\b(?:who|whom)\b|" + _DIRECTORS_CUT, words=_DIRECTED + r"|films?|movies?"),
    row(Intent.DIRECTOR, Need.FILM, _DIRECTED + r"|who made", "who directed leaving las vegas?",
        unless=_DIRECTORS_CUT + r"|\b(?:company|studio|label|distributor|publisher)\b",
        words=_DIRECTED + r"|behind the camera"),
    row(Intent.PERSON_DIRECTED, Need.PERSON, _DIRECTED, "which films did mike figgis direct?",
        unless=r"^who\b|" + _DIRECTORS_CUT, words=_DIRECTED + r"|films?|movies?"),
    row(Intent.PERSON_NEWEST, Need.PERSON,
        r"\b(?:" + _NEWEST + r")\b.*\b(?:" + _FILM_WORDS + r")\b|"
        r"\b(?:films?|movies?)\b.*\b(?:" + _NEWEST + r")\b",
        "what's the newest nicolas cage film?", raw=True,
        unless=r"\breview\w*\b|\bbluray\b",
        words=_NEWEST + r"|" + _FILM_WORDS + r"|made|released|out|is|was|has|he|she|done"),
    row(Intent.PERSON_OLDEST, Need.PERSON,
        r"\b(?:" + _OLDEST + r")\b.*\b(?:" + _FILM_WORDS + r")\b|"
        r"\b(?:films?|movies?)\b.*\b(?:" + _OLDEST + r")\b",
        "what was nicolas cage's first film?", raw=True, unless=r"\breview\w*\b",
        words=_OLDEST + r"|" + _FILM_WORDS + r"|made|released|out|is|was|ever|has|he|she"),
    row(Intent.BEST, Need.OPTIONAL_PERSON, _BEST_WORDS, "which film has the best picture?",
        unless=r"\bbest (?:thing|part|bit|scene)s?\b",
        plus=r"rated|rating|ratings|scored|scoring|score|reviewed|review|"
        r"reviews|quality|films?|movies?|blurays?|discs?|releases?|overall|ever|of all time|"
        r"one|" + PICTURE_WORDS + "|" + AUDIO_WORDS + r"|extras|special features?|"
        r"bonus(?: features?)?|features"),
    row(Intent.EXTRAS, Need.FILM, EXTRAS_WORDS, "what extras are on the llv blu-ray?",
        unless=r"\b(?:" + _QUALITY_WORDS + r")\b"),
    row(Intent.ASPECT, Need.FILM, PICTURE_WORDS + "|" + AUDIO_WORDS + "|" + EXTRAS_WORDS,
        "how is the picture on leaving las vegas?", plus=r"quality|how good|rated|rating"),
    row(Intent.RUNTIME, Need.FILM,
        r"how long|runtime|running time|length|duration|minutes?|hours?",
        "how long is leaving las vegas?",
        words=r"how long|long|runtime|running time|length|duration|minutes?|hours?|runs?|lasts?"),
    row(Intent.CERTIFICATE, Need.FILM,
        r"\bcertificat\w*|\bbbfc\b|\bmpaa\b|\bage (?:rating|limit|restriction|certificate|rated)\b|"
        r"\b(?:uk|us|usa|british|american|parental) (?:rating|cert\w*|classification)\b|"
        r"\bclassification\b|\bclassified\b|\brated (?:u|pg|12a?|15|18|r|x|nc 17)\b|"
        r"\b\d{1,2} ?(?:years?|yrs?|yo) old\b|\b\d{1,2} ?yo\b|\bgood age\b|\bage to watch\b|"
        r"\bhow old (?:do|should|must)\b|\b(?:u|pg|12a?|15|18) or (?:an? )?(?:u|pg|12a?|15|18)\b|"
        r"\brated (?:u|pg|12a?|15|18|r|x)\b|\bmy (?:kid|kids|son|daughter|child|children)\b|"
        r"\brating\b.*\b(?:in the uk|in the us|in britain|in america)\b|"
        r"^(?:is|was)\b.*\b(?:a|an|rated) (?:u|pg|12a?|15|18|r)\b|"
        r"\b(?:suitable|ok|okay|safe|appropriate|alright) for (?:kids|children|a child|teens?|"
        r"teenagers|families|family|my)\b|\bfamily friendly\b|\bwhat age\b|\bhow old do\b|"
        r"\bwhat (?:is|was) .+ rated\b(?!.*\b(?:you|review|reviewer|site|give|gave|score|"
        r"out of|did)\b)|\bwhat (?:is|was) the rating\b(?!.*\b(?:you|review|score)\b)",
        "what is leaving las vegas rated?", raw=True,
        words=r"certificat\w*|bbfc|mpaa|age rating|age limit|age restriction|age|"
        r"classification|classified|rated|rating|suitable|appropriate|safe|family friendly|kids|"
        r"children|teens?|teenagers|uk|us|usa|british|american|parental|cert|\d{1,2} years? old|"
        r"12a?|15|18|my|kid|son|daughter|child|watch|in the uk|in the us|a|an|or|u|pg|r"),
    row(Intent.EDITION, Need.FILM, EDITION_WORDS, "is there a 4k of leaving las vegas?",
        plus=r"is there|are there|any|version|release|released|available|"
        r"coming|out|on|in|get|bluray|planned|plans"),
    row(Intent.DISCS, Need.FILM, r"discs?|disks?", "how many discs are in the llv blu-ray?",
        also=r"\bhow many\b|\bnumber of\b|\b\d\b|\bone\b|\btwo\b|\bthree\b|\bsingle\b|"
        r"\bdouble\b|\bdiscs\b|\bdisks\b",
        words=r"how many|number of|discs?|disks?|set|spread over|\d|one|two|three|or"),
    row(Intent.PLOT, Need.FILM,
        r"\b(?:plot|synopsis|story|storyline|premise|summary)\b|^what (?:is|was) .+ about$|"
        r"^what happens in\b", "what is leaving las vegas about?", raw=True,
        words=r"plot|synopsis|story|storyline|premise|summary|about|happens"),
    row(Intent.GENRE, Need.FILM,
        r"\bgenres?\b|\bwhat (?:kind|sort|type|category) of\b|\bcategor(?:y|ies)\b|"
        r"^(?:is|was)\b.+\b(?:a|an)\s+(?:" + GENRE_WORDS + r")\b",
        "what genre is leaving las vegas?", raw=True,
        words=r"genres?|kind|sort|type|category|categories|" + GENRE_WORDS),
    row(Intent.BLURAY, Need.FILM,
        r"label|labels|distributor|distributed|studio|company|publisher|released by|put out",
        "when was leaving las vegas released on blu-ray?",
        words=r"label|labels|distributor|distributed|studio|company|publisher|released?|"
        r"releases|releasing|put out|came out|come out|bluray|date|available"),
    row(Intent.BLURAY, Need.FILM, r"bluray", "when was leaving las vegas released on blu-ray?",
        also=r"\b(?:releas\w*|out|came|come|when|date|who|which|available)\b",
        words=r"label|labels|distributor|distributed|studio|company|publisher|released?|"
        r"releases|releasing|put out|came out|come out|bluray|date|available"),
    row(Intent.YEAR, Need.FILM,
        r"\bwhen\b.*\b(?:come|came|out|releas\w*|made|filmed|shot|premiered?|first|hit)\b|"
        r"\bwhat year\b|\bwhich year\b|\byear\b|\bhow old is\b|\brelease date\b|\breleased\b|"
        r"\bcome out\b|\bcame out\b", "when did leaving las vegas come out?", raw=True,
        words=r"what year|which year|year|how old|release date|released?|came out|come out|"
        r"made|premiered?|first|in cinemas|at the cinema|in theaters|theatrically|originally"),
    row(Intent.PERSON_REVIEWED, Need.OPTIONAL_PERSON,
        r"\b(?:films?|movies?|blurays?)\b.*\b(?:reviewed|review|covered)\b|"
        r"\b(?:films?|movies?)\b.*\byou (?:have )?(?:seen|watched|done)\b|"
        r"\breviewed (?:anything|something|any films?|any movies?) (?:with|by|starring|"
        r"featuring)\b|"
        r"\b(?:reviewed|review)\b.*\b(?:films?|movies?)\b (?:with|by|starring|featuring|from|of)\b|"
        r"\bhave you reviewed any\b|\blist (?:all )?(?:the |your )?(?:reviews|reviewed)\b|"
        r"\bwhat (?:have|did) you reviewed?\b(?! \w)|\breviewed so far\b|"
        r"\ball (?:the |your )?reviews\b", "which nicolas cage films have you reviewed?",
        raw=True,
        words=r"films?|movies?|blurays?|reviewed|reviews?|covered|seen|watched|done|starring|"
        r"featuring|with|by|any|anything|something|so far"),
    row(Intent.CAST, Need.FILM_OR_SUBJECT,
        r"\b(?:play|plays|played|playing|portray\w*|roles?|characters?|part)\b|"
        r"^who (?:is|was) .+ in\b", "who plays sera in leaving las vegas?", raw=True,
        words=_CAST_WORDS),
    row(Intent.CAST, Need.FILM,
        r"\bcast\b|\bcasting\b|\bactors?\b|\bactress(?:es)?\b|\bacted\b|\bperformers?\b|"
        r"\bappear\w*\b|\bfeatur(?:e|es|ed|ing)\b|^who (?:is|was|are|were) in\b|"
        r"\bstar(?:s|red|ring)?\b(?!.*\bout of\b)(?<!how many stars)|"
        r"^(?:and |so |but )?(?:is|was|are|were|does|did|do|has|have)\b.*\bin\b",
        "who is in leaving las vegas?", raw=True, words=_CAST_WORDS + r"|main|lead|leading",
        unless=r"^(?:and |so |but )?(?:is|are|was|were) there\b"),
    row(Intent.RATING, Need.FILM,
        r"\brat(?:e|ed|es|ing|ings)\b|\bscores?\b|\bscored\b|\bhow many stars\b|"
        r"\bstars? (?:out of|did|does|would)\b|\bout of (?:10|ten|5|five)\b|\bmarks?\b|"
        r"\bgrades?\b|\bgraded\b", "what did you rate leaving las vegas?", raw=True,
        unless=r"\b(?:uk|us|age|bbfc|mpaa|parental)\b",
        words=r"rat(?:e|ed|es|ing|ings)|scores?|scored|how many stars|stars?|"
        r"out of (?:10|ten|5|five)|marks?|grades?|graded|give|gave"),
    row(Intent.REVIEW_SAYS, Need.FILM,
        r"^how (?:is|was|good (?:is|was)|did) (?!(?:the|it|this|that)\b)\w+(?: \w+)? "
        r"(?:do |does |did )?in\b", "how was elisabeth shue in leaving las vegas?", raw=True,
        words=_REVIEW_SAYS_WORDS + r"|in"),
    row(Intent.OPINION, Need.FILM,
        r"\b(?:think|thought|thoughts|opinions?|verdict|reviews?|reviewed|any good|good|bad|"
        r"like|liked|enjoy\w*|love|loved|hate|hated|impressions?|take on|worth watching|"
        r"quality|say about|said about)\b|^how (?:is|was)\b|\bhow good\b",
        "what did you think of leaving las vegas?", raw=True,
        words=r"think|thought|thoughts|opinions?|verdict|reviews?|reviewed|any good|good|bad|"
        r"like|liked|enjoy\w*|love|loved|hate|hated|impressions?|take on|worth watching|"
        r"quality|say about|said about|how good"),
    # Any other yes/no question about a film: the review's own sentence, or "doesn't say".
    row(Intent.REVIEW_YES_NO, Need.FILM, YES_NO, "does cage die in leaving las vegas?",
        raw=True, unless=r"\bworth\b|\brecommend", weak=True,
        words=r"is there|are there|is it|does it|do they|did|does|do|is|are|was|were|has|have|"
        r"there|any|a|an|the|in|on|of|review|say|says"),
    row(Intent.PERSON_FILMS, Need.PERSON,
        r"\b(?:films?|movies?|filmography|roles|credits|career)\b|\bbeen in\b|\bstarred in\b|"
        r"\bacted in\b|\bappeared in\b|^what (?:has|did|is)\b.+\b(?:in|done|made|do)$",
        "what films has elisabeth shue been in?", raw=True,
        words=r"films?|movies?|filmography|roles|credits|career|been in|starred|acted|"
        r"appeared|done|made|in"),
)  # fmt: skip

#: Intents whose "strong" words make a question, not small talk ("good morning" is not one).
STRONG_OPINION = rx(r"think|thought|thoughts|opinions?|verdict|reviews?|reviewed|any good")
ASPECTS = (("picture", rx(PICTURE_WORDS)), ("audio", rx(AUDIO_WORDS)), ("extras", rx(EXTRAS_WORDS)))
TOPIC_PATTERNS = tuple((topic, rx(words)) for topic, words in TOPICS.items())
WORST = rx(r"worst|lowest|poorest|weakest|least|bottom")
YES_NO_START = re.compile(YES_NO)
GENRE_QUESTION = re.compile(r"^(?:is|was)\b.+\b(?:a|an)\s+(" + GENRE_WORDS + r")\b")


def candidates(corrected: str, typed: str | None = None) -> list[Rule]:
    """The rows the sentence matches, in table order, one per intent."""
    typed = corrected if typed is None else typed
    seen: set[Intent] = set()
    out: list[Rule] = []
    for rule in RULES:
        if rule.intent not in seen and rule.matches(corrected, typed):
            seen.add(rule.intent)
            out.append(rule)
    return out


def rank(intent: Intent) -> int:
    """Where the intent first stands in the table (earlier = more specific)."""
    return next((i for i, rule in enumerate(RULES) if rule.intent is intent), len(RULES))


def examples() -> dict[Intent, str]:
    """An example question per intent (the first row's)."""
    out: dict[Intent, str] = {}
    for rule in RULES:
        out.setdefault(rule.intent, rule.example)
    return out


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (`a|b(?:c|d)|e` -> a, b(?:c|d), e)."""
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _words_of(pattern: str) -> set[str]:
    """The plain words and phrases a pattern lists as alternatives ("cast|casting|star"),
    not the pieces of its word forms ("rat(?:e|ed)")."""
    words: set[str] = set()
    for alternative in _alternatives(pattern):
        part = alternative.replace("\\b", "").strip("^$ ")
        if part.startswith("(?:") and part.endswith(")") and part.count("(") == 1:
            words |= _words_of(part[3:-1])  # a group of plain alternatives
        elif re.fullmatch(r"[a-z0-9 ]+", part):
            words.update(w for w in part.split() if len(w) > 1 and not w.isdigit())
    return words


#: Every plain word the table's rows are made of.
TABLE_WORDS = frozenset(
    word
    for rule in RULES
    for pattern in (rule.when, rule.words, rule.also)
    if pattern is not None
    for word in _words_of(pattern.pattern)
)
