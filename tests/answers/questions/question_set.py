"""Member messages as they are really typed on Discord, and what each one asks (plain data,
read by test_intents.py and test_answers.py).

Each row: (message, intent, film, person).
- intent: an intent's value; a tuple of values only for a genuinely borderline phrasing.
- film: "Title (Year)" as in the catalogue or the records; None when the message names no film;
  ASK_BACK ("?") when the member must be asked which film (two films share the title, or the
  year matches none of them).
- person: the person's name as in the data, or None when the message names nobody that matters
  to the answer. A character ("sera", "castor troy") is not a person.

The films and people come from data/catalog/nicolas-cage-filmography.csv, data/reviews and
tests/answers/data. Mentions of the bot ("<@123456789>") appear where members put them.
"""

from __future__ import annotations

ASK_BACK = "?"

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

Row = tuple[str, str | tuple[str, ...], str | None, str | None]

QUESTIONS: list[Row] = [
    # -- help --------------------------------------------------------------------------------
    ("help", "help", None, None),
    (f"{AT} what can u do", "help", None, None),
    ("wat can i ask u", "help", None, None),
    ("how do i use this bot", "help", None, None),
    ("popcorn commands?", "help", None, None),
    ("what kind of questions can you answer lol", "help", None, None),
    ("how do your ratings work", "help", None, None),
    # -- count -------------------------------------------------------------------------------
    ("how many films have u reviewed", "count", None, None),
    ("how many reviews r there", "count", None, None),
    ("how many blu-rays have you done so far", "count", None, None),
    ("how many reviews have u written in total", "count", None, None),
    ("how many cage films have you reviewed", "count", None, CAGE),
    (f"{AT} how many nic cage movies have u covered", "count", None, CAGE),
    ("how many john cusack films have you reviewed", "count", None, "John Cusack"),
    # -- stats -------------------------------------------------------------------------------
    ("stats", "stats", None, None),
    ("show me the stats", "stats", None, None),
    ("popcorn stats pls", "stats", None, None),
    ("any statistics on the reviews?", "stats", None, None),
    (f"{AT} site stats", "stats", None, None),
    # -- latest ------------------------------------------------------------------------------
    ("whats the latest review", "latest", None, None),
    ("what's your latest review", "latest", None, None),
    ("any new reviews", "latest", None, None),
    ("most recent review?", "latest", None, None),
    ("newest review pls", "latest", None, None),
    ("latest reviews 🍿", "latest", None, None),
    (f"{AT} wat did u review last", "latest", None, None),
    ("show me the newest reviews", "latest", None, None),
    # -- random ------------------------------------------------------------------------------
    ("pick a random film", "random", None, None),
    ("surprise me", "random", None, None),
    ("recommend me something to watch", "random", None, None),
    ("any recommendations for tonight", "random", None, None),
    ("gimme a random movie to watch lol", "random", None, None),
    ("suggest a film for movie night", "random", None, None),
    # -- progress ----------------------------------------------------------------------------
    ("how far are you through cage's films?", "progress", None, None),
    ("when is the next review coming", "progress", None, None),
    ("when's the next review", "progress", None, None),
    ("whats next to be reviewed", "progress", None, None),
    ("what film are you reviewing next", "progress", None, None),
    ("when will u review the next one", "progress", None, None),
    (f"{AT} how far along r u with the cage project", "progress", None, None),
    ("how many cage films are left to review", "progress", None, None),
    ("what percentage of nic cage films have u done", "progress", None, None),
    ("next review when?", "progress", None, None),
    # -- discs -------------------------------------------------------------------------------
    ("how many discs are in the face off blu-ray", "discs", FACE_OFF, None),
    ("how many discs is llv on", "discs", LLV, None),
    ("is con air 1 disc or 2", "discs", CON_AIR, None),
    ("how many disks does the wicker man 1973 come with", "discs", WM73, None),
    ("number of discs for the rock?", "discs", ROCK, None),
    # -- pros and cons -----------------------------------------------------------------------
    ("pros and cons of con air", "pros_cons", CON_AIR, None),
    ("what are the pros n cons for leaving las vegas", "pros_cons", LLV, None),
    ("any downsides to the face off bluray", "pros_cons", FACE_OFF, None),
    ("whats good and bad about the rock blu ray", "pros_cons", ROCK, None),
    ("llv pros cons", "pros_cons", LLV, None),
    # -- where to buy ------------------------------------------------------------------------
    ("where can i buy leaving las vegas", "where_buy", LLV, None),
    ("where can i get con air on bluray", "where_buy", CON_AIR, None),
    ("buy link for llv?", "where_buy", LLV, None),
    ("where do i buy the face off blu ray", "where_buy", FACE_OFF, None),
    ("how much is the rock on blu-ray", "where_buy", ROCK, None),
    (f"{AT} link to buy con air pls", "where_buy", CON_AIR, None),
    # -- worth buying ------------------------------------------------------------------------
    ("is the leaving las vegas blu-ray worth buying", "worth", LLV, None),
    ("should i buy con air", "worth", CON_AIR, None),
    ('is "next" worth buying', "worth", NEXT, None),
    ("is next worth getting on bluray", "worth", NEXT, None),
    ("worth upgrading face off?", "worth", FACE_OFF, None),
    ("would u recommend the wicker man 2006", "worth", WM06, None),
    ("is pig worth a blind buy", "worth", PIG, None),
    ("should i double dip on the rock", "worth", ROCK, None),
    ("is the wicker man worth buying", "worth", ASK_BACK, None),
    ("is stolen worth buying", "worth", "Stolen (2012)", None),
    (
        "i have the dvd of leaving las vegas is the blu ray worth upgrading to",
        "worth",
        LLV,
        None,
    ),
    # -- cinematographer ---------------------------------------------------------------------
    ("who shot leaving las vegas", "cinematographer", LLV, None),
    ("whos the dp on face off", "cinematographer", FACE_OFF, None),
    ("who was the cinematographer for the rock", "cinematographer", ROCK, None),
    ("cinematographer of con air?", "cinematographer", CON_AIR, None),
    ("who did the camera work on the wicker man 73", "cinematographer", WM73, None),
    # -- composer ----------------------------------------------------------------------------
    ("who did the music for llv", "composer", LLV, None),
    ("who composed the score for con air", "composer", CON_AIR, None),
    ("the rock composer?", "composer", ROCK, None),
    ("whos the composer on face off", "composer", FACE_OFF, None),
    ("who wrote the soundtrack of the wicker man 2006", "composer", WM06, None),
    ("who did the score for a score to settle", "composer", "A Score to Settle (2019)", None),
    ("did hans zimmer do the music for the rock", "composer", ROCK, "Hans Zimmer"),
    ("hey popcorn quick one who wrote the music for the rock thx", "composer", ROCK, None),
    # -- the review's author -----------------------------------------------------------------
    ("who wrote the review of con air", "author", CON_AIR, None),
    ("who reviewed leaving las vegas", "author", LLV, None),
    ("whos the reviewer for face off", "author", FACE_OFF, None),
    ("who wrote ur con air review", "author", CON_AIR, None),
    ("who did the llv review", "author", LLV, None),
    # -- writer ------------------------------------------------------------------------------
    ("who wrote con air", "writer", CON_AIR, None),
    ("who wrote the screenplay for face off", "writer", FACE_OFF, None),
    ("whos the writer of the wicker man 1973", "writer", WM73, None),
    ("who wrote the script for leaving las vegas", "writer", LLV, None),
    ("con air screenwriter", "writer", CON_AIR, None),
    # -- director ----------------------------------------------------------------------------
    ("who directed con air", "director", CON_AIR, None),
    (f"hey {AT} who directed con air", "director", CON_AIR, None),
    (f"{AT} who directed face/off", "director", FACE_OFF, None),
    ("who directed next", "director", NEXT, None),
    ("who directed pig", "director", PIG, None),
    ("who directed rage", "director", RAGE, None),
    ("who directed knowing", "director", "Knowing (2009)", None),
    ("who directed the trust", "director", "The Trust (2016)", None),
    ("who directed 8mm", "director", "8MM (1999)", None),
    ("who directed adaptation", "director", "Adaptation. (2002)", None),
    ("who directed the wicker man", "director", ASK_BACK, None),
    ("who directed wicker man 2006", "director", WM06, None),
    ("leaving las vegas 1990 director", "director", ASK_BACK, None),
    ("whos the director of llv", "director", LLV, None),
    ("who directd leavinglasvegas", "director", LLV, None),
    ("who directed con air 97", "director", CON_AIR, None),
    ("director of the rock??", "director", ROCK, None),
    ("who was the director of the rock 1996", "director", ROCK, None),
    ("did john woo direct face off", "director", FACE_OFF, "John Woo"),
    ("was con air directed by michael bay", "director", CON_AIR, "Michael Bay"),
    ("did michael bay direct the rock", "director", ROCK, "Michael Bay"),
    (
        "ok so i just watched con air last night and i was wondering who actually directed it",
        "director",
        CON_AIR,
        None,
    ),
    # -- films a person directed -------------------------------------------------------------
    ("which films did mike figgis direct", "person_directed", None, "Mike Figgis"),
    ("what has john woo directed", "person_directed", None, "John Woo"),
    ("films directed by simon west", "person_directed", None, "Simon West"),
    ("wat movies has michael bay directed", "person_directed", None, "Michael Bay"),
    (
        "has francis ford coppola directed any other films",
        "person_directed",
        None,
        "Francis Ford Coppola",
    ),
    # -- best and worst ----------------------------------------------------------------------
    ("which film has the best audio", "best", None, None),
    ("which blu-ray has the best picture", "best", None, None),
    ("which disc has the best picture", "best", None, None),
    ("which bluray has the worst audio", "best", None, None),
    ("which review has the worst picture", "best", None, None),
    ("what's the highest rated film", "best", None, None),
    ("best extras?", "best", None, None),
    ("whats the best audio youve reviewed", "best", None, None),
    ("whats the best cage film", "best", None, CAGE),
    ("what is the worst cage film", "best", None, CAGE),
    ("top rated nic cage movie", "best", None, CAGE),
    ("whats john cusacks best film", "best", None, "John Cusack"),
    # -- what extras -------------------------------------------------------------------------
    ("what extras are on leaving las vegas", "extras", LLV, None),
    ("wat extras r on the llv bluray", "extras", LLV, None),
    ("what special features does con air have", "extras", CON_AIR, None),
    ("any extras on the rock?", "extras", ROCK, None),
    ("list the bonus features on face off", "extras", FACE_OFF, None),
    ("what extras come with the wicker man 1973", "extras", WM73, None),
    # -- is there a particular extra ---------------------------------------------------------
    ("is there a making of on leaving las vegas", "has_extra", LLV, None),
    ("is there a commentary on face off", "has_extra", FACE_OFF, None),
    ("does the rock have a commentary track", "has_extra", ROCK, None),
    ("are there interviews on the llv blu-ray", "has_extra", LLV, None),
    ("any deleted scenes on face off?", "has_extra", FACE_OFF, None),
    ("does con air have a behind the scenes featurette", "has_extra", CON_AIR, None),
    # -- picture, audio and extras ratings ---------------------------------------------------
    ("how is the picture on leaving las vegas", "aspect", LLV, None),
    ("hows the audio on llv", "aspect", LLV, None),
    ("how good is the picture quality on con air", "aspect", CON_AIR, None),
    ("is the sound good on face off", "aspect", FACE_OFF, None),
    ("how are the extras on con air", "aspect", CON_AIR, None),
    ("how does leaving las vegas look on blu-ray", "aspect", LLV, None),
    ("how does the picture look on face off", "aspect", FACE_OFF, None),
    ("how is the pictrue on con air", "aspect", CON_AIR, None),
    ("pq on the rock?", "aspect", ROCK, None),
    ("audio rating for wicker man 2006", "aspect", WM06, None),
    # -- runtime -----------------------------------------------------------------------------
    ("how long is leaving las vegas", "runtime", LLV, None),
    ("how long is rage 2014", "runtime", RAGE, None),
    ("whats the runtime of con air", "runtime", CON_AIR, None),
    ("how many mins is face off", "runtime", FACE_OFF, None),
    ("llv run time?", "runtime", LLV, None),
    ("con air runtime ⏱️", "runtime", CON_AIR, None),
    ("how long is the wicker man", "runtime", ASK_BACK, None),
    ("how long is a score to settle", "runtime", "A Score to Settle (2019)", None),
    ("is the rock over 2 hours", "runtime", ROCK, None),
    # -- certificate -------------------------------------------------------------------------
    ("what age rating is llv", "certificate", LLV, None),
    ("what age rating is rage", "certificate", RAGE, None),
    ("whats the uk rating on leaving las vegas", "certificate", LLV, None),
    ("what certificate is con air", "certificate", CON_AIR, None),
    ("is con air suitable for kids", "certificate", CON_AIR, None),
    ("what is leaving las vegas rated", "certificate", LLV, None),
    ("bbfc rating for face off?", "certificate", FACE_OFF, None),
    ("can my 12 year old watch the rock", "certificate", ROCK, None),
    ("what rating is the wicker man 2006 in the uk", "certificate", WM06, None),
    ("is joe a 15 or an 18", "certificate", JOE, None),
    ("what's the age rating on pig", "certificate", PIG, None),
    (
        "my mate says face off is a 15 but i think its an 18 whats the actual certificate",
        "certificate",
        FACE_OFF,
        None,
    ),
    # -- region ------------------------------------------------------------------------------
    ("what region is the llv blu-ray", "region", LLV, None),
    ("is con air region free", "region", CON_AIR, None),
    ("what region is face off", "region", FACE_OFF, None),
    ("will the rock bluray play on a us player", "region", ROCK, None),
    ("is the wicker man 1973 disc region b", "region", WM73, None),
    ("what region are the discs", "region", None, None),
    # -- editions ----------------------------------------------------------------------------
    ("is there a 4k of leaving las vegas", "edition", LLV, None),
    ("is face off out on 4k", "edition", FACE_OFF, None),
    ("is there a steelbook of con air", "edition", CON_AIR, None),
    ("any special edition of the rock?", "edition", ROCK, None),
    ("is there a uhd of pig", "edition", PIG, None),
    ("which edition of the wicker man 1973 did u review", "edition", WM73, None),
    ("is there a 4k of the wicker man", "edition", ASK_BACK, None),
    ("is there a 4k version", "edition", None, None),
    # -- plot --------------------------------------------------------------------------------
    ("whats leaving las vegas about", "plot", LLV, None),
    ("what is con air about", "plot", CON_AIR, None),
    ("plot of face off?", "plot", FACE_OFF, None),
    ("wat happens in the rock", "plot", ROCK, None),
    ("give me a synopsis of llv", "plot", LLV, None),
    ("whats the story of joe", "plot", JOE, None),
    ("what's next about", "plot", NEXT, None),
    ("what's national treasure about", "plot", "National Treasure (2004)", None),
    # -- genre -------------------------------------------------------------------------------
    ("what genre is leaving las vegas", "genre", LLV, None),
    ("what kind of film is the wicker man 1973", "genre", WM73, None),
    ("is con air a comedy", "genre", CON_AIR, None),
    ("is face off a thriller", "genre", FACE_OFF, None),
    ("wat type of movie is mandy", "genre", MANDY, None),
    ("what genre is primal", "genre", "Primal (2019)", None),
    # -- the Blu-ray release -----------------------------------------------------------------
    ("when was leaving las vegas released on blu-ray", "bluray", LLV, None),
    ("which label released leaving las vegas", "bluray", LLV, None),
    ("who released con air on bluray", "bluray", CON_AIR, None),
    ("when did face off come out on blu ray", "bluray", FACE_OFF, None),
    ("what label put out the wicker man 1973", "bluray", WM73, None),
    ("who distributes the llv bluray", "bluray", LLV, None),
    # -- the film's year ---------------------------------------------------------------------
    ("when did leaving las vegas come out", "year", LLV, None),
    ("what year is con air from", "year", CON_AIR, None),
    ("when was face off released", "year", FACE_OFF, None),
    ("what year did the rock come out", "year", ROCK, None),
    ("when did pig come out", "year", PIG, None),
    ("what year was next made", "year", NEXT, None),
    ("when was the wicker man released", "year", ASK_BACK, None),
    ("when did looking glass come out", "year", "Looking Glass (2018)", None),
    # -- a person's reviewed films -----------------------------------------------------------
    ("which nicolas cage films have you reviewed", "person_reviewed", None, CAGE),
    ("which cage films have u reviewed", "person_reviewed", None, CAGE),
    ("what john cusack movies did you review", "person_reviewed", None, "John Cusack"),
    ("have you reviewed any films with john travolta", "person_reviewed", None, "John Travolta"),
    ("have u reviewed anything with sean connery", "person_reviewed", None, "Sean Connery"),
    ("which films have you reviewed", "person_reviewed", None, None),
    # -- cast --------------------------------------------------------------------------------
    ("who was in con air", "cast", CON_AIR, None),
    ("who is in leaving las vegas", "cast", LLV, None),
    ("whos in con air 1997", "cast", CON_AIR, None),
    ("whos in the cast of face/off", "cast", FACE_OFF, None),
    ("what actors r in con air", "cast", CON_AIR, None),
    ("who stars in pig", "cast", PIG, None),
    ("who's in next", "cast", NEXT, None),
    ("who's in gone in 60 seconds", "cast", "Gone in 60 Seconds (2000)", None),
    ("is john travolta in face off", "cast", FACE_OFF, "John Travolta"),
    ("is ed harris in the rock", "cast", ROCK, "Ed Harris"),
    ("is nic cage in the rock", "cast", ROCK, CAGE),
    ("was john travolta in con air", "cast", CON_AIR, "John Travolta"),
    ("is steve buscemi in con air lol", "cast", CON_AIR, "Steve Buscemi"),
    ("was nicolas cage in the wicker man", "cast", ASK_BACK, CAGE),
    ("who did steven weber play", "cast", None, "Steven Weber"),
    ("who did elisabeth shue play", "cast", None, "Elisabeth Shue"),
    ("what character does cage play in face off", "cast", FACE_OFF, CAGE),
    ("who plays sera in llv", "cast", LLV, None),
    ("who plays cameron poe in con air", "cast", CON_AIR, None),
    ("who played castor troy", "cast", None, None),
    ("who plays dracula in renfield", "cast", "Renfield (2023)", None),
    (f"{AT} who plays the villain in con air", "cast", CON_AIR, None),
    # -- the review's film rating ------------------------------------------------------------
    ("what score did you give con air", "rating", CON_AIR, None),
    ("what did you rate leaving las vegas", "rating", LLV, None),
    ("how many stars did face off get", "rating", FACE_OFF, None),
    ("what did u give the rock out of 10", "rating", ROCK, None),
    ("con air score?", "rating", CON_AIR, None),
    ("what rating did u give pig", "rating", PIG, None),
    ("what did face off score", "rating", FACE_OFF, None),
    ("whats the rating for the wicker man 1973", ("rating", "certificate"), WM73, None),
    # -- what the reviewer thought -----------------------------------------------------------
    ("what did you think of leaving las vegas", "opinion", LLV, None),
    ("wat did u think of levaing las vegas", "opinion", LLV, None),
    ("is pig any good", "opinion", PIG, None),
    ("is pig any good 🐷", "opinion", PIG, None),
    ("is next any good", "opinion", NEXT, None),
    ("is con air any good", "opinion", CON_AIR, None),
    ("is joe any good", "opinion", JOE, None),
    ("ur thoughts on the rock?", "opinion", ROCK, None),
    ("did u like face off", "opinion", FACE_OFF, None),
    ("whats the verdict on llv", "opinion", LLV, None),
    ("how was rage", "opinion", RAGE, None),
    ("is the wicker man good", "opinion", ASK_BACK, None),
    (f"{AT} is mandy good", "opinion", MANDY, None),
    # -- what a section of the review says ---------------------------------------------------
    ("how is the acting in leaving las vegas", "review_says", LLV, None),
    ("what did you think of the film itself", "review_says", None, None),
    ("how's the direction in llv", "review_says", LLV, None),
    ("hows the music in llv", "review_says", LLV, None),
    ("what does the review say about the music in leaving las vegas", "review_says", LLV, None),
    ("what did the review say about the story of llv", "review_says", LLV, None),
    ("how was the film itself in leaving las vegas", "review_says", LLV, None),
    ("how good is the acting in con air", "review_says", CON_AIR, None),
    # -- a yes/no question answered from the review's text -----------------------------------
    ("does the music drown out the dialogue in leaving las vegas", "review_yes_no", LLV, None),
    ("are there marks on the picture of llv", "review_yes_no", LLV, None),
    ("is the dialogue hard to hear on llv", "review_yes_no", LLV, None),
    ("does llv have a happy ending", "review_yes_no", LLV, None),
    ("is leaving las vegas a sad film", ("review_yes_no", "opinion"), LLV, None),
    (
        "does face off look better than the old disc",
        ("review_yes_no", "aspect"),
        FACE_OFF,
        None,
    ),
    ("is the con air audio loud", ("review_yes_no", "aspect"), CON_AIR, None),
    # -- the review's headline ---------------------------------------------------------------
    ("what's the headline of the review of llv", "headline", LLV, None),
    ("whats the title of ur con air review", "headline", CON_AIR, None),
    ("headline for the face off review?", "headline", FACE_OFF, None),
    ("what was the headline on the wicker man 2006 review", "headline", WM06, None),
    ("lol ok so whats the headline of the con air review", "headline", CON_AIR, None),
    # -- a person's newest and oldest film ---------------------------------------------------
    ("whats the newest cage film", "person_newest", None, CAGE),
    ("what is nicolas cage's latest movie", "person_newest", None, CAGE),
    ("whats the most recent nic cage film", "person_newest", None, CAGE),
    ("cage's latest film?", "person_newest", None, CAGE),
    ("newest john cusack movie?", "person_newest", None, "John Cusack"),
    ("what was cage's first film", "person_oldest", None, CAGE),
    ("whats the oldest nicolas cage movie", "person_oldest", None, CAGE),
    ("what was nic cages first ever role", "person_oldest", None, CAGE),
    ("earliest sean connery film?", "person_oldest", None, "Sean Connery"),
    # -- a person's films --------------------------------------------------------------------
    ("what films is elisabeth shue in", "person_films", None, "Elisabeth Shue"),
    ("what movies has john cusack been in", "person_films", None, "John Cusack"),
    ("nicolas cage filmography", "person_films", None, CAGE),
    ("wat else has steve buscemi been in", "person_films", None, "Steve Buscemi"),
    ("list all the cage films", "person_films", None, CAGE),
    ("what films has john travolta done", "person_films", None, "John Travolta"),
    # -- only a film named: its card ---------------------------------------------------------
    ("con air?", "film", CON_AIR, None),
    ("leaving las vegas", "film", LLV, None),
    ("llv", "film", LLV, None),
    ("face off", "film", FACE_OFF, None),
    ("con air 97", "film", CON_AIR, None),
    ("wicker man 2006", "film", WM06, None),
    ("leavinglasvegas", "film", LLV, None),
    ("the wicker man", "film", ASK_BACK, None),
    (f"{AT} the rock", "film", ROCK, None),
    ("pig 🐷", "film", PIG, None),
    ("mandy!!", "film", MANDY, None),
    ("rage 2014", "film", RAGE, None),
    ("tell me about con air", "film", CON_AIR, None),
    # -- only a person named -----------------------------------------------------------------
    ("elisabeth shue", "person", None, "Elisabeth Shue"),
    ("nic cage", "person", None, CAGE),
    ("john travolta?", "person", None, "John Travolta"),
    (f"{AT} steve buscemi", "person", None, "Steve Buscemi"),
    ("tell me about john woo", "person", None, "John Woo"),
    ("mike figgis", "person", None, "Mike Figgis"),
    # -- messages that ask nothing the bot knows: no film, nobody ----------------------------
    ("good morning", "unknown", None, None),
    ("lol", "unknown", None, None),
    ("thanks popcorn", "unknown", None, None),
    ("hello", "unknown", None, None),
    (f"hey {AT} how r u", "unknown", None, None),
    ("what's the best pizza", "unknown", None, None),
    ("what is the meaning of life", "unknown", None, None),
    ("tell me a joke", "unknown", None, None),
    ("what time is it", "unknown", None, None),
    ("🍿🍿🍿", "unknown", None, None),
    ("?", "unknown", None, None),
    ("who won the football last night", "unknown", None, None),
    ("my next door neighbour is so loud", "unknown", None, None),
    ("that was a total rage quit lol", "unknown", None, None),
    ("i need to pick up some milk later", "unknown", None, None),
    ("brb", "unknown", None, None),
]

