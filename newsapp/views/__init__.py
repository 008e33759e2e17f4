"""Reader-facing pages: server-rendered, Arabic, right to left."""
