"""Queries that name no film of the benchmark's catalogue (ggplot2's `movies` stops in 2005):
films released later, and things members type that are no title at all. Whatever of these
turns out to be an exact title of the catalogue is left out when the set is built."""

from __future__ import annotations

LATER_FILMS = """
Superbad | The Dark Knight | Inception | Interstellar | Oppenheimer | Barbie | Everything
Everywhere All at Once | The Social Network | No Country for Old Men | There Will Be Blood |
Slumdog Millionaire | The Hurt Locker | Avatar: The Way of Water | Toy Story 3 | Inside Out |
Zootopia | Moana | Coco | Frozen II | Encanto | Turning Red | Soul | Luca | Elemental | Wall-E |
Ratatouille | Up in the Air | The King's Speech | Black Swan | Whiplash | La La Land | Moonlight |
Get Out | Us | Nope | Parasite | Joker: Folie a Deux | Knives Out | Glass Onion | The Irishman |
Marriage Story | Once Upon a Time in Hollywood | Django Unchained | The Hateful Eight |
Inglourious Basterds | The Wolf of Wall Street | The Revenant | Birdman | Spotlight |
Mad Max: Fury Road | Dune: Part Two | Blade Runner 2049 | Arrival | Sicario | Prisoners |
Nightcrawler | Gone Girl | The Grand Budapest Hotel | Moonrise Kingdom | Asteroid City |
The French Dispatch | Isle of Dogs | Lady Bird | Little Women 2019 | Past Lives | Aftersun |
The Banshees of Inisherin | In Bruges | Hot Fuzz | The World's End | Attack the Block |
Paddington 2 | The Lego Movie | Spider-Man: Into the Spider-Verse | Across the Spider-Verse |
Avengers: Endgame | Black Panther | Iron Man 3 | Guardians of the Galaxy | Thor: Ragnarok |
Captain America: Civil War | Doctor Strange | Wonder Woman 1984 | Man of Steel | The Batman |
Skyfall | Casino Royale | No Time to Die | Top Gun: Maverick | Mission: Impossible Fallout |
John Wick: Chapter 4 | Edge of Tomorrow | Baby Driver | Drive My Car | The Florida Project |
Uncut Gems | Good Time | Hereditary | Midsommar | The Witch | The Lighthouse | It Follows |
A Quiet Place | The Babadook | Talk to Me | Smile 2 | Barbarian | Longlegs | Renfield |
Pig 2021 | Dream Scenario | The Unbearable Weight | Mandy 2018 | Color Out of Space 2019 |
The Menu | Triangle of Sadness | Anatomy of a Fall | Poor Things | The Holdovers | Saltburn |
Killers of the Flower Moon | The Zone of Interest | Tar | Women Talking | The Fabelmans |
Jojo Rabbit | Ford v Ferrari | 1917 war film | Dunkirk | Tenet | The Prestige | Cloverfield |
District 9 | Children of Men | Pan's Labyrinth | The Shape of Water | Roma 2018 | Nomadland |
Minari | CODA | Belfast | The Power of the Dog | Licorice Pizza | Phantom Thread | Burning |
Shoplifters | Portrait of a Lady on Fire | Another Round | The Worst Person in the World |
Oldboy 2013 | The Handmaiden | Train to Busan | Decision to Leave | Perfect Days | Godzilla
Minus One | The Boy and the Heron | Your Name | Weathering with You | Suzume | Inside Out 2 |
Deadpool and Wolverine | Wicked | Gladiator II | Conclave | Anora | The Substance | Challengers
"""

CHAT = """
what should i watch tonight | any good horror films | thanks popcorn | lol | hello there |
good morning everyone | who directed it | is it any good | can you recommend something |
something like alien but funny | best film of the year | what did you think | help me pick
| the one with the shark | that movie with the boat | i forgot the name | no idea | asdfgh |
testing testing | ping | is this bot working | show me the list | what is your favourite |
recommend a comedy | scariest movie ever | top ten thrillers | something with tom hanks |
the new marvel one | hmm | ok thanks | never mind | the film we watched last week |
movie night ideas | anything on netflix | whats good | review please | give me a random one |
that french film | the korean one | the sequel | part two | the remake | the original |
the directors cut | extended edition | season two | episode one | trailer | soundtrack |
behind the scenes | coming soon | box office | oscar winners | cult classics | guilty pleasure |
what about the sequel | the one everyone is talking about | new releases this week |
your top pick | a film for date night | something short | the longest film you have |
black and white films | films from the eighties | a documentary about space |
the cage one with the bees | nicolas cage best | worst film ever made | so bad its good
"""


def phrases(block: str) -> list[str]:
    return [p.strip() for p in block.replace("\n", " ").split("|") if p.strip()]
