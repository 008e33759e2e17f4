"""A PostgreSQL backend that starts a private server on first use.

With no ``DATABASE_URL``, settings point Django here: the server's data lives
in ``.pgdata/`` of the checkout, it runs as an ordinary process (no system
service, no root needed; as root the ``pgserver`` package runs it under a
dedicated user), listens only on a Unix socket inside that folder, and keeps
running between commands so that each ``manage.py`` call starts in
milliseconds.
"""
