"""What each kind of question's answer looks like: for every intent, the forms its reply takes
(regular expressions over the answer's headline, see `headline()` in test_answers.py). `{film}`
and `{person}` stand for the row's film and person; a form that uses one is tried only when the
row names it. A question answered with the wrong kind of sentence (the card, the runtime for a
director question) matches none of its intent's forms."""

from __future__ import annotations

FILM = "{film}"
#: A fact the database lacks, said so with what it holds.
UNSET = "I don't have {what} {film}\\. What I do know: .+\\."
NOT_REVIEWED = r"{film} is not reviewed yet\. What I know about it: .+\."
NO_RELEASE = r"I have no Blu-ray release on record for {film}\.( It's not reviewed yet; .+\.)?"
RELEASE = r"the( [^|]+)? (Blu-ray|DVD|4K UHD)( \(.+\))? of {film}"


def unset(what: str) -> str:
    return UNSET.replace("{what}", what)


#: Replies any question may get: it names no film, or one that is not there, or several.
ANY_INTENT: tuple[str, ...] = (
    r"Which film\? I understood a question like “.+”, but no film in it\.",
    r"I understood a question like “.+”\. I couldn't find a film called “.+”\.( .+)?",
    r"Several films match “.+”\. Did you mean:",
    r"No film from \d{4} matches “.+”\..*",
    r"Several people match “.+”\. Who do you mean\?",
    r"I couldn't find anyone called “.+”\.( The nearest are:)?",
)

