"""Member messages as they are really typed on Discord, what each one asks and what kind of
answer it gets (plain data, read by test_intents.py and test_answers.py).

Each row: (message, intent, film, person, answer).
- intent: an intent's value; a tuple of values only for a genuinely borderline phrasing.
- film: "Title (Year)" as in the catalogue or the records; None when the message names no film;
  ASK_BACK ("?") when the member must be asked which film (two films share the title, or the
  year matches none of them).
- person: the person's name as in the data, or None when the message names nobody that matters
  to the answer. A character ("sera", "castor troy") is not a person.
- answer: what the reply is, one of the kinds below (test_answers.py asks every message through
  the whole pipeline, on a database holding the same data, and checks the kind, the film or the
  person it is about, and the shape of its sentence for the intent).

The films and people come from data/catalog/nicolas-cage-filmography.csv, data/reviews and
tests/answers/data. Mentions of the bot ("<@123456789>") appear where members put them.
"""

from __future__ import annotations

ASK_BACK = "?"

# What kind of answer a message gets.
#: A sentence about one film: a Card titled with the film (or "Buy <film>"), no fields, the
#: film's card one button away ("Film card" first). A question that fell back to the film's
#: card is not this.
SENTENCE = "sentence"
#: The film's own card: its ratings (or what is known about it) as fields.
CARD = "card"
#: A card about no single film: a count, the stats, the progress, a person's newest film.
SUMMARY = "summary"
#: A list: a filmography, the reviewed films, the latest reviews, the review's parts.
LIST = "list"
#: Asked back: which film or which person.
CHOICES = "choices"
#: A short reply: the help, "Which film?", "I didn't understand".
NOTICE = "notice"
KINDS = frozenset({SENTENCE, CARD, SUMMARY, LIST, CHOICES, NOTICE})


#: Every intent the question set must cover.
INTENTS = frozenset(
    str.split(
        """
    help count stats latest random progress discs pros_cons where_buy worth cinematographer
    composer author writer director person_directed best extras has_extra aspect runtime
    certificate region edition plot genre bluray year person_reviewed cast rating opinion
    review_says review_yes_no headline person_newest person_oldest person_films film person
    unknown review_date read
    """
    )
)

LLV = "Leaving Las Vegas (1995)"
CON_AIR = "Con Air (1997)"
FACE_OFF = "Face/Off (1997)"
ROCK = "The Rock (1996)"
JOE = "Joe (2013)"
WM73 = "The Wicker Man (1973)"
WM06 = "The Wicker Man (2006)"
NEXT = "Next (2007)"
PIG = "Pig (2021)"
RAGE = "Rage (2014)"
MANDY = "Mandy (2018)"
CAGE = "Nicolas Cage"
AT = "<@123456789>"

Row = tuple[str, str | tuple[str, ...], str | None, str | None, str]

