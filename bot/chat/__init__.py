"""`popcorn chat`: the bot's command pipeline driven from a terminal, without Discord."""
