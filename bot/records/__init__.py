"""Review records: the file format, its schema, loading/validating and exporting."""