# Everyday words that are also titles, in sentences that name another film (or none): the
# title counts only where it is typed as one (whole, with its article, or quoted).
QUESTIONS += [
    ("whats the rage about the llv audio", "aspect", "Leaving Las Vegas (1995)", None),
    ("i don't trust the ratings on this site", ("rating", "unknown"), None, None),
    ("trust me llv is great, whats the runtime", "runtime", "Leaving Las Vegas (1995)", None),
    ("knowing how good llv is, is the blu ray worth it", "worth", "Leaving Las Vegas (1995)", None),
    ("pig out night, is llv good", "opinion", "Leaving Las Vegas (1995)", None),
    ("i was mandy's date and we watched llv, whats the cert", "certificate",
     "Leaving Las Vegas (1995)", None),
    ("211 people in this server want to know the llv runtime", "runtime",
     "Leaving Las Vegas (1995)", None),
    ("kill chain of questions: llv director", "director", "Leaving Las Vegas (1995)", None),
    ("im a family man so what's a good cage film for kids", ("best", "unknown", "certificate"),
     None, None),
    ("ok so i just watched con air last night, who directed it", "director", "Con Air (1997)",
     None),
    ("how long is the trust", "runtime", "The Trust (2016)", None),
    ("is 211 any good", "opinion", "211 (2018)", None),
]  # fmt: skip

