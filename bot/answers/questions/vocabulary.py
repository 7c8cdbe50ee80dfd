"""The words of questions (no Discord, no database): chat spellings, the words that may stand
at a title's edge, the words questions are made of, and the topic words of the review.

`QUESTION_WORDS` is what protects a question's own vocabulary ("age rating", "the next review",
"newest") from being read as a title or a name: a film or a person found only in such words
counts only when the member typed the whole title in the film's place (see entities.py).

The words for the ratings (picture, audio, extras...) and the genres are not here: they are
shared with the commands and the cards, in `bot/answers/vocabulary.py`.
"""

from __future__ import annotations

from pathlib import Path

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
    "fave": "favourite", "favorite": "favourite", "stat": "stats", "ur's": "yours",
    "smth": "something", "sth": "something", "rn": "right now", "tho": "though",
    "uhd": "4k", "commentaries": "commentary",
}  # fmt: skip

#: Two words that members write as one thing.
PAIRS = {
    ("blu", "ray"): "bluray",
    ("blu", "rays"): "bluray",
    ("blue", "ray"): "bluray",
    ("blue", "rays"): "bluray",
    ("run", "time"): "runtime",
    ("4", "k"): "4k",
}

#: "the wicker man from 2006" -> "the wicker man 2006"
YEAR_PREPOSITIONS = frozenset({"from", "in", "of", "made"})

#: Words that may stand at the edge of a title in a question without being part of it.
FILLER = frozenset(
    str.split(
        """
    a an the of on in for to at by from with about into is are was were be been being am it its
    this that these those there here does do did done doing has have had having can could would
    should will shall may might must i me my mine you your yours we us our he she him his her
    they them their what which who whom whose how when where why please thanks thank tell show
    say know wonder want like give gave get got hey hi hello ok okay so just any anyone someone
    anything something and or but much many very really actually exactly again also too all some
    not no yes popcorn bot film films movie movies flick flicks bluray blurays dvd dvds uhd
    version copy then now still ever one let us lol lmao haha guys mate pal bro though right yet
    """
    )
)

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
    movies best worst highest lowest latest newest oldest random statistics where purchase
    synopsis photographed filmed lensed shoot shooting appears appeared appear portrays
    portrayed performers distributor distributed distributes studio publisher edition
    releases releasing featurettes commentary interviews supplements visuals image video
    resolution remastered restoration surround dialogue volume sounds looking looks
    duration classification suitable children family comedy drama horror thriller action
    romance crime fantasy animation adventure mystery musical western documentary
    recommended recommendations upgrade should would could about which there their region
    headline progress acting performance performances direction steelbook player players
    """
    )
)

#: Ordinary words that questions are made of, beyond FILLER and the words of the intents
#: table (which intents.py adds): never a title or a name unless typed as one, in its place.
ORDINARY = frozenset(
    str.split(
        """
    age old new next last first latest newest oldest recent most least more less best worst
    good bad great poor ok decent fine nice top bottom high low rating ratings rated rate score
    review reviews reviewed reviewer reviewing site blog page card info details detail
    question questions answer answers know tell list show picture audio sound video image sharp
    region free
    locked code coded 4k hd sd uk us usa american british english subtitles subs coming come
    came out soon today tonight week month year years time times day days long short far
    through left done going think thought watch watched watching seen buy bought get got
    cheap price cost money worth play plays played playing part role roles character
    characters star stars starring actor actors actress acting cast film movie one thing
    things stuff way people person man woman guy someone everyone everybody anybody nobody
    kids children family friendly adults teens safe scary funny sad happy love hate like
    liked enjoy enjoyed meaning life pizza weather morning evening night afternoon thanks
    cool awesome wow yeah yep nope maybe sure please sorry help edition steelbook making
    behind scenes commentary interviews featurette trailer extras extra features bonus
    """
    )
)


def _english_words() -> frozenset[str]:
    path = Path(__file__).with_name("english_words.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


#: The most frequent English words (english_words.txt, from wordfreq): titles made only of
#: them ("Rage", "The Trust", "Knowing", "The Family Man") are ordinary words in a sentence
#: ("i don't trust the ratings") unless typed as the title, in its place.
ENGLISH = _english_words()

#: Words that, beside a title, still ask for the film's card ("llv review", "con air info").
CARD_WORDS = frozenset(
    str.split(
        """
    review reviews card info information details detail rating ratings verdict page summary
    bluray film movie about please pls thanks show me give tell the a an of on for lookup look
    up check out
    """
    )
)

#: The extras members ask about by name ("is there a making of on ...").
EXTRA_ITEM_WORDS = (
    r"making of|commentar(?:y|ies)|interviews?|featurettes?|deleted scenes|behind the scenes|"
    r"trailers?|b roll|booklet|outtakes|bloopers|gag reel|alternate ending|documentary|"
    r"subtitles|audio description"
)
#: Editions the site may or may not have reviewed.
EDITION_WORDS = (
    r"4k|ultra hd|steelbook|steel book|special edition|collectors edition|limited edition|"
    r"anniversary edition|directors cut|extended cut|edition|hdr|dolby vision|dvd|criterion|"
    r"arrow|88 films|box set|boxset"
)

#: What a question about the review's own words is about: topic -> the words that name it.
TOPICS: dict[str, str] = {
    "acting": r"acting|performances?|actors|actress|cast performances?|acted",
    "direction": (
        r"direction|directing|style|visual style|cinematography|camera work|camerawork|"
        r"look of the film|filmmaking"
    ),
    "music": r"music|score|soundtrack|songs?",
    "story": r"story|storyline|plot|script|writing|screenplay|ending|themes?",
    "film": r"film itself|movie itself|as a film|film overall|film on its own",
    "release": r"release as a whole|the release|the disc|the blu ?ray as a whole",
}

__all__ = [
    "CARD_WORDS",
    "CUE_WORDS",
    "EDITION_WORDS",
    "ENGLISH",
    "EXTRA_ITEM_WORDS",
    "FILLER",
    "ORDINARY",
    "PAIRS",
    "SLANG",
    "TOPICS",
    "YEAR_PREPOSITIONS",
]
