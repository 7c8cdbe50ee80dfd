"""The words for what the answers talk about, in one place: the four things a review rates
(the film, and the Blu-ray's picture, audio and extras) and the genres.

Look here for a word members use for a rating or a genre, and for the name a rating is shown
by: the commands (`!top sound`), the rating card, the rankings, the review quotes and the
question parser all read these. The words questions are made of ("who", "directed", chat
spellings) are the question parser's own, in `questions/vocabulary.py`; the rating scale
itself (POOR .. EXCELLENT, the film's /10) is `bot/records/ratings.py`."""

from __future__ import annotations

from bot.db.rankings import BLURAY
from bot.search import normalize_name

# -- the ratings -----------------------------------------------------------------------------

#: A word members type for a rating -> the rating (`!top sound 5`, `!worst pq`).
ASPECT_WORDS: dict[str, str] = {
    "film": "film",
    "films": "film",
    "movie": "film",
    "overall": "film",
    "rating": "film",
    "picture": "picture",
    "pictures": "picture",
    "video": "picture",
    "image": "picture",
    "transfer": "picture",
    "pq": "picture",
    "audio": "audio",
    "sound": "audio",
    "soundtrack": "audio",
    "mix": "audio",
    "aq": "audio",
    "extras": "extras",
    "extra": "extras",
    "features": "extras",
    "bonus": "extras",
    "specials": "extras",
}

#: A rating's title on a card and in the stats (`Picture ▰▰▰▱▱ GOOD`).
ASPECT_TITLES = {"film": "Film", "picture": "Picture", "audio": "Audio", "extras": "Extras"}

#: A rating's name in a sentence (`Top 10 by audio rating`); BLURAY: the mean of the Blu-ray's
#: three grades, which rankings fall back to.
ASPECT_NAMES = {
    "film": "film rating",
    "picture": "picture rating",
    "audio": "audio rating",
    "extras": "extras rating",
    BLURAY: "Blu-ray rating",
}

#: Words that make a review's sentence one about the Blu-ray's picture, audio or extras (the
#: sentence quoted under the rating, "how is the audio on ...").
REVIEW_ASPECT_WORDS = {
    "picture": ("picture", "image", "transfer", "video", "print", "remaster"),
    "audio": ("audio", "sound", "mix", "dialogue", "surround"),
    "extras": ("extras", "special features", "bonus", "featurette", "commentary"),
}

#: The words of a question about the picture, the audio, the extras (regular expressions).
PICTURE_WORDS = (
    r"picture|pictures|video|image|images|transfer|visuals?|hd|resolution|remaster(?:ed)?|"
    r"restor(?:ed|ation)|print|looks?|looking|colou?rs?|sharpness|grain|detail"
)
AUDIO_WORDS = r"audio|sound|sounds|sounding|mix|dialogue|surround|dts|atmos|lossless|volume"
EXTRAS_WORDS = (
    r"extras|special features?|bonus(?: features?| material| content)?|supplements?|features|"
    r"featurettes?|behind the scenes|commentar(?:y|ies)|deleted scenes|interviews?"
)

# -- the genres --------------------------------------------------------------------------------

#: The genres a question may name ("is it a comedy"), a regular expression.
GENRE_WORDS = (
    r"comedy|comedies|drama|horror|thriller|action|romance|romantic|crime|sci fi|science fiction|"
    r"fantasy|animation|animated|adventure|war|mystery|family|musical|western|documentary|biopic|"
    r"kids|superhero"
)
#: Another word for a genre -> the genre's own word.
GENRE_ALIASES = {
    "comedies": "comedy",
    "romantic": "romance",
    "science fiction": "sci fi",
    "scifi": "sci fi",
    "animated": "animation",
}


def genre_key(text: str) -> str:
    """A genre as one word for comparing ("Science Fiction", "sci-fi" -> "sci fi")."""
    key = normalize_name(text)
    return GENRE_ALIASES.get(key, key)


__all__ = [
    "ASPECT_NAMES",
    "ASPECT_TITLES",
    "ASPECT_WORDS",
    "AUDIO_WORDS",
    "EXTRAS_WORDS",
    "GENRE_ALIASES",
    "GENRE_WORDS",
    "PICTURE_WORDS",
    "REVIEW_ASPECT_WORDS",
    "genre_key",
]