# Tried as members would after the first round of fixes: yes/no questions that are not about
# the cast, the review itself, streaming, the next review, and small talk.
QUESTIONS += [
    ("does cage die in llv", ("cast", "review_yes_no"), "Leaving Las Vegas (1995)", None),
    ("is there swearing in llv", "review_yes_no", "Leaving Las Vegas (1995)", None),
    ("is there a casino scene in leaving las vegas", "review_yes_no",
     "Leaving Las Vegas (1995)", None),
    ("is the rock next", "progress", None, None),
    ("are you doing the wicker man next", "progress", None, None),
    ("did arsenal win", "unknown", None, None),
    ("is cage married", "unknown", None, None),
    ("list all reviews", "person_reviewed", None, None),
    ("what studio made llv", "bluray", "Leaving Las Vegas (1995)", None),
    ("is llv rated r", "certificate", "Leaving Las Vegas (1995)", None),
    ("whats a good age to watch llv", "certificate", "Leaving Las Vegas (1995)", None),
    ("when was the llv review published", "review_date", "Leaving Las Vegas (1995)", None),
    ("when did you review con air", "review_date", "Con Air (1997)", None),
    ("where can i read the full llv review", "read", "Leaving Las Vegas (1995)", None),
    ("link to the face off review pls", "read", "Face/Off (1997)", None),
    ("is llv on prime video", "where_buy", "Leaving Las Vegas (1995)", None),
    ("what cage films came out in 2019", "person_films", None, "Nicolas Cage"),
    ("which films are left", "progress", None, None),
    ("is there a directors cut of con air", "edition", "Con Air (1997)", None),
    ("how was elisabeth shue in leaving las vegas", "review_says", "Leaving Las Vegas (1995)",
     "Elisabeth Shue"),
    ("what is the best part of llv", "pros_cons", "Leaving Las Vegas (1995)", None),
]  # fmt: skip