QUESTIONS: list[Row] = [
    # -- help --------------------------------------------------------------------------------
    ("help", "help", None, None, NOTICE),
    (f"{AT} what can u do", "help", None, None, NOTICE),
    ("wat can i ask u", "help", None, None, NOTICE),
    ("how do i use this bot", "help", None, None, NOTICE),
    ("popcorn commands?", "help", None, None, NOTICE),
    ("what kind of questions can you answer lol", "help", None, None, NOTICE),
    ("how do your ratings work", "help", None, None, NOTICE),
    # -- count -------------------------------------------------------------------------------
    ("how many films have u reviewed", "count", None, None, SUMMARY),
    ("how many reviews r there", "count", None, None, SUMMARY),
    ("how many blu-rays have you done so far", "count", None, None, SUMMARY),
    ("how many reviews have u written in total", "count", None, None, SUMMARY),
    ("how many cage films have you reviewed", "count", None, CAGE, SUMMARY),
    (f"{AT} how many nic cage movies have u covered", "count", None, CAGE, SUMMARY),
    ("how many john cusack films have you reviewed", "count", None, "John Cusack", SUMMARY),
    # -- stats -------------------------------------------------------------------------------
    ("stats", "stats", None, None, SUMMARY),
    ("show me the stats", "stats", None, None, SUMMARY),
    ("popcorn stats pls", "stats", None, None, SUMMARY),
    ("any statistics on the reviews?", "stats", None, None, SUMMARY),
    (f"{AT} site stats", "stats", None, None, SUMMARY),
    # -- latest ------------------------------------------------------------------------------
    ("whats the latest review", "latest", None, None, LIST),
    ("what's your latest review", "latest", None, None, LIST),
    ("any new reviews", "latest", None, None, LIST),
    ("most recent review?", "latest", None, None, LIST),
    ("newest review pls", "latest", None, None, LIST),
    ("latest reviews 🍿", "latest", None, None, LIST),
    (f"{AT} wat did u review last", "latest", None, None, LIST),
    ("show me the newest reviews", "latest", None, None, LIST),
    # -- random ------------------------------------------------------------------------------
    ("pick a random film", "random", None, None, CARD),
    ("surprise me", "random", None, None, CARD),
    ("recommend me something to watch", "random", None, None, CARD),
    ("any recommendations for tonight", "random", None, None, CARD),
    ("gimme a random movie to watch lol", "random", None, None, CARD),
    ("suggest a film for movie night", "random", None, None, CARD),
    # -- progress ----------------------------------------------------------------------------
    ("how far are you through cage's films?", "progress", None, None, SUMMARY),
    ("when is the next review coming", "progress", None, None, SUMMARY),
    ("when's the next review", "progress", None, None, SUMMARY),
    ("whats next to be reviewed", "progress", None, None, SUMMARY),
    ("what film are you reviewing next", "progress", None, None, SUMMARY),
    ("when will u review the next one", "progress", None, None, SUMMARY),
    (f"{AT} how far along r u with the cage project", "progress", None, None, SUMMARY),
    ("how many cage films are left to review", "progress", None, None, SUMMARY),
    ("what percentage of nic cage films have u done", "progress", None, None, SUMMARY),
    ("next review when?", "progress", None, None, SUMMARY),
    # -- discs -------------------------------------------------------------------------------
    ("how many discs are in the face off blu-ray", "discs", FACE_OFF, None, SENTENCE),
    ("how many discs is llv on", "discs", LLV, None, SENTENCE),
    ("is con air 1 disc or 2", "discs", CON_AIR, None, SENTENCE),
    ("how many disks does the wicker man 1973 come with", "discs", WM73, None, SENTENCE),
    ("number of discs for the rock?", "discs", ROCK, None, SENTENCE),
    # -- pros and cons -----------------------------------------------------------------------
    ("pros and cons of con air", "pros_cons", CON_AIR, None, SENTENCE),
    ("what are the pros n cons for leaving las vegas", "pros_cons", LLV, None, SENTENCE),
    ("any downsides to the face off bluray", "pros_cons", FACE_OFF, None, SENTENCE),
    ("whats good and bad about the rock blu ray", "pros_cons", ROCK, None, SENTENCE),
    ("llv pros cons", "pros_cons", LLV, None, SENTENCE),
    # -- where to buy ------------------------------------------------------------------------
    ("where can i buy leaving las vegas", "where_buy", LLV, None, SENTENCE),
    ("where can i get con air on bluray", "where_buy", CON_AIR, None, SENTENCE),
    ("buy link for llv?", "where_buy", LLV, None, SENTENCE),
    ("where do i buy the face off blu ray", "where_buy", FACE_OFF, None, SENTENCE),
    ("how much is the rock on blu-ray", "where_buy", ROCK, None, SENTENCE),
    (f"{AT} link to buy con air pls", "where_buy", CON_AIR, None, SENTENCE),
    # -- worth buying ------------------------------------------------------------------------
    ("is the leaving las vegas blu-ray worth buying", "worth", LLV, None, SENTENCE),
    ("should i buy con air", "worth", CON_AIR, None, SENTENCE),
    ('is "next" worth buying', "worth", NEXT, None, SENTENCE),
    ("is next worth getting on bluray", "worth", NEXT, None, SENTENCE),
    ("worth upgrading face off?", "worth", FACE_OFF, None, SENTENCE),
    ("would u recommend the wicker man 2006", "worth", WM06, None, SENTENCE),
    ("is pig worth a blind buy", "worth", PIG, None, SENTENCE),
    ("should i double dip on the rock", "worth", ROCK, None, SENTENCE),
    ("is the wicker man worth buying", "worth", ASK_BACK, None, CHOICES),
    ("is stolen worth buying", "worth", "Stolen (2012)", None, SENTENCE),
    (
        "i have the dvd of leaving las vegas is the blu ray worth upgrading to",
        "worth",
        LLV,
        None,
        SENTENCE,
    ),
    # -- cinematographer ---------------------------------------------------------------------
    ("who shot leaving las vegas", "cinematographer", LLV, None, SENTENCE),
    ("whos the dp on face off", "cinematographer", FACE_OFF, None, SENTENCE),
    ("who was the cinematographer for the rock", "cinematographer", ROCK, None, SENTENCE),
    ("cinematographer of con air?", "cinematographer", CON_AIR, None, SENTENCE),
    ("who did the camera work on the wicker man 73", "cinematographer", WM73, None, SENTENCE),
    # -- composer ----------------------------------------------------------------------------
    ("who did the music for llv", "composer", LLV, None, SENTENCE),
    ("who composed the score for con air", "composer", CON_AIR, None, SENTENCE),
    ("the rock composer?", "composer", ROCK, None, SENTENCE),
    ("whos the composer on face off", "composer", FACE_OFF, None, SENTENCE),
    ("who wrote the soundtrack of the wicker man 2006", "composer", WM06, None, SENTENCE),
    (
        "who did the score for a score to settle",
        "composer",
        "A Score to Settle (2019)",
        None,
        SENTENCE,
    ),
    ("did hans zimmer do the music for the rock", "composer", ROCK, "Hans Zimmer", SENTENCE),
    (
        "hey popcorn quick one who wrote the music for the rock thx",
        "composer",
        ROCK,
        None,
        SENTENCE,
    ),
    # -- the review's author -----------------------------------------------------------------
    ("who wrote the review of con air", "author", CON_AIR, None, SENTENCE),
    ("who reviewed leaving las vegas", "author", LLV, None, SENTENCE),
    ("whos the reviewer for face off", "author", FACE_OFF, None, SENTENCE),
    ("who wrote ur con air review", "author", CON_AIR, None, SENTENCE),
    ("who did the llv review", "author", LLV, None, SENTENCE),
    # -- writer ------------------------------------------------------------------------------
    ("who wrote con air", "writer", CON_AIR, None, SENTENCE),
    ("who wrote the screenplay for face off", "writer", FACE_OFF, None, SENTENCE),
    ("whos the writer of the wicker man 1973", "writer", WM73, None, SENTENCE),
    ("who wrote the script for leaving las vegas", "writer", LLV, None, SENTENCE),
    ("con air screenwriter", "writer", CON_AIR, None, SENTENCE),
    # -- director ----------------------------------------------------------------------------
    ("who directed con air", "director", CON_AIR, None, SENTENCE),
    (f"hey {AT} who directed con air", "director", CON_AIR, None, SENTENCE),
    (f"{AT} who directed face/off", "director", FACE_OFF, None, SENTENCE),
    ("who directed next", "director", NEXT, None, SENTENCE),
    ("who directed pig", "director", PIG, None, SENTENCE),
    ("who directed rage", "director", RAGE, None, SENTENCE),
    ("who directed knowing", "director", "Knowing (2009)", None, SENTENCE),
    ("who directed the trust", "director", "The Trust (2016)", None, SENTENCE),
    ("who directed 8mm", "director", "8MM (1999)", None, SENTENCE),
    ("who directed adaptation", "director", "Adaptation. (2002)", None, SENTENCE),
    ("who directed the wicker man", "director", ASK_BACK, None, CHOICES),
    ("who directed wicker man 2006", "director", WM06, None, SENTENCE),
    ("leaving las vegas 1990 director", "director", ASK_BACK, None, CHOICES),
    ("whos the director of llv", "director", LLV, None, SENTENCE),
    ("who directd leavinglasvegas", "director", LLV, None, SENTENCE),
    ("who directed con air 97", "director", CON_AIR, None, SENTENCE),
    ("director of the rock??", "director", ROCK, None, SENTENCE),
    ("who was the director of the rock 1996", "director", ROCK, None, SENTENCE),
    ("did john woo direct face off", "director", FACE_OFF, "John Woo", SENTENCE),
    ("was con air directed by michael bay", "director", CON_AIR, "Michael Bay", SENTENCE),
    ("did michael bay direct the rock", "director", ROCK, "Michael Bay", SENTENCE),
    (
        "ok so i just watched con air last night and i was wondering who actually directed it",
        "director",
        CON_AIR,
        None,
        SENTENCE,
    ),
    # -- films a person directed -------------------------------------------------------------
    ("which films did mike figgis direct", "person_directed", None, "Mike Figgis", LIST),
    ("what has john woo directed", "person_directed", None, "John Woo", LIST),
    ("films directed by simon west", "person_directed", None, "Simon West", LIST),
    ("wat movies has michael bay directed", "person_directed", None, "Michael Bay", LIST),
    (
        "has francis ford coppola directed any other films",
        "person_directed",
        None,
        "Francis Ford Coppola",
        LIST,
    ),
    # -- best and worst ----------------------------------------------------------------------
    ("which film has the best audio", "best", None, None, SENTENCE),
    ("which blu-ray has the best picture", "best", None, None, SENTENCE),
    ("which disc has the best picture", "best", None, None, SENTENCE),
    ("which bluray has the worst audio", "best", None, None, SENTENCE),
    ("which review has the worst picture", "best", None, None, SENTENCE),
    ("what's the highest rated film", "best", None, None, SUMMARY),
    ("best extras?", "best", None, None, SENTENCE),
    ("whats the best audio youve reviewed", "best", None, None, SENTENCE),
    ("whats the best cage film", "best", None, CAGE, SENTENCE),
    ("what is the worst cage film", "best", None, CAGE, SENTENCE),
    ("top rated nic cage movie", "best", None, CAGE, SENTENCE),
    ("whats john cusacks best film", "best", None, "John Cusack", SENTENCE),
    # -- what extras -------------------------------------------------------------------------
    ("what extras are on leaving las vegas", "extras", LLV, None, SENTENCE),
    ("wat extras r on the llv bluray", "extras", LLV, None, SENTENCE),
    ("what special features does con air have", "extras", CON_AIR, None, SENTENCE),
    ("any extras on the rock?", "extras", ROCK, None, SENTENCE),
    ("list the bonus features on face off", "extras", FACE_OFF, None, SENTENCE),
    ("what extras come with the wicker man 1973", "extras", WM73, None, SENTENCE),
    # -- is there a particular extra ---------------------------------------------------------
    ("is there a making of on leaving las vegas", "has_extra", LLV, None, SENTENCE),
    ("is there a commentary on face off", "has_extra", FACE_OFF, None, SENTENCE),
    ("does the rock have a commentary track", "has_extra", ROCK, None, SENTENCE),
    ("are there interviews on the llv blu-ray", "has_extra", LLV, None, SENTENCE),
    ("any deleted scenes on face off?", "has_extra", FACE_OFF, None, SENTENCE),
    ("does con air have a behind the scenes featurette", "has_extra", CON_AIR, None, SENTENCE),
    # -- picture, audio and extras ratings ---------------------------------------------------
    ("how is the picture on leaving las vegas", "aspect", LLV, None, SENTENCE),
    ("hows the audio on llv", "aspect", LLV, None, SENTENCE),
    ("how good is the picture quality on con air", "aspect", CON_AIR, None, SENTENCE),
    ("is the sound good on face off", "aspect", FACE_OFF, None, SENTENCE),
    ("how are the extras on con air", "aspect", CON_AIR, None, SENTENCE),
    ("how does leaving las vegas look on blu-ray", "aspect", LLV, None, SENTENCE),
    ("how does the picture look on face off", "aspect", FACE_OFF, None, SENTENCE),
    ("how is the pictrue on con air", "aspect", CON_AIR, None, SENTENCE),
    ("pq on the rock?", "aspect", ROCK, None, SENTENCE),
    ("audio rating for wicker man 2006", "aspect", WM06, None, SENTENCE),
    # -- runtime -----------------------------------------------------------------------------
    ("how long is leaving las vegas", "runtime", LLV, None, SENTENCE),
    ("how long is rage 2014", "runtime", RAGE, None, SENTENCE),
    ("whats the runtime of con air", "runtime", CON_AIR, None, SENTENCE),
    ("how many mins is face off", "runtime", FACE_OFF, None, SENTENCE),
    ("llv run time?", "runtime", LLV, None, SENTENCE),
    ("con air runtime ⏱️", "runtime", CON_AIR, None, SENTENCE),
    ("how long is the wicker man", "runtime", ASK_BACK, None, CHOICES),
    ("how long is a score to settle", "runtime", "A Score to Settle (2019)", None, SENTENCE),
    ("is the rock over 2 hours", "runtime", ROCK, None, SENTENCE),
    # -- certificate -------------------------------------------------------------------------
    ("what age rating is llv", "certificate", LLV, None, SENTENCE),
    ("what age rating is rage", "certificate", RAGE, None, SENTENCE),
    ("whats the uk rating on leaving las vegas", "certificate", LLV, None, SENTENCE),
    ("what certificate is con air", "certificate", CON_AIR, None, SENTENCE),
    ("is con air suitable for kids", "certificate", CON_AIR, None, SENTENCE),
    ("what is leaving las vegas rated", "certificate", LLV, None, SENTENCE),
    ("bbfc rating for face off?", "certificate", FACE_OFF, None, SENTENCE),
    ("can my 12 year old watch the rock", "certificate", ROCK, None, SENTENCE),
    ("what rating is the wicker man 2006 in the uk", "certificate", WM06, None, SENTENCE),
    ("is joe a 15 or an 18", "certificate", JOE, None, SENTENCE),
    ("what's the age rating on pig", "certificate", PIG, None, SENTENCE),
    (
        "my mate says face off is a 15 but i think its an 18 whats the actual certificate",
        "certificate",
        FACE_OFF,
        None,
        SENTENCE,
    ),
    # -- region ------------------------------------------------------------------------------
    ("what region is the llv blu-ray", "region", LLV, None, SENTENCE),
    ("is con air region free", "region", CON_AIR, None, SENTENCE),
    ("what region is face off", "region", FACE_OFF, None, SENTENCE),
    ("will the rock bluray play on a us player", "region", ROCK, None, SENTENCE),
    ("is the wicker man 1973 disc region b", "region", WM73, None, SENTENCE),
    ("what region are the discs", "region", None, None, NOTICE),
    # -- editions ----------------------------------------------------------------------------
    ("is there a 4k of leaving las vegas", "edition", LLV, None, SENTENCE),
    ("is face off out on 4k", "edition", FACE_OFF, None, SENTENCE),
    ("is there a steelbook of con air", "edition", CON_AIR, None, SENTENCE),
    ("any special edition of the rock?", "edition", ROCK, None, SENTENCE),
    ("is there a uhd of pig", "edition", PIG, None, SENTENCE),
    ("which edition of the wicker man 1973 did u review", "edition", WM73, None, SENTENCE),
    ("is there a 4k of the wicker man", "edition", ASK_BACK, None, CHOICES),
    ("is there a 4k version", "edition", None, None, NOTICE),
    # -- plot --------------------------------------------------------------------------------
    ("whats leaving las vegas about", "plot", LLV, None, SENTENCE),
    ("what is con air about", "plot", CON_AIR, None, SENTENCE),
    ("plot of face off?", "plot", FACE_OFF, None, SENTENCE),
    ("wat happens in the rock", "plot", ROCK, None, SENTENCE),
    ("give me a synopsis of llv", "plot", LLV, None, SENTENCE),
    ("whats the story of joe", "plot", JOE, None, SENTENCE),
    ("what's next about", "plot", NEXT, None, SENTENCE),
    ("what's national treasure about", "plot", "National Treasure (2004)", None, SENTENCE),
    # -- genre -------------------------------------------------------------------------------
    ("what genre is leaving las vegas", "genre", LLV, None, SENTENCE),
    ("what kind of film is the wicker man 1973", "genre", WM73, None, SENTENCE),
    ("is con air a comedy", "genre", CON_AIR, None, SENTENCE),
    ("is face off a thriller", "genre", FACE_OFF, None, SENTENCE),
    ("wat type of movie is mandy", "genre", MANDY, None, SENTENCE),
    ("what genre is primal", "genre", "Primal (2019)", None, SENTENCE),
    # -- the Blu-ray release -----------------------------------------------------------------
    ("when was leaving las vegas released on blu-ray", "bluray", LLV, None, SENTENCE),
    ("which label released leaving las vegas", "bluray", LLV, None, SENTENCE),
    ("who released con air on bluray", "bluray", CON_AIR, None, SENTENCE),
    ("when did face off come out on blu ray", "bluray", FACE_OFF, None, SENTENCE),
    ("what label put out the wicker man 1973", "bluray", WM73, None, SENTENCE),
    ("who distributes the llv bluray", "bluray", LLV, None, SENTENCE),
    # -- the film's year ---------------------------------------------------------------------
    ("when did leaving las vegas come out", "year", LLV, None, SENTENCE),
    ("what year is con air from", "year", CON_AIR, None, SENTENCE),
    ("when was face off released", "year", FACE_OFF, None, SENTENCE),
    ("what year did the rock come out", "year", ROCK, None, SENTENCE),
    ("when did pig come out", "year", PIG, None, SENTENCE),
    ("what year was next made", "year", NEXT, None, SENTENCE),
    ("when was the wicker man released", "year", ASK_BACK, None, CHOICES),
    ("when did looking glass come out", "year", "Looking Glass (2018)", None, SENTENCE),
    # -- a person's reviewed films -----------------------------------------------------------
    ("which nicolas cage films have you reviewed", "person_reviewed", None, CAGE, LIST),
    ("which cage films have u reviewed", "person_reviewed", None, CAGE, LIST),
    ("what john cusack movies did you review", "person_reviewed", None, "John Cusack", LIST),
    (
        "have you reviewed any films with john travolta",
        "person_reviewed",
        None,
        "John Travolta",
        LIST,
    ),
    ("have u reviewed anything with sean connery", "person_reviewed", None, "Sean Connery", LIST),
    ("which films have you reviewed", "person_reviewed", None, None, LIST),
    # -- cast --------------------------------------------------------------------------------
    ("who was in con air", "cast", CON_AIR, None, SENTENCE),
    ("who is in leaving las vegas", "cast", LLV, None, SENTENCE),
    ("whos in con air 1997", "cast", CON_AIR, None, SENTENCE),
    ("whos in the cast of face/off", "cast", FACE_OFF, None, SENTENCE),
    ("what actors r in con air", "cast", CON_AIR, None, SENTENCE),
    ("who stars in pig", "cast", PIG, None, SENTENCE),
    ("who's in next", "cast", NEXT, None, SENTENCE),
    ("who's in gone in 60 seconds", "cast", "Gone in 60 Seconds (2000)", None, SENTENCE),
    ("is john travolta in face off", "cast", FACE_OFF, "John Travolta", SENTENCE),
    ("is ed harris in the rock", "cast", ROCK, "Ed Harris", SENTENCE),
    ("is nic cage in the rock", "cast", ROCK, CAGE, SENTENCE),
    ("was john travolta in con air", "cast", CON_AIR, "John Travolta", SENTENCE),
    ("is steve buscemi in con air lol", "cast", CON_AIR, "Steve Buscemi", SENTENCE),
    ("was nicolas cage in the wicker man", "cast", ASK_BACK, CAGE, SENTENCE),
    ("who did steven weber play", "cast", None, "Steven Weber", SENTENCE),
    ("who did elisabeth shue play", "cast", None, "Elisabeth Shue", SENTENCE),
    ("what character does cage play in face off", "cast", FACE_OFF, CAGE, SENTENCE),
    ("who plays sera in llv", "cast", LLV, None, SENTENCE),
    ("who plays cameron poe in con air", "cast", CON_AIR, None, SENTENCE),
    ("who played castor troy", "cast", None, None, SENTENCE),
    ("who plays dracula in renfield", "cast", "Renfield (2023)", None, SENTENCE),
    (f"{AT} who plays the villain in con air", "cast", CON_AIR, None, SENTENCE),
    # -- the review's film rating ------------------------------------------------------------
    ("what score did you give con air", "rating", CON_AIR, None, SENTENCE),
    ("what did you rate leaving las vegas", "rating", LLV, None, SENTENCE),
    ("how many stars did face off get", "rating", FACE_OFF, None, SENTENCE),
    ("what did u give the rock out of 10", "rating", ROCK, None, SENTENCE),
    ("con air score?", "rating", CON_AIR, None, SENTENCE),
    ("what rating did u give pig", "rating", PIG, None, SENTENCE),
    ("what did face off score", "rating", FACE_OFF, None, SENTENCE),
    ("whats the rating for the wicker man 1973", ("rating", "certificate"), WM73, None, SENTENCE),
    # -- what the reviewer thought -----------------------------------------------------------
    ("what did you think of leaving las vegas", "opinion", LLV, None, SENTENCE),
    ("wat did u think of levaing las vegas", "opinion", LLV, None, SENTENCE),
    ("is pig any good", "opinion", PIG, None, SENTENCE),
    ("is pig any good 🐷", "opinion", PIG, None, SENTENCE),
    ("is next any good", "opinion", NEXT, None, SENTENCE),
    ("is con air any good", "opinion", CON_AIR, None, SENTENCE),
    ("is joe any good", "opinion", JOE, None, SENTENCE),
    ("ur thoughts on the rock?", "opinion", ROCK, None, SENTENCE),
    ("did u like face off", "opinion", FACE_OFF, None, SENTENCE),
    ("whats the verdict on llv", "opinion", LLV, None, SENTENCE),
    ("how was rage", "opinion", RAGE, None, SENTENCE),
    ("is the wicker man good", "opinion", ASK_BACK, None, CHOICES),
    (f"{AT} is mandy good", "opinion", MANDY, None, SENTENCE),
    # -- what a section of the review says ---------------------------------------------------
    ("how is the acting in leaving las vegas", "review_says", LLV, None, SENTENCE),
    ("what did you think of the film itself", "review_says", None, None, NOTICE),
    ("how's the direction in llv", "review_says", LLV, None, SENTENCE),
    ("hows the music in llv", "review_says", LLV, None, SENTENCE),
    (
        "what does the review say about the music in leaving las vegas",
        "review_says",
        LLV,
        None,
        SENTENCE,
    ),
    ("what did the review say about the story of llv", "review_says", LLV, None, SENTENCE),
    ("how was the film itself in leaving las vegas", "review_says", LLV, None, SENTENCE),
    ("how good is the acting in con air", "review_says", CON_AIR, None, SENTENCE),
    # -- a yes/no question answered from the review's text -----------------------------------
    (
        "does the music drown out the dialogue in leaving las vegas",
        "review_yes_no",
        LLV,
        None,
        SENTENCE,
    ),
    ("are there marks on the picture of llv", "review_yes_no", LLV, None, SENTENCE),
    ("is the dialogue hard to hear on llv", "review_yes_no", LLV, None, SENTENCE),
    ("does llv have a happy ending", "review_yes_no", LLV, None, SENTENCE),
    ("is leaving las vegas a sad film", ("review_yes_no", "opinion"), LLV, None, SENTENCE),
    (
        "does face off look better than the old disc",
        ("review_yes_no", "aspect"),
        FACE_OFF,
        None,
        SENTENCE,
    ),
    ("is the con air audio loud", ("review_yes_no", "aspect"), CON_AIR, None, SENTENCE),
    # -- the review's headline ---------------------------------------------------------------
    ("what's the headline of the review of llv", "headline", LLV, None, SENTENCE),
    ("whats the title of ur con air review", "headline", CON_AIR, None, SENTENCE),
    ("headline for the face off review?", "headline", FACE_OFF, None, SENTENCE),
    ("what was the headline on the wicker man 2006 review", "headline", WM06, None, SENTENCE),
    ("lol ok so whats the headline of the con air review", "headline", CON_AIR, None, SENTENCE),
    # -- a person's newest and oldest film ---------------------------------------------------
    ("whats the newest cage film", "person_newest", None, CAGE, SUMMARY),
    ("what is nicolas cage's latest movie", "person_newest", None, CAGE, SUMMARY),
    ("whats the most recent nic cage film", "person_newest", None, CAGE, SUMMARY),
    ("cage's latest film?", "person_newest", None, CAGE, SUMMARY),
    ("newest john cusack movie?", "person_newest", None, "John Cusack", SUMMARY),
    ("what was cage's first film", "person_oldest", None, CAGE, SUMMARY),
    ("whats the oldest nicolas cage movie", "person_oldest", None, CAGE, SUMMARY),
    ("what was nic cages first ever role", "person_oldest", None, CAGE, SUMMARY),
    ("earliest sean connery film?", "person_oldest", None, "Sean Connery", SUMMARY),
    # -- a person's films --------------------------------------------------------------------
    ("what films is elisabeth shue in", "person_films", None, "Elisabeth Shue", LIST),
    ("what movies has john cusack been in", "person_films", None, "John Cusack", LIST),
    ("nicolas cage filmography", "person_films", None, CAGE, LIST),
    ("wat else has steve buscemi been in", "person_films", None, "Steve Buscemi", LIST),
    ("list all the cage films", "person_films", None, CAGE, LIST),
    ("what films has john travolta done", "person_films", None, "John Travolta", LIST),
    # -- only a film named: its card ---------------------------------------------------------
    ("con air?", "film", CON_AIR, None, CARD),
    ("leaving las vegas", "film", LLV, None, CARD),
    ("llv", "film", LLV, None, CARD),
    ("face off", "film", FACE_OFF, None, CARD),
    ("con air 97", "film", CON_AIR, None, CARD),
    ("wicker man 2006", "film", WM06, None, CARD),
    ("leavinglasvegas", "film", LLV, None, CARD),
    ("the wicker man", "film", ASK_BACK, None, CHOICES),
    (f"{AT} the rock", "film", ROCK, None, CARD),
    ("pig 🐷", "film", PIG, None, CARD),
    ("mandy!!", "film", MANDY, None, CARD),
    ("rage 2014", "film", RAGE, None, CARD),
    ("tell me about con air", "film", CON_AIR, None, CARD),
    # -- only a person named -----------------------------------------------------------------
    ("elisabeth shue", "person", None, "Elisabeth Shue", LIST),
    ("nic cage", "person", None, CAGE, LIST),
    ("john travolta?", "person", None, "John Travolta", LIST),
    (f"{AT} steve buscemi", "person", None, "Steve Buscemi", LIST),
    ("tell me about john woo", "person", None, "John Woo", LIST),
    ("mike figgis", "person", None, "Mike Figgis", LIST),
    # -- messages that ask nothing the bot knows: no film, nobody ----------------------------
    ("good morning", "unknown", None, None, NOTICE),
    ("lol", "unknown", None, None, NOTICE),
    ("thanks popcorn", "unknown", None, None, NOTICE),
    ("hello", "unknown", None, None, NOTICE),
    (f"hey {AT} how r u", "unknown", None, None, NOTICE),
    ("what's the best pizza", "unknown", None, None, NOTICE),
    ("what is the meaning of life", "unknown", None, None, NOTICE),
    ("tell me a joke", "unknown", None, None, NOTICE),
    ("what time is it", "unknown", None, None, NOTICE),
    ("🍿🍿🍿", "unknown", None, None, NOTICE),
    ("?", "unknown", None, None, NOTICE),
    ("who won the football last night", "unknown", None, None, NOTICE),
    ("my next door neighbour is so loud", "unknown", None, None, NOTICE),
    ("that was a total rage quit lol", "unknown", None, None, NOTICE),
    ("i need to pick up some milk later", "unknown", None, None, NOTICE),
    ("brb", "unknown", None, None, NOTICE),
]

