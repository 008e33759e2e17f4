"""``newsapp_catalog_version``: one number that grows whenever an entity, alias or position changes.

What is built from the catalog alone (the search's alias index, each entity's
API representation) is kept under it, so a reader asks one row instead of
hashing two tables (``newsapp/search/names.py`` did, about 1.4 ms a search).
As for the meetings' version (migration 0007): statement-level triggers, so
every write path moves it (``save()``, ``QuerySet.update()``, ``bulk_create()``,
merges, the collector's cascading deletes, a restore's ``TRUNCATE``); a
statement that changed no row moves nothing; the clock's microseconds, so the
version only grows, even after a restore from a backup.

``EntityStats`` (each entity's counts, migration 0010) is not the catalog: the
ingest changes it with every article, and whoever shows the counts reads them
with the rows.
"""

from django.db import migrations

TABLES = ("entity", "alias", "position")

# (trigger name, event, the transition table the function looks into: none for TRUNCATE)
EVENTS = (
    ("inserted", "INSERT", "REFERENCING NEW TABLE AS changed_rows"),
    ("updated", "UPDATE", "REFERENCING NEW TABLE AS changed_rows"),
    ("deleted", "DELETE", "REFERENCING OLD TABLE AS changed_rows"),
    ("truncated", "TRUNCATE", ""),
)

TRIGGERS = "\n".join(
    f"""CREATE TRIGGER newsapp_{table}_catalog_{name} AFTER {event} ON newsapp_{table} {rows}
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_bump_catalog_version();"""
    for table in TABLES
    for name, event, rows in EVENTS
)

FORWARD = f"""
CREATE TABLE newsapp_catalog_version (version bigint NOT NULL);
INSERT INTO newsapp_catalog_version VALUES ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint);

CREATE FUNCTION newsapp_bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Two IFs: a TRUNCATE has no transition table to look into.
    IF TG_OP <> 'TRUNCATE' THEN
        IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
            RETURN NULL;
        END IF;
    END IF;
    UPDATE newsapp_catalog_version
    SET version = greatest(version + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint);
    RETURN NULL;
END $$;

{TRIGGERS}
"""

BACKWARD = (
    "\n".join(
        f"DROP TRIGGER IF EXISTS newsapp_{table}_catalog_{name} ON newsapp_{table};"
        for table in TABLES
        for name, _, _ in EVENTS
    )
    + """
DROP FUNCTION IF EXISTS newsapp_bump_catalog_version();
DROP TABLE IF EXISTS newsapp_catalog_version;
"""
)


class Migration(migrations.Migration):
    dependencies = [("newsapp", "0010_entity_stats")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