SHAPES: dict[str, tuple[str, ...]] = {
    "help": (r"I answer questions about the films and the site's reviews, like:",),
    "unknown": (
        r"Sorry, I didn't understand that\. I can answer questions like:",
        r"I found \*{film}\* in your question, but not what you'd like to know about it\. .+",
    ),
    "count": (
        r"Reviews \| I've reviewed \d+ films? so far, out of \d+ films? in the database\.",
        r"Reviewed {person} films \| I've reviewed \d+ {person} films? so far, out of \d+ "
        r"{person} films? in the database\.( Reviewed: .+\.)?",
    ),
    "stats": (r"Review stats \| ",),
    "latest": (r"Latest reviews \| Newest first \(by the review's publication date\)\.",),
    "random": (r".+ \(\d{4}\) \| \*\*.+\*\*(\n.+)?",),
    "progress": (
        r"Nicolas Cage: review progress \| \*\*\d+ of \d+ Nicolas Cage films in the database "
        r"reviewed so far, \d+ to go\.\*\*\n.+",
        r"The next review \| I don't know which film the site will review next, or when: the "
        r"reviewers don't tell me their plans\.\n.+",
    ),
    "film": (
        r"{film} \| \*\*.+\*\*(\n.+)?",
        r"{film} \| Not reviewed yet\. Here is what I know about it\.",
    ),
    "person": (
        r"{person}: filmography \| \d+ films? in the database: \d+ reviewed, \d+ not yet\..*",
    ),
    "person_films": (
        r"{person}: filmography(, .+)? \| \d+ films?( from .+)? in the database: \d+ reviewed, "
        r"\d+ not yet\..*",
    ),
    "person_reviewed": (
        r"Reviewed films \| I've reviewed \d+ films? so far, out of \d+ films? in the database\.",
        r"Reviewed {person} films \| I've reviewed \d+ {person} films? so far, out of \d+ "
        r"{person} films? in the database\.",
    ),
    "person_directed": (
        r"Films directed by {person} \| {person} directed \d+ films? in the database, "
        r"\d+ reviewed\.",
        r"{person} \| The database has no film directed by {person} \(.+\)\.",
    ),
    "person_newest": (r"{person}: newest film \| The newest {person} films? in the database .+",),
    "person_oldest": (
        r"{person}: earliest film \| The earliest {person} films? in the database .+",
    ),
    "best": (
        r"The (best|worst)(-rated| picture| audio| extras) of the reviewed films (is|are) on "
        r".+ \(\d{4}\): \w+\.( .+)?",
        r"The (best|worst)-rated of the reviewed films is .+ \(\d{4}\): [\d.]+/10\.( .+)?",
        r"The (best|worst)(-rated| picture| audio| extras) of the {person} films I've reviewed "
        r"(is|are) (on )?.+ \(\d{4}\): [\w./]+\.( .+)?",
        r"The (best|worst) .+ \| The (best|worst)(-rated| picture| audio| extras) of the "
        r"reviewed films \(.+\): .+\..*",
    ),
    "director": (
        r"(No: )?{film} was directed by .+\.",
        r"Yes: .+ directed {film}\.",
        unset("the director of"),
    ),
    "writer": (
        r"(No: )?{film} was written by .+\.",
        r"Yes: .+ wrote {film}\.",
        unset("the writers of"),
    ),
    "composer": (
        r"(No: )?The music for {film} is by .+\.",
        r"Yes: .+ wrote the music for {film}\.",
        unset("the composer of"),
    ),
    "cinematographer": (
        r"(No: )?{film} was shot by .+ \(cinematography\)\.",
        r"Yes: .+ shot {film}\.",
        unset("the cinematographer of"),
    ),
    "author": (
        r"The review of {film} was written by .+\.",
        r"The review of {film} doesn't say who wrote it\.",
        NOT_REVIEWED,
    ),
    "runtime": (r"{film} runs \d+ minutes( \(\d+ h \d\d min\))?\.", unset("the runtime of")),
    "certificate": (r"{film} is rated \w+ \(UK certificate\)\.", unset("a certificate for")),
    "genre": (r"(Yes: |No: )?{film} is listed as .+\.", unset("the genre of")),
    "year": (
        r".+ came out in \d{4}\.( The .+ came out on \d+ \w+ \d{4}\.)?",
        r"I don't have the year .+ came out\..*",
    ),
    "plot": (unset("a synopsis of"), r"(?!I don't have |The verdict|\*\*).{20,}"),
    "bluray": (
        rf"{RELEASE[0].upper()}{RELEASE[1:]} (came out on \d+ \w+ \d{{4}}|is from .+)[ .,].*",
        r"I don't have the release date or the label of the .+ of {film}\.",
        NO_RELEASE,
    ),
    "discs": (
        rf"{RELEASE[0].upper()}{RELEASE[1:]} has \d+ discs?\.",
        rf"I don't have the number of discs in {RELEASE}\.",
        NO_RELEASE,
    ),
    "extras": (
        rf"{RELEASE[0].upper()}{RELEASE[1:]} (has \d+ extras?: .+|lists no extras)\."
        r"( The review (rates the extras \w+|doesn't rate the extras)\.)?",
        NO_RELEASE,
    ),
    "has_extra": (
        rf"Yes: the extras of {RELEASE} include “.+”\.",
        rf"The extras list of {RELEASE}( doesn't mention .+\. It lists)?: .+\.",
        rf"I have no extras list for {RELEASE}, so I can't say\.",
        NO_RELEASE,
    ),
    "region": (
        rf"{RELEASE[0].upper()}{RELEASE[1:]} is region \w+\.",
        rf"The review doesn't say which region {RELEASE} is( \(it's the .+ release\))?, "
        r"and I don't have it\.",
        NO_RELEASE,
    ),
    "edition": (
        rf"(The site reviewed|I have on record) {RELEASE}( \(.+\))?\.( I have no review of "
        r"(a .+ edition, and I can't tell what else is on sale|any other edition)\.)?",
        r"I have no release on record for {film}(, so nothing about a .+ edition)?\."
        r"( It's not reviewed yet\.)?",
    ),
    "aspect": (
        r"{film}: the review rates the Blu-ray's (picture|audio|extras) \w+( \([▰▱]+\))?\."
        r"( They are: .+\.)?(\n> .+)?",
        r"{film}: the review doesn't rate the Blu-ray's (picture|audio|extras)\. It rates .+\."
        r"(\n> .+)?",
        r"I don't have the technical details of the {film} disc \(like “.+”\): the review "
        r"doesn't list them\..*",
        NOT_REVIEWED,
    ),
    "rating": (
        r"The review gives {film} [\d.]+/10\. It rates the Blu-ray: .+\.",
        r"The review doesn't give a film rating for {film}\. It rates the Blu-ray: .+\.",
        NOT_REVIEWED,
    ),
    "opinion": (
        r"The verdict on {film}: “.+” \((film [\d.]+/10|no film rating); Blu-ray: .+\)\.",
        r"The review of {film} gives no one-line verdict \(.+\)\.( It says: “.+”)?",
        NOT_REVIEWED,
    ),
    "worth": (
        r"The review's recommendation: “.+”( Verdict: “.+”\.)?",
        r"The review of {film} makes no buying recommendation\.( Verdict: “.+”\.)? It rates "
        r"the Blu-ray: .+\.",
        NOT_REVIEWED,
    ),
    "pros_cons": (
        r"(Pros: .+\.|The review lists no pros\.) (Cons: .+\.|The review lists no cons\.)",
        r"The review of {film} lists no pros or cons\.",
        NOT_REVIEWED,
    ),
    "where_buy": (
        r"You can buy {film} at .+:\n.+",
        r"The review of {film} lists no shops\.",
        r"{film} is not reviewed yet, so I have no shops for it\.",
        r"I don't know where {film} streams: I only have the review's links to buy the disc\..*",
    ),
    "headline": (
        r"The review of {film} is headlined “.+”\.",
        r"The review of {film} has no headline on record\.",
        NOT_REVIEWED,
    ),
    "review_date": (
        r"The review of {film} was published on \d+ \w+ \d{4}\.",
        r"The review of {film} doesn't give its publication date, and I don't have it\.",
        NOT_REVIEWED,
    ),
    "read": (r"The review of {film} \| .*",),
    "review_says": (
        r"From the review of {film}( \(.+\))?:\n.+",
        r"The review of {film} doesn't have a part about that\.",
        NOT_REVIEWED,
    ),
    "review_yes_no": (
        r"The review says: “.+”.*",
        r"The review doesn't answer that in so many words\. From the review of {film}.+",
        r"The review of {film} doesn't say\.( It rates the Blu-ray's \w+ \w+\.)?",
        NOT_REVIEWED,
    ),
    "cast": (
        r"{film} stars .+\.",
        r"The cast I have for {film} lists only .+; it isn't complete\.",
        r"The cast I have for {film} lists only .+, so I can't say whether .+ is in it\.",
        r"I have no cast( list)? for {film}.*",
        r"(Yes: )?.+ plays .+ in .+ \(\d{4}\)\.( They are also credited as .+\.)?",
        r"(Yes: )?.+ is in the cast of {film} \(no character name given\)\..*",
        r"No: the cast I have for {film} doesn't include .+\.",
        r".+ isn't in the cast of {film}, but is credited as .+\.",
        r"I can't find a character called “.+” in the cast I have for {film}\.( .+)?",
        r"{person}'s parts \| \d+ parts\.",
        # "does cage die in llv": not about the cast list, answered from the review.
        r"The review of {film} doesn't say\.( .+)?",
        r"The review says: “.+”.*",
    ),
}