# Everyday words that are also titles, in sentences that name another film (or none): the
# title counts only where it is typed as one (whole, with its article, or quoted).
QUESTIONS += [
    ("whats the rage about the llv audio", "aspect", LLV, None, SENTENCE),
    ("i don't trust the ratings on this site", ("rating", "unknown"), None, None, NOTICE),
    ("trust me llv is great, whats the runtime", "runtime", LLV, None, SENTENCE),
    ("knowing how good llv is, is the blu ray worth it", "worth", LLV, None, SENTENCE),
    ("pig out night, is llv good", "opinion", LLV, None, SENTENCE),
    ("i was mandy's date and we watched llv, whats the cert", "certificate", LLV, None, SENTENCE),
    ("211 people in this server want to know the llv runtime", "runtime", LLV, None, SENTENCE),
    ("kill chain of questions: llv director", "director", LLV, None, SENTENCE),
    (
        "im a family man so what's a good cage film for kids",
        ("best", "unknown", "certificate"),
        None,
        None,
        NOTICE,
    ),
    (
        "ok so i just watched con air last night, who directed it",
        "director",
        CON_AIR,
        None,
        SENTENCE,
    ),
    ("how long is the trust", "runtime", "The Trust (2016)", None, SENTENCE),
    ("is 211 any good", "opinion", "211 (2018)", None, SENTENCE),
]

