"""Reading a WordPress site into the database: `popcorn sync https://site/` (issue 14)."""
