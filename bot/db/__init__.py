"""The database layer: models, engine/session factory, migrations and queries."""