# Tried as members would after the first round of fixes: yes/no questions that are not about
# the cast, the review itself, streaming, the next review, and small talk.
QUESTIONS += [
    ("does cage die in llv", ("cast", "review_yes_no"), LLV, None, SENTENCE),
    ("is there swearing in llv", "review_yes_no", LLV, None, SENTENCE),
    ("is there a casino scene in leaving las vegas", "review_yes_no", LLV, None, SENTENCE),
    ("is the rock next", "progress", None, None, SUMMARY),
    ("are you doing the wicker man next", "progress", None, None, SUMMARY),
    ("did arsenal win", "unknown", None, None, NOTICE),
    ("is cage married", "unknown", None, None, NOTICE),
    ("list all reviews", "person_reviewed", None, None, LIST),
    ("what studio made llv", "bluray", LLV, None, SENTENCE),
    ("is llv rated r", "certificate", LLV, None, SENTENCE),
    ("whats a good age to watch llv", "certificate", LLV, None, SENTENCE),
    ("when was the llv review published", "review_date", LLV, None, SENTENCE),
    ("when did you review con air", "review_date", CON_AIR, None, SENTENCE),
    ("where can i read the full llv review", "read", LLV, None, LIST),
    ("link to the face off review pls", "read", FACE_OFF, None, LIST),
    ("is llv on prime video", "where_buy", LLV, None, SENTENCE),
    ("what cage films came out in 2019", "person_films", None, CAGE, LIST),
    ("which films are left", "progress", None, None, SUMMARY),
    ("is there a directors cut of con air", "edition", CON_AIR, None, SENTENCE),
    ("how was elisabeth shue in leaving las vegas", "review_says", LLV, "Elisabeth Shue", SENTENCE),
    ("what is the best part of llv", "pros_cons", LLV, None, SENTENCE),
]
