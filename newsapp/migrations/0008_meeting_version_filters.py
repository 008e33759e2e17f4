"""The meetings version also moves when what the meeting filters read changes.

Aggregates and counts are cached under the version and their query's SQL
(``newsapp/aggregates.py``). Migration 0007 moves the version whenever what a
meeting *shows* changes; two filters also read columns no card shows:

- ``country`` reads the country of each participant, place and occasion
  (``MeetingQuerySet.in_country``): an editor moving a person to another
  country, or a merge moving a duplicate country's people, changes its rows;
- ``q`` reads the search columns of the articles a meeting was read in: an
  edited article body is indexed again.

Neither touches ``Meeting.updated_at``: no card changes.
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION newsapp_bump_version_now() RETURNS void LANGUAGE sql AS $$
    UPDATE newsapp_meeting_version
    SET version = greatest(version + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint);
$$;

CREATE FUNCTION newsapp_entities_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.country_id, n.kind) IS DISTINCT FROM (o.country_id, o.kind)
    ) THEN
        PERFORM newsapp_bump_version_now();
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER newsapp_entity_moved AFTER UPDATE ON newsapp_entity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_entities_moved();

-- Only articles a meeting was read in: re-indexing the others changes no meeting filter.
CREATE FUNCTION newsapp_sources_reindexed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.search_normalized, n.search_stemmed) IS DISTINCT FROM (o.search_normalized, o.search_stemmed)
          AND EXISTS (SELECT 1 FROM newsapp_evidence e WHERE e.article_id = n.id)
    ) THEN
        PERFORM newsapp_bump_version_now();
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER newsapp_article_reindexed AFTER UPDATE ON newsapp_article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_sources_reindexed();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS newsapp_article_reindexed ON newsapp_article;
DROP FUNCTION IF EXISTS newsapp_sources_reindexed();
DROP TRIGGER IF EXISTS newsapp_entity_moved ON newsapp_entity;
DROP FUNCTION IF EXISTS newsapp_entities_moved();
DROP FUNCTION IF EXISTS newsapp_bump_version_now();
"""


class Migration(migrations.Migration):
    dependencies = [("newsapp", "0007_meeting_version_triggers")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
