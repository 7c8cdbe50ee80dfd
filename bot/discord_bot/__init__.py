"""The Discord layer: the Bot subclass, cogs, rendering answers into messages, views."""
