"""The question forms, every one in several phrasings with typos, and what each is answered,
word for word (plain data, read by test_answers.py). Each row: the question, the intent it is
understood as, and the answer (expected.py): a sentence about a film with its card one button
away, the film's card, a list, a notice or choices, compared whole. Grouped by question form.

The data: the shipped records and catalogue plus tests/answers/data (several reviewed films,
shared actors, two films called The Wicker Man, Joe unreviewed, unset facts)."""

from __future__ import annotations

from bot.answers.questions.intents import Intent
from tests.answers.questions.expected import (
    Expected,
    buy,
    film_card,
    listing,
    notice,
    sentence,
    summary,
)

LLV = "Leaving Las Vegas (1995)"
CON_AIR = "Con Air (1997)"
FACE_OFF = "Face/Off (1997)"
ROCK = "The Rock (1996)"
WM73 = "The Wicker Man (1973)"
WM06 = "The Wicker Man (2006)"

# fmt: off
FORMS: dict[str, list[tuple[str, Intent, Expected]]] = {
    "director": [
        ("who directed leaving las vegas?", Intent.DIRECTOR,
         sentence(LLV, "Leaving Las Vegas (1995) was directed by Mike Figgis.")),
        ("who directed levaing las vegas", Intent.DIRECTOR,
         sentence(LLV, "Leaving Las Vegas (1995) was directed by Mike Figgis.")),
        ("Who is the director of Con Air", Intent.DIRECTOR,
         sentence(CON_AIR, "Con Air (1997) was directed by Simon West.")),
        ("whos the director of con air", Intent.DIRECTOR,
         sentence(CON_AIR, "Con Air (1997) was directed by Simon West.")),
        ("con air was directed by who?", Intent.DIRECTOR,
         sentence(CON_AIR, "Con Air (1997) was directed by Simon West.")),
        ("leaving las vegas director", Intent.DIRECTOR,
         sentence(LLV, "Leaving Las Vegas (1995) was directed by Mike Figgis.")),
        ("who helmed face off", Intent.DIRECTOR,
         sentence(FACE_OFF, "Face/Off (1997) was directed by John Woo.")),
        ("who directd con air", Intent.DIRECTOR,
         sentence(CON_AIR, "Con Air (1997) was directed by Simon West.")),
        ("who directed it could happen to you please", Intent.DIRECTOR,
         sentence("It Could Happen to You (1994)", "It Could Happen to You (1994) was directed "
                                                   "by Andrew Bergman.")),
        ("who directed a score to settle", Intent.DIRECTOR,
         sentence("A Score to Settle (2019)", "A Score to Settle (2019) was directed by Shawn "
                                              "Ku.")),
        ("who directed racing with the moon", Intent.DIRECTOR,
         sentence("Racing with the Moon (1984)", "Racing with the Moon (1984) was directed by "
                                                 "Richard Benjamin.")),
        ("did john woo direct face off", Intent.DIRECTOR,
         sentence(FACE_OFF, "Yes: John Woo directed Face/Off (1997).")),
        ("was face off directed by john woo", Intent.DIRECTOR,
         sentence(FACE_OFF, "Yes: John Woo directed Face/Off (1997).")),
        ("did michael bay direct con air", Intent.DIRECTOR,
         sentence(CON_AIR, "No: Con Air (1997) was directed by Simon West.")),
    ],
    "composer": [
        ("who wrote the music for leaving las vegas", Intent.COMPOSER,
         sentence(LLV, "The music for Leaving Las Vegas (1995) is by Anthony Marinelli and Mike "
                       "Figgis.")),
        ("who composed the score for con air", Intent.COMPOSER,
         sentence(CON_AIR, "The music for Con Air (1997) is by Mark Mancina and Trevor Rabin.")),
        ("who did the music in face off", Intent.COMPOSER,
         sentence(FACE_OFF, "The music for Face/Off (1997) is by John Powell.")),
        ("who did the soundtrack for leaving las vegas", Intent.COMPOSER,
         sentence(LLV, "The music for Leaving Las Vegas (1995) is by Anthony Marinelli and Mike "
                       "Figgis.")),
        ("the rock composer?", Intent.COMPOSER,
         sentence(ROCK, "The music for The Rock (1996) is by Hans Zimmer, Nick Glennie-Smith "
                        "and Harry Gregson-Williams.")),
    ],
    "cinematographer": [
        ("who shot leaving las vegas", Intent.CINEMATOGRAPHER,
         sentence(LLV, "Leaving Las Vegas (1995) was shot by Declan Quinn (cinematography).")),
        ("who was the cinematographer on the rock", Intent.CINEMATOGRAPHER,
         sentence(ROCK, "The Rock (1996) was shot by John Schwartzman (cinematography).")),
        ("who was the dp on face off", Intent.CINEMATOGRAPHER,
         sentence(FACE_OFF, "Face/Off (1997) was shot by Oliver Wood (cinematography).")),
        ("who photographed the wicker man 1973", Intent.CINEMATOGRAPHER,
         sentence(WM73, "The Wicker Man (1973) was shot by Harry Waxman (cinematography).")),
    ],
    "writer and review author": [
        ("who wrote con air", Intent.WRITER,
         sentence(CON_AIR, "Con Air (1997) was written by Scott Rosenberg.")),
        ("who wrote the screenplay for face off", Intent.WRITER,
         sentence(FACE_OFF, "Face/Off (1997) was written by Mike Werb and Michael Colleary.")),
        ("who wrote the review of con air", Intent.AUTHOR,
         sentence(CON_AIR, "The review of Con Air (1997) was written by Test Reviewer.")),
    ],
    "cast": [
        ("who is in leaving las vegas", Intent.CAST,
         sentence(LLV, "Leaving Las Vegas (1995) stars Nicolas Cage (Ben Sanderson), Elisabeth "
                       "Shue (Sera), Julian Sands (Yuri Butsov), Richard Lewis (Peter) and 5 "
                       "more.")),
        ("who stars in con air", Intent.CAST,
         sentence(CON_AIR, "Con Air (1997) stars Nicolas Cage (Cameron Poe), John Cusack (Vince "
                           'Larkin), John Malkovich (Cyrus "The Virus" Grissom), Steve Buscemi '
                           "(Garland Greene) and 2 more.")),
        ("who's in the cast of face/off", Intent.CAST,
         sentence(FACE_OFF, "Face/Off (1997) stars John Travolta (Sean Archer), Nicolas Cage "
                            "(Castor Troy), Joan Allen (Eve Archer), Alessandro Nivola (Pollux "
                            "Troy) and 1 more.")),
        ("what actors are in con air", Intent.CAST,
         sentence(CON_AIR, "Con Air (1997) stars Nicolas Cage (Cameron Poe), John Cusack (Vince "
                           'Larkin), John Malkovich (Cyrus "The Virus" Grissom), Steve Buscemi '
                           "(Garland Greene) and 2 more.")),
        ("who acted in leaving las vegas", Intent.CAST,
         sentence(LLV, "Leaving Las Vegas (1995) stars Nicolas Cage (Ben Sanderson), Elisabeth "
                       "Shue (Sera), Julian Sands (Yuri Butsov), Richard Lewis (Peter) and 5 "
                       "more.")),
    ],
    "who plays a character": [
        ("who plays Sera in leaving las vegas?", Intent.CAST,
         sentence(LLV, "Elisabeth Shue plays Sera in Leaving Las Vegas (1995).")),
        ("who is sera in leaving las vegas", Intent.CAST,
         sentence(LLV, "Elisabeth Shue plays Sera in Leaving Las Vegas (1995).")),
        ("who played cameron poe in con air", Intent.CAST,
         sentence(CON_AIR, "Nicolas Cage plays Cameron Poe in Con Air (1997).")),
        ("who played cyrus the virus in con air", Intent.CAST,
         sentence(CON_AIR, 'John Malkovich plays Cyrus "The Virus" Grissom in Con Air (1997).')),
        ("who plays yuri in leaving las vegas", Intent.CAST,
         sentence(LLV, "Julian Sands plays Yuri Butsov in Leaving Las Vegas (1995).")),
        ("who plays jack singer in honeymoon in vegas", Intent.CAST,
         sentence("Honeymoon in Vegas (1992)", "Nicolas Cage plays Jack Singer in Honeymoon in "
                                               "Vegas (1992).")),
        ("who plays sera", Intent.CAST,
         sentence(LLV, "Elisabeth Shue plays Sera in Leaving Las Vegas (1995).")),
        ("who played castor troy", Intent.CAST,
         sentence(FACE_OFF, "Nicolas Cage plays Castor Troy in Face/Off (1997).")),
        ("who plays joe ransom", Intent.CAST,
         sentence("Joe (2013)", "Nicolas Cage plays Joe Ransom in Joe (2013).")),
        ("who plays renfield", Intent.CAST,
         sentence("Renfield (2023)", "Nicholas Hoult plays Renfield in Renfield (2023).")),
        ("who plays sergeant howie in the wicker man", Intent.CAST,
         sentence(WM73, "Edward Woodward plays Sergeant Howie in The Wicker Man (1973).")),
    ],
    "who did an actor play": [
        ("who did nicolas cage play in leaving las vegas", Intent.CAST,
         sentence(LLV, "Nicolas Cage plays Ben Sanderson in Leaving Las Vegas (1995).")),
        ("who does elisabeth shue play in leaving las vegas", Intent.CAST,
         sentence(LLV, "Elisabeth Shue plays Sera in Leaving Las Vegas (1995).")),
        ("what character does cage play in face off", Intent.CAST,
         sentence(FACE_OFF, "Nicolas Cage plays Castor Troy in Face/Off (1997).")),
        ("what was cage's role in con air", Intent.CAST,
         sentence(CON_AIR, "Nicolas Cage plays Cameron Poe in Con Air (1997).")),
        ("what part does john cusack play in con air", Intent.CAST,
         sentence(CON_AIR, "John Cusack plays Vince Larkin in Con Air (1997).")),
    ],
    "is an actor in a film": [
        ("is elisabeth shue in leaving las vegas", Intent.CAST,
         sentence(LLV, "Yes: Elisabeth Shue plays Sera in Leaving Las Vegas (1995).")),
        ("is julian sands in leaving las vegas", Intent.CAST,
         sentence(LLV, "Yes: Julian Sands plays Yuri Butsov in Leaving Las Vegas (1995).")),
        ("does con air star john cusack", Intent.CAST,
         sentence(CON_AIR, "Yes: John Cusack plays Vince Larkin in Con Air (1997).")),
        ("is nic cage in the rock", Intent.CAST,
         sentence(ROCK, "Yes: Nicolas Cage plays Stanley Goodspeed in The Rock (1996).")),
        ("is cage in gone in 60 seconds", Intent.CAST,
         sentence("Gone in 60 Seconds (2000)", 'Yes: Nicolas Cage plays Randall "Memphis" '
                                               "Raines in Gone in 60 Seconds (2000).")),
        ("was john travolta in con air", Intent.CAST,
         sentence(CON_AIR, "No: the cast I have for Con Air (1997) doesn't include John "
                           "Travolta.")),
        ("was nicolas cage in the wicker man", Intent.CAST,
         sentence(WM06, "Yes: Nicolas Cage plays Edward Malus in The Wicker Man (2006).")),
        ("is mike figgis in leaving las vegas", Intent.CAST,
         sentence(LLV, "Mike Figgis isn't in the cast of Leaving Las Vegas (1995), but is "
                       "credited as director and composer.")),
        ("is zyzzo person in con air", Intent.CAST,
         sentence(CON_AIR, "No: the cast I have for Con Air (1997) doesn't include anyone "
                           "called “zyzzo person”.")),
    ],
    "runtime": [
        ("how long is leaving las vegas", Intent.RUNTIME,
         sentence(LLV, "Leaving Las Vegas (1995) runs 111 minutes (1 h 51 min).")),
        ("what's the runtime of con air", Intent.RUNTIME,
         sentence(CON_AIR, "Con Air (1997) runs 115 minutes (1 h 55 min).")),
        ("how many minutes is face off", Intent.RUNTIME,
         sentence(FACE_OFF, "Face/Off (1997) runs 138 minutes (2 h 18 min).")),
        ("whats the run time of face/off", Intent.RUNTIME,
         sentence(FACE_OFF, "Face/Off (1997) runs 138 minutes (2 h 18 min).")),
        ("con air runtime", Intent.RUNTIME,
         sentence(CON_AIR, "Con Air (1997) runs 115 minutes (1 h 55 min).")),
    ],
    "certificate": [
        ("what is leaving las vegas rated", Intent.CERTIFICATE,
         sentence(LLV, "Leaving Las Vegas (1995) is rated 18 (UK certificate).")),
        ("what's leaving las vegas rated?", Intent.CERTIFICATE,
         sentence(LLV, "Leaving Las Vegas (1995) is rated 18 (UK certificate).")),
        ("what certificate is con air", Intent.CERTIFICATE,
         sentence(CON_AIR, "Con Air (1997) is rated 15 (UK certificate).")),
        ("what age rating is face off", Intent.CERTIFICATE,
         sentence(FACE_OFF, "Face/Off (1997) is rated 18 (UK certificate).")),
        ("is con air suitable for kids", Intent.CERTIFICATE,
         sentence(CON_AIR, "Con Air (1997) is rated 15 (UK certificate).")),
    ],
    "genre": [
        ("what genre is leaving las vegas", Intent.GENRE,
         sentence(LLV, "Leaving Las Vegas (1995) is listed as Romance and Drama.")),
        ("what kind of film is the wicker man 1973", Intent.GENRE,
         sentence(WM73, "The Wicker Man (1973) is listed as Horror and Mystery.")),
        ("what type of movie is con air", Intent.GENRE,
         sentence(CON_AIR, "Con Air (1997) is listed as Action and Thriller.")),
        ("is con air a comedy", Intent.GENRE,
         sentence(CON_AIR, "No: Con Air (1997) is listed as Action and Thriller.")),
        ("is face off a thriller", Intent.GENRE,
         sentence(FACE_OFF, "Yes: Face/Off (1997) is listed as Action and Thriller.")),
    ],
    "when it came out": [
        ("when did leaving las vegas come out", Intent.YEAR,
         sentence(LLV, "Leaving Las Vegas came out in 1995. The Studiocanal Blu-ray came out on "
                       "4 July 2016.")),
        ("what year is con air from", Intent.YEAR,
         sentence(CON_AIR, "Con Air came out in 1997. The Touchstone Blu-ray came out on 10 May "
                           "2010.")),
        ("when was face off released", Intent.YEAR,
         sentence(FACE_OFF, "Face/Off came out in 1997. The Paramount Blu-ray came out on 18 "
                            "October 2021.")),
        ("what year did the rock come out", Intent.YEAR,
         sentence(ROCK, "The Rock came out in 1996.")),
    ],
    "blu-ray release and label": [
        ("when was leaving las vegas released on blu-ray", Intent.BLURAY,
         sentence(LLV, "The Blu-ray of Leaving Las Vegas (1995) came out on 4 July 2016 in the "
                       "UK, from Studiocanal.")),
        ("which label released leaving las vegas", Intent.BLURAY,
         sentence(LLV, "The Blu-ray of Leaving Las Vegas (1995) came out on 4 July 2016 in the "
                       "UK, from Studiocanal.")),
        ("who released con air on bluray", Intent.BLURAY,
         sentence(CON_AIR, "The Blu-ray of Con Air (1997) came out on 10 May 2010 in the UK, "
                           "from Touchstone.")),
        ("when did face off come out on blu-ray", Intent.BLURAY,
         sentence(FACE_OFF, "The Blu-ray (Limited Edition) of Face/Off (1997) came out on 18 "
                            "October 2021 in the UK, from Paramount.")),
        ("what label put out the wicker man 1973", Intent.BLURAY,
         sentence(WM73, "The Blu-ray (The Final Cut) of The Wicker Man (1973) came out on 14 "
                        "October 2013 in the UK, from Studiocanal.")),
    ],
    "discs": [
        ("how many discs are in the face off blu-ray", Intent.DISCS,
         sentence(FACE_OFF, "The Paramount Blu-ray (Limited Edition) of Face/Off (1997) has 2 "
                            "discs.")),
        ("how many discs does the wicker man 1973 have", Intent.DISCS,
         sentence(WM73, "The Studiocanal Blu-ray (The Final Cut) of The Wicker Man (1973) has 3 "
                        "discs.")),
        ("how many discs is leaving las vegas on", Intent.DISCS,
         sentence(LLV, "The Studiocanal Blu-ray of Leaving Las Vegas (1995) has 1 disc.")),
    ],
    "extras": [
        ("wat extras r on the leaving vegas bluray", Intent.EXTRAS,
         sentence(LLV, "The Studiocanal Blu-ray of Leaving Las Vegas (1995) has 3 extras: "
                       "Making Of; Interviews with Nicolas Cage, Elisabeth Shue, Julian Sands & "
                       "Mike Figgis; B-Roll. The review rates the extras OK.")),
        ("what extras are on leaving las vegas", Intent.EXTRAS,
         sentence(LLV, "The Studiocanal Blu-ray of Leaving Las Vegas (1995) has 3 extras: "
                       "Making Of; Interviews with Nicolas Cage, Elisabeth Shue, Julian Sands & "
                       "Mike Figgis; B-Roll. The review rates the extras OK.")),
        ("what special features does con air have", Intent.EXTRAS,
         sentence(CON_AIR, "The Touchstone Blu-ray of Con Air (1997) has 1 extra: Trailer. The "
                           "review rates the extras POOR.")),
        ("what bonus features are on face off", Intent.EXTRAS,
         sentence(FACE_OFF, "The Paramount Blu-ray (Limited Edition) of Face/Off (1997) has 3 "
                            "extras: Audio commentary with John Woo; The Light and the Dark; "
                            "Deleted scenes. The review doesn't rate the extras.")),
        ("any extras on the rock?", Intent.EXTRAS,
         sentence(ROCK, "The Criterion Blu-ray of The Rock (1996) has 3 extras: Audio "
                        "commentary; Outtakes; Trailer. The review rates the extras EXCELLENT.")),
    ],
    "picture, audio and extras quality": [
        ("how is the picture on leaving las vegas", Intent.ASPECT,
         sentence(LLV, "Leaving Las Vegas (1995): the review rates the Blu-ray's picture GOOD "
                       "(▰▰▰▱▱).\n> First off the picture quality is not too bad although there "
                       "are still a few tiny marks that flash up every once in a while.")),
        ("how's the audio on leaving las vegas", Intent.ASPECT,
         sentence(LLV, "Leaving Las Vegas (1995): the review rates the Blu-ray's audio POOR "
                       "(▰▱▱▱▱).\n> My next point is actually a pretty major one, the audio mix "
                       "seems all wrong with the music drowning out much of the dialogue and "
                       "therefore pretty much ruining the film.")),
        ("how good is the picture quality on con air", Intent.ASPECT,
         sentence(CON_AIR, "Con Air (1997): the review rates the Blu-ray's picture GREAT "
                           "(▰▰▰▰▱).\n> The picture is sharp and clean throughout.")),
        ("is the sound good on face off", Intent.ASPECT,
         sentence(FACE_OFF, "Face/Off (1997): the review rates the Blu-ray's audio GREAT "
                            "(▰▰▰▰▱).\n> The audio is punchy and wide.")),
        ("how are the extras on con air", Intent.ASPECT,
         sentence(CON_AIR, "Con Air (1997): the review rates the Blu-ray's extras POOR (▰▱▱▱▱). "
                           "They are: Trailer.\n> The extras are thin: a trailer and nothing "
                           "else.")),
        ("how does leaving las vegas look on blu-ray", Intent.ASPECT,
         sentence(LLV, "Leaving Las Vegas (1995): the review rates the Blu-ray's picture GOOD "
                       "(▰▰▰▱▱).\n> First off the picture quality is not too bad although there "
                       "are still a few tiny marks that flash up every once in a while.")),
        ("how is the pictrue on con air", Intent.ASPECT,
         sentence(CON_AIR, "Con Air (1997): the review rates the Blu-ray's picture GREAT "
                           "(▰▰▰▰▱).\n> The picture is sharp and clean throughout.")),
    ],
    "the review's rating": [
        ("what score did you give con air", Intent.RATING,
         sentence(CON_AIR, "The review gives Con Air (1997) 8/10. It rates the Blu-ray: picture "
                           "GREAT, audio EXCELLENT and extras POOR.")),
        ("how many stars did face off get", Intent.RATING,
         sentence(FACE_OFF, "The review gives Face/Off (1997) 9/10. It rates the Blu-ray: "
                            "picture EXCELLENT, audio GREAT and extras not rated.")),
        ("what did you rate leaving las vegas", Intent.RATING,
         sentence(LLV, "The review doesn't give a film rating for Leaving Las Vegas (1995). It "
                       "rates the Blu-ray: picture GOOD, audio POOR and extras OK.")),
    ],
    "what did you think": [
        ("what did you think of leaving las vegas", Intent.OPINION,
         sentence(LLV, "The verdict on Leaving Las Vegas (1995): “Great film let down by poor "
                       "audio on the Blu-ray release” (no film rating; Blu-ray: picture GOOD, "
                       "audio POOR and extras OK).")),
        ("wat did you think of levaing las vegas", Intent.OPINION,
         sentence(LLV, "The verdict on Leaving Las Vegas (1995): “Great film let down by poor "
                       "audio on the Blu-ray release” (no film rating; Blu-ray: picture GOOD, "
                       "audio POOR and extras OK).")),
        ("is con air any good", Intent.OPINION,
         sentence(CON_AIR, "The verdict on Con Air (1997): “Big dumb fun with a "
                           "reference-quality soundtrack” (film 8/10; Blu-ray: picture GREAT, "
                           "audio EXCELLENT and extras POOR).")),
        ("your thoughts on the rock?", Intent.OPINION,
         sentence(ROCK, "The verdict on The Rock (1996): “Michael Bay at his most entertaining” "
                        "(film 7/10; Blu-ray: picture GOOD, audio GREAT and extras EXCELLENT).")),
        ("did you like face off", Intent.OPINION,
         sentence(FACE_OFF, "The verdict on Face/Off (1997): “John Woo's best American film on "
                            "a superb disc” (film 9/10; Blu-ray: picture EXCELLENT, audio GREAT "
                            "and extras not rated).")),
        ("have you reviewed leaving las vegas", Intent.OPINION,
         sentence(LLV, "The verdict on Leaving Las Vegas (1995): “Great film let down by poor "
                       "audio on the Blu-ray release” (no film rating; Blu-ray: picture GOOD, "
                       "audio POOR and extras OK).")),
    ],
    "worth buying": [
        ("is the leaving las vegas blu-ray worth buying", Intent.WORTH,
         sentence(LLV, "The review's recommendation: “That audio issue means I'd recommend "
                       "waiting for a re-mastered version or stick to the DVD or TV/streaming "
                       "options.” Verdict: “Great film let down by poor audio on the Blu-ray "
                       "release”.")),
        ("should i buy con air", Intent.WORTH,
         sentence(CON_AIR, "The review's recommendation: “An easy recommendation for anyone who "
                           "loves nineties action.” Verdict: “Big dumb fun with a "
                           "reference-quality soundtrack”.")),
        ("would you recommend leaving las vegas", Intent.WORTH,
         sentence(LLV, "The review's recommendation: “That audio issue means I'd recommend "
                       "waiting for a re-mastered version or stick to the DVD or TV/streaming "
                       "options.” Verdict: “Great film let down by poor audio on the Blu-ray "
                       "release”.")),
        ("is the wicker man 2006 worth getting", Intent.WORTH,
         sentence(WM06, "The review's recommendation: “Only for bad-movie nights.” Verdict: "
                        "“Not the bees! Unintentionally hilarious”.")),
    ],
    "pros and cons": [
        ("what are the pros and cons of leaving las vegas", Intent.PROS_CONS,
         sentence(LLV, "Pros: Nicolas Cage, Elisabeth Shue and Gripping Storyline. Cons: Poor "
                       "Audio Quality and Picture Quality Could Be Better.")),
        ("pros and cons of con air", Intent.PROS_CONS,
         sentence(CON_AIR, "Pros: Thunderous audio and Nicolas Cage's hair. Cons: Almost no "
                           "extras.")),
        ("what are the downsides of con air", Intent.PROS_CONS,
         sentence(CON_AIR, "Pros: Thunderous audio and Nicolas Cage's hair. Cons: Almost no "
                           "extras.")),
    ],
    "where to buy": [
        ("where can i buy leaving las vegas", Intent.WHERE_BUY,
         buy(LLV, "You can buy Leaving Las Vegas (1995) at Amazon UK:\nBlu-ray · Studiocanal · "
                  "4 July 2016 · UK · 1 disc\n\n[Amazon "
                  "UK](https://www.amazon.co.uk/s?k=Leaving+Las+Vegas+1995+Blu-ray)")),
        ("where can I get con air on bluray", Intent.WHERE_BUY,
         buy(CON_AIR, "You can buy Con Air (1997) at Amazon UK:\nBlu-ray · Touchstone · 10 May "
                      "2010 · UK · 1 disc\n\n[Amazon "
                      "UK](https://www.amazon.co.uk/s?k=Con+Air+Blu-ray)")),
        ("is there a buy link for con air", Intent.WHERE_BUY,
         buy(CON_AIR, "You can buy Con Air (1997) at Amazon UK:\nBlu-ray · Touchstone · 10 May "
                      "2010 · UK · 1 disc\n\n[Amazon "
                      "UK](https://www.amazon.co.uk/s?k=Con+Air+Blu-ray)")),
    ],
    "a person's reviewed films": [
        ("which nicolas cage films have you reviewed", Intent.PERSON_REVIEWED,
         listing("Reviewed Nicolas Cage films",
                 "I've reviewed 5 Nicolas Cage films so far, out of 102 Nicolas Cage films in "
                 "the database.",
                 items=(
                     "**Con Air (1997)** — Big dumb fun with a reference-quality soundtrack",
                     "**Face/Off (1997)** — John Woo's best American film on a superb disc",
                     "**Leaving Las Vegas (1995)** — Great film let down by poor audio on the "
                     "Blu-ray release",
                     "**The Rock (1996)** — Michael Bay at his most entertaining",
                     "**The Wicker Man (2006)** — Not the bees! Unintentionally hilarious",))),
        ("which cage films have you reviewed", Intent.PERSON_REVIEWED,
         listing("Reviewed Nicolas Cage films",
                 "I've reviewed 5 Nicolas Cage films so far, out of 102 Nicolas Cage films in "
                 "the database.",
                 items=(
                     "**Con Air (1997)** — Big dumb fun with a reference-quality soundtrack",
                     "**Face/Off (1997)** — John Woo's best American film on a superb disc",
                     "**Leaving Las Vegas (1995)** — Great film let down by poor audio on the "
                     "Blu-ray release",
                     "**The Rock (1996)** — Michael Bay at his most entertaining",
                     "**The Wicker Man (2006)** — Not the bees! Unintentionally hilarious",))),
        ("what john cusack movies did you review", Intent.PERSON_REVIEWED,
         listing("Reviewed John Cusack films",
                 "I've reviewed 1 John Cusack film so far, out of 2 John Cusack films in the "
                 "database.",
                 items=(
                     "**Con Air (1997)** — Big dumb fun with a reference-quality soundtrack",))),
        ("have you reviewed any films with john cusack", Intent.PERSON_REVIEWED,
         listing("Reviewed John Cusack films",
                 "I've reviewed 1 John Cusack film so far, out of 2 John Cusack films in the "
                 "database.",
                 items=(
                     "**Con Air (1997)** — Big dumb fun with a reference-quality soundtrack",))),
        ("which films have you reviewed", Intent.PERSON_REVIEWED,
         listing("Reviewed films",
                 "I've reviewed 6 films so far, out of 103 films in the database.",
                 items=(
                     "**Con Air (1997)** — Big dumb fun with a reference-quality soundtrack",
                     "**Face/Off (1997)** — John Woo's best American film on a superb disc",
                     "**Leaving Las Vegas (1995)** — Great film let down by poor audio on the "
                     "Blu-ray release",
                     "**The Rock (1996)** — Michael Bay at his most entertaining",
                     "**The Wicker Man (1973)** — A folk-horror masterpiece in its best shape "
                     "yet",
                     "**The Wicker Man (2006)** — Not the bees! Unintentionally hilarious",))),
        ("which zyzzo films have you reviewed", Intent.PERSON_REVIEWED,
         listing("Reviewed films",
                 "I've reviewed 6 films so far, out of 103 films in the database. (I don't know "
                 "anyone called “zyzzo”: that's all reviews.)",
                 items=(
                     "**Con Air (1997)** — Big dumb fun with a reference-quality soundtrack",
                     "**Face/Off (1997)** — John Woo's best American film on a superb disc",
                     "**Leaving Las Vegas (1995)** — Great film let down by poor audio on the "
                     "Blu-ray release",
                     "**The Rock (1996)** — Michael Bay at his most entertaining",
                     "**The Wicker Man (1973)** — A folk-horror masterpiece in its best shape "
                     "yet",
                     "**The Wicker Man (2006)** — Not the bees! Unintentionally hilarious",))),
    ],
    "a person's films": [
        ("what films is elisabeth shue in", Intent.PERSON_FILMS,
         listing("Elisabeth Shue: filmography",
                 "1 film in the database: 1 reviewed, 0 not yet.",
                 items=(
                     "**Leaving Las Vegas** (1995) — as Sera · ⭐ picture GOOD, audio POOR, "
                     "extras OK · Great film let down by poor audio on the Blu-ray release",))),
        ("what movies has john cusack been in", Intent.PERSON_FILMS,
         listing("John Cusack: filmography",
                 "2 films in the database: 1 reviewed, 1 not yet. Reviewed films first.",
                 items=(
                     "**Con Air** (1997) — as Vince Larkin · ⭐ 8/10 · Big dumb fun with a "
                     "reference-quality soundtrack",
                     "**The Frozen Ground** (2013) — as Robert Hansen · not reviewed yet",))),
        ("what films has nicolas cage been in", Intent.PERSON_FILMS,
         listing("Nicolas Cage: filmography",
                 "102 films in the database: 5 reviewed, 97 not yet. Reviewed films first.",
                 first=(
                     "**Leaving Las Vegas** (1995) — as Ben Sanderson · ⭐ picture GOOD, audio "
                     "POOR, extras OK · Great film let down by poor audio on the Blu-ray release",
                     "**The Rock** (1996) — as Stanley Goodspeed · ⭐ 7/10 · Michael Bay at his "
                     "most entertaining",),
                 count=102)),
        ("nicolas cage filmography", Intent.PERSON_FILMS,
         listing("Nicolas Cage: filmography",
                 "102 films in the database: 5 reviewed, 97 not yet. Reviewed films first.",
                 first=(
                     "**Leaving Las Vegas** (1995) — as Ben Sanderson · ⭐ picture GOOD, audio "
                     "POOR, extras OK · Great film let down by poor audio on the Blu-ray release",
                     "**The Rock** (1996) — as Stanley Goodspeed · ⭐ 7/10 · Michael Bay at his "
                     "most entertaining",),
                 count=102)),
    ],
    "films a person directed": [
        ("which films did mike figgis direct", Intent.PERSON_DIRECTED,
         listing("Films directed by Mike Figgis",
                 "Mike Figgis directed 1 film in the database, 1 reviewed.",
                 items=(
                     "**Leaving Las Vegas (1995)** · Great film let down by poor audio on the "
                     "Blu-ray release",))),
        ("what has francis ford coppola directed", Intent.PERSON_DIRECTED,
         listing("Films directed by Francis Ford Coppola",
                 "Francis Ford Coppola directed 3 films in the database, 0 reviewed.",
                 items=(
                     "**Rumble Fish (1983)** · not reviewed yet",
                     "**The Cotton Club (1984)** · not reviewed yet",
                     "**Peggy Sue Got Married (1986)** · not reviewed yet",))),
        ("films directed by john woo", Intent.PERSON_DIRECTED,
         listing("Films directed by John Woo",
                 "John Woo directed 2 films in the database, 1 reviewed.",
                 items=(
                     "**Face/Off (1997)** · John Woo's best American film on a superb disc",
                     "**Windtalkers (2002)** · not reviewed yet",))),
        ("which movies has simon west directed", Intent.PERSON_DIRECTED,
         listing("Films directed by Simon West",
                 "Simon West directed 2 films in the database, 1 reviewed.",
                 items=(
                     "**Con Air (1997)** · Big dumb fun with a reference-quality soundtrack",
                     "**Stolen (2012)** · not reviewed yet",))),
    ],
    "best and worst": [
        ("which film has the best audio", Intent.BEST,
         sentence(CON_AIR, "The best audio of the reviewed films is on Con Air (1997): "
                           "EXCELLENT.")),
        ("which blu-ray has the best picture", Intent.BEST,
         sentence(FACE_OFF, "The best picture of the reviewed films is on Face/Off (1997): "
                            "EXCELLENT.")),
        ("which bluray has the worst audio", Intent.BEST,
         sentence(LLV, "The worst audio of the reviewed films is on Leaving Las Vegas (1995): "
                       "POOR.")),
        ("which film has the best extras", Intent.BEST,
         sentence(ROCK, "The best extras of the reviewed films are on The Rock (1996): "
                        "EXCELLENT. 1 reviewed film has no extras rating and is left out.")),
        ("what's the best-rated nicolas cage film", Intent.BEST,
         sentence(FACE_OFF, "The best-rated of the Nicolas Cage films I've reviewed is Face/Off "
                            "(1997): 9/10. 1 reviewed film has no film rating and is left out.")),
        ("what is the worst cage film", Intent.BEST,
         sentence(WM06, "The worst-rated of the Nicolas Cage films I've reviewed is The Wicker "
                        "Man (2006): 3/10. 1 reviewed film has no film rating and is left out.")),
        ("what is john cusack's best film", Intent.BEST,
         sentence(CON_AIR, "The best-rated of the John Cusack films I've reviewed is Con Air "
                           "(1997): 8/10.")),
        ("the worst", Intent.BEST,
         sentence(WM06, "The worst-rated of the reviewed films is The Wicker Man (2006): 3/10. "
                        "1 reviewed film has no film rating and is left out.")),
        ("what's the highest rated film", Intent.BEST,
         summary("The best film rating",
                 "The best-rated of the reviewed films (9/10): Face/Off (1997) and The Wicker "
                 "Man (1973). 1 reviewed film has no film rating and is left out.")),
    ],
    "how many reviews": [
        ("how many films have you reviewed", Intent.COUNT,
         summary("Reviews",
                 "I've reviewed 6 films so far, out of 103 films in the database.")),
        ("how many reviews are there", Intent.COUNT,
         summary("Reviews",
                 "I've reviewed 6 films so far, out of 103 films in the database.")),
        ("how many blu-rays have you reviewed", Intent.COUNT,
         summary("Reviews",
                 "I've reviewed 6 films so far, out of 103 films in the database.")),
        ("how many cage films have you reviewed", Intent.COUNT,
         summary("Reviewed Nicolas Cage films",
                 "I've reviewed 5 Nicolas Cage films so far, out of 102 Nicolas Cage films in "
                 "the database. Reviewed: Con Air (1997), Face/Off (1997), Leaving Las Vegas "
                 "(1995), The Rock (1996) and The Wicker Man (2006).")),
        ("how many films have you reviewed this year", Intent.COUNT,
         summary("Reviews",
                 "I've reviewed 6 films so far, out of 103 films in the database. (I don't know "
                 "anyone called “year”: that's all reviews.)")),
    ],
    "plot, a title alone, a name alone": [
        ("what's leaving las vegas about", Intent.PLOT,
         sentence(LLV, "Ben Sanderson (Nicolas Cage) is a Hollywood screenwriter whose life is "
                       "falling apart around him, having lost both his family and job to his "
                       "alcohol problems. He decides to end it all by drinking himself to death "
                       "in Las Vegas. However things become somewhat more complicated when he "
                       "hooks up with a prostitute named Sera (Elisabeth Shue). The two have an "
                       "instant connection and fall into a rather unconventional relationship.")),
        ("tell me about con air", Intent.FILM,
         film_card(CON_AIR, "**Big dumb fun with a reference-quality soundtrack**\nPrisoners "
                            "hijack the plane flying them to a new prison",
                   field=('Film', '8/10'))),
        ("con air?", Intent.FILM,
         film_card(CON_AIR, "**Big dumb fun with a reference-quality soundtrack**\nPrisoners "
                            "hijack the plane flying them to a new prison",
                   field=('Film', '8/10'))),
        ("elisabeth shue", Intent.PERSON,
         listing("Elisabeth Shue: filmography",
                 "1 film in the database: 1 reviewed, 0 not yet.",
                 items=(
                     "**Leaving Las Vegas** (1995) — as Sera · ⭐ picture GOOD, audio POOR, "
                     "extras OK · Great film let down by poor audio on the Blu-ray release",))),
    ],
    "browsing": [
        ("what's your latest review", Intent.LATEST,
         listing("Latest reviews",
                 "Newest first (by the review's publication date).",
                 items=(
                     "**The Wicker Man (2006)** — 2 February 2024 · Not the bees! "
                     "Unintentionally hilarious",
                     "**The Wicker Man (1973)** — 10 January 2024 · A folk-horror masterpiece "
                     "in its best shape yet",
                     "**Face/Off (1997)** — 15 August 2023 · John Woo's best American film on a "
                     "superb disc",
                     "**Con Air (1997)** — 1 May 2023 · Big dumb fun with a reference-quality "
                     "soundtrack",
                     "**The Rock (1996)** — 20 November 2022 · Michael Bay at his most "
                     "entertaining",))),
        ("what can you do", Intent.HELP,
         notice("I answer questions about the films and the site's reviews, like:",
                hint="“who directed leaving las vegas?”")),
    ],
}
# fmt: on
