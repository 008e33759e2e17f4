"""PostgreSQL moves ``Meeting.updated_at`` whenever anything a meeting's card shows changes.

Cards and API representations are cached under ``(meeting id, updated_at)``
(``newsapp/views/cards.py``). What they show lives in five tables, written by
the ingest (row by row and in bulk), the admin (``QuerySet.update`` in its
actions), entity merges and deletes; triggers cover them all at once:

- a meeting's own columns (any ``UPDATE``, with or without ``save()``);
- its participants (insert, update, delete of ``Participation``);
- its sources (insert, update, delete of ``Evidence``);
- an article's title, date or address, and an entity's name or address,
  for the meetings that show them.

Statement-level triggers with transition tables: a bulk insert of 2,000
sources is one ``UPDATE`` of their meetings, not 2,000.

``newsapp_meeting_version`` holds one number that grows whenever any meeting
changes (and so, through the triggers above, any of what it shows): the
aggregates over many meetings (charts, counts per counterpart) are cached
under it (``newsapp/aggregates.py``). Read under MVCC before the data it
guards, it can only make a cache entry newer than its key, never older.
"""

from django.db import migrations

# Participation and Evidence rows name their meeting: one trigger per event for each.
ROW_TRIGGERS = "\n".join(
    f"""CREATE TRIGGER newsapp_{table}_{name} AFTER {event} ON newsapp_{table}
    REFERENCING {tables}
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_touch_meetings_of_rows();"""
    for table in ("participation", "evidence")
    for name, event, tables in (
        ("inserted", "INSERT", "NEW TABLE AS new_rows"),
        ("updated", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("deleted", "DELETE", "OLD TABLE AS old_rows"),
    )
)

# clock_timestamp(), not now(): two changes in one transaction get two versions.
FORWARD = r"""
CREATE FUNCTION newsapp_meeting_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.kind, NEW.start_date, NEW.end_date, NEW.precision, NEW.status, NEW.review,
        NEW.location_id, NEW.occasion_id)
       IS DISTINCT FROM
       (OLD.kind, OLD.start_date, OLD.end_date, OLD.precision, OLD.status, OLD.review,
        OLD.location_id, OLD.occasion_id) THEN
        NEW.updated_at := clock_timestamp();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER newsapp_meeting_version BEFORE UPDATE ON newsapp_meeting
    FOR EACH ROW EXECUTE FUNCTION newsapp_meeting_version();

-- Participation and Evidence rows name their meeting: touch those of the changed rows.
CREATE FUNCTION newsapp_touch_meetings_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE newsapp_meeting SET updated_at = clock_timestamp()
        WHERE id IN (SELECT meeting_id FROM new_rows);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE newsapp_meeting SET updated_at = clock_timestamp()
        WHERE id IN (SELECT meeting_id FROM old_rows);
    END IF;
    RETURN NULL;
END $$;

{row_triggers}
-- An article's title, date or address is shown in its meetings' sources.
CREATE FUNCTION newsapp_touch_meetings_of_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE newsapp_meeting SET updated_at = clock_timestamp()
    WHERE id IN (
        SELECT e.meeting_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN newsapp_evidence e ON e.article_id = n.id
        WHERE (n.title, n.published_on, n.url) IS DISTINCT FROM (o.title, o.published_on, o.url)
    );
    RETURN NULL;
END $$;
CREATE TRIGGER newsapp_article_updated AFTER UPDATE ON newsapp_article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_touch_meetings_of_articles();

-- An entity's name and address are shown for the people, places and occasions of meetings.
CREATE FUNCTION newsapp_touch_meetings_of_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Most entity updates (a merge's country moves, a catalog reload) rename nothing.
    IF EXISTS (
        SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.name, n.slug) IS DISTINCT FROM (o.name, o.slug)
    ) THEN
        WITH renamed AS (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.name, n.slug) IS DISTINCT FROM (o.name, o.slug)
        )
        UPDATE newsapp_meeting SET updated_at = clock_timestamp()
        WHERE id IN (SELECT p.meeting_id FROM newsapp_participation p JOIN renamed r ON r.id = p.person_id)
           OR location_id IN (SELECT id FROM renamed)
           OR occasion_id IN (SELECT id FROM renamed);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER newsapp_entity_updated AFTER UPDATE ON newsapp_entity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_touch_meetings_of_entities();

CREATE TABLE newsapp_meeting_version (version bigint NOT NULL);
INSERT INTO newsapp_meeting_version VALUES ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint);

-- Statements that touch no meeting (the touches above often match none) move nothing.
-- Microseconds of the clock, not a plain counter: after a restore from a backup the
-- version still only grows, so no entry cached before it can be read again.
CREATE FUNCTION newsapp_bump_meeting_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Two IFs: a TRUNCATE has no transition table to look into.
    IF TG_OP <> 'TRUNCATE' THEN
        IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
            RETURN NULL;
        END IF;
    END IF;
    UPDATE newsapp_meeting_version
    SET version = greatest(version + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint);
    RETURN NULL;
END $$;
CREATE TRIGGER newsapp_meeting_inserted AFTER INSERT ON newsapp_meeting
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_bump_meeting_version();
CREATE TRIGGER newsapp_meeting_updated AFTER UPDATE ON newsapp_meeting
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_bump_meeting_version();
CREATE TRIGGER newsapp_meeting_deleted AFTER DELETE ON newsapp_meeting
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_bump_meeting_version();
CREATE TRIGGER newsapp_meeting_truncated AFTER TRUNCATE ON newsapp_meeting
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_bump_meeting_version();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS newsapp_meeting_truncated ON newsapp_meeting;
DROP TRIGGER IF EXISTS newsapp_meeting_deleted ON newsapp_meeting;
DROP TRIGGER IF EXISTS newsapp_meeting_updated ON newsapp_meeting;
DROP TRIGGER IF EXISTS newsapp_meeting_inserted ON newsapp_meeting;
DROP FUNCTION IF EXISTS newsapp_bump_meeting_version();
DROP TABLE IF EXISTS newsapp_meeting_version;
DROP TRIGGER IF EXISTS newsapp_entity_updated ON newsapp_entity;
DROP FUNCTION IF EXISTS newsapp_touch_meetings_of_entities();
DROP TRIGGER IF EXISTS newsapp_article_updated ON newsapp_article;
DROP FUNCTION IF EXISTS newsapp_touch_meetings_of_articles();
DROP TRIGGER IF EXISTS newsapp_evidence_deleted ON newsapp_evidence;
DROP TRIGGER IF EXISTS newsapp_evidence_updated ON newsapp_evidence;
DROP TRIGGER IF EXISTS newsapp_evidence_inserted ON newsapp_evidence;
DROP TRIGGER IF EXISTS newsapp_participation_deleted ON newsapp_participation;
DROP TRIGGER IF EXISTS newsapp_participation_updated ON newsapp_participation;
DROP TRIGGER IF EXISTS newsapp_participation_inserted ON newsapp_participation;
DROP FUNCTION IF EXISTS newsapp_touch_meetings_of_rows();
DROP TRIGGER IF EXISTS newsapp_meeting_version ON newsapp_meeting;
DROP FUNCTION IF EXISTS newsapp_meeting_version();
"""


class Migration(migrations.Migration):
    dependencies = [("newsapp", "0006_contact")]

    operations = [migrations.RunSQL(FORWARD.replace("{row_triggers}", ROW_TRIGGERS), BACKWARD)]
