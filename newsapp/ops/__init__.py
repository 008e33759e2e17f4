"""Operations around the running app: databases outside the ORM, backups, load runs."""
