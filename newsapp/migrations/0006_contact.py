"""Contact: how many visible, held meetings two people had together, kept by PostgreSQL.

The counts live in triggers rather than in Django so that every write path
keeps them: ``save()``, ``QuerySet.update()``, ``bulk_create()``, the bulk
ingest's raw SQL, ``merge_entities`` and the collector's cascading deletes.

- Participations: statement-level triggers with transition tables. A row-level
  trigger runs after the whole statement and sees every row it wrote, so a
  ``bulk_create`` of a meeting's three people, or the collector deleting them
  in one statement, would count each pair once per row. Instead each statement
  recomputes the pairs of the meetings it touched, after it and before it
  (after, minus the rows it added, plus the rows it removed), and applies the
  difference. An update counts only when it moves a row to another meeting or
  person, so writing roles costs one empty comparison.
- Meetings: row-level triggers, when a meeting starts or stops counting (held
  and not rejected): add or remove 1 for every pair of its people. Meeting rows
  never affect each other's pairs, so row level is exact here. Django deletes a
  meeting's participations first (the participation trigger removes the pairs
  while the meeting still counts, then the meeting has nobody left), but the
  foreign keys are deferred, so the other order is covered too: a meeting
  deleted or inserted with people attached removes or adds their pairs, and
  participations of a meeting that no longer exists count for nothing.
- An entity's deletion cascades to its Contact rows and its participations in
  an order of Django's choosing: a decrease of a pair that has no row left is
  skipped rather than stored as a negative count.
- Truncating participations empties the table.

Concurrency: two writers adding people to different meetings of the same pair
both upsert the same Contact row; ``INSERT ... ON CONFLICT DO UPDATE`` locks it,
so the second waits for the first to commit and adds to its count, and a pair
deleted at 0 meanwhile is inserted again. Each statement takes its row locks in
(person, other) order, so two such statements do not deadlock each other; two
transactions of several statements each still may, and PostgreSQL then cancels
one of them, as for any two writers of the same rows.

Creating the triggers locks both tables against writes until this migration
commits, and the backfill runs after, in the same transaction: a write is
either in the backfill or seen by the triggers, never both or neither.
"""

from django.db import migrations, models

# Held and not rejected: what Meeting.objects.visible().held() selects.
_COUNTS = "{row}.status = 'held' AND {row}.review <> 'rejected'"

FUNCTIONS = f"""
-- Add amounts[i] to the pair (persons[i], others[i]), each pair given once;
-- a pair reaching 0 is deleted. A decrease of a pair that has no row is
-- skipped: an entity's deletion may remove its Contact rows before its
-- participations.
CREATE FUNCTION newsapp_contact_add(persons bigint[], others bigint[], amounts integer[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(amounts) AS a(n) WHERE n < 0) THEN
        -- Row locks in (person, other) order for every writer, so two do not deadlock.
        PERFORM 1 FROM newsapp_contact c
        JOIN unnest(persons, others) AS d(person_id, other_id)
            ON c.person_id = d.person_id AND c.other_id = d.other_id
        ORDER BY c.person_id, c.other_id
        FOR UPDATE OF c;
        -- An upsert cannot decrease: the CHECK (meetings >= 0) applies before ON CONFLICT.
        UPDATE newsapp_contact c SET meetings = c.meetings + d.n
        FROM unnest(persons, others, amounts) AS d(person_id, other_id, n)
        WHERE d.n < 0 AND c.person_id = d.person_id AND c.other_id = d.other_id;
        DELETE FROM newsapp_contact c
        USING unnest(persons, others, amounts) AS d(person_id, other_id, n)
        WHERE d.n < 0 AND c.person_id = d.person_id AND c.other_id = d.other_id AND c.meetings = 0;
    END IF;
    INSERT INTO newsapp_contact AS c (person_id, other_id, meetings)
    SELECT d.person_id, d.other_id, d.n
    FROM unnest(persons, others, amounts) AS d(person_id, other_id, n)
    WHERE d.n > 0
    ORDER BY d.person_id, d.other_id
    ON CONFLICT (person_id, other_id) DO UPDATE SET meetings = c.meetings + EXCLUDED.meetings;
END $$;

-- Participation rows (meeting, person) added (sign 1) or removed (sign -1) by one statement.
CREATE FUNCTION newsapp_contact_participations_changed(meetings bigint[], persons bigint[], signs integer[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    delta_persons bigint[];
    delta_others bigint[];
    delta_amounts integer[];
BEGIN
    WITH changed AS (
        SELECT * FROM unnest(meetings, persons, signs) AS c(meeting_id, person_id, sign)
    ), counted AS (
        SELECT m.id FROM newsapp_meeting m
        WHERE m.id IN (SELECT meeting_id FROM changed) AND {_COUNTS.format(row="m")}
    ), after_rows AS (
        SELECT p.meeting_id, p.person_id FROM newsapp_participation p
        WHERE p.meeting_id IN (SELECT id FROM counted)
    ), before_rows AS (
        (SELECT meeting_id, person_id FROM after_rows
         EXCEPT SELECT meeting_id, person_id FROM changed WHERE sign > 0)
        UNION
        SELECT meeting_id, person_id FROM changed
        WHERE sign < 0 AND meeting_id IN (SELECT id FROM counted)
    ), pairs AS (
        SELECT a.person_id, b.person_id AS other_id, 1 AS n
        FROM after_rows a JOIN after_rows b ON b.meeting_id = a.meeting_id AND b.person_id <> a.person_id
        UNION ALL
        SELECT a.person_id, b.person_id, -1
        FROM before_rows a JOIN before_rows b ON b.meeting_id = a.meeting_id AND b.person_id <> a.person_id
    ), delta AS (
        SELECT person_id, other_id, sum(n)::integer AS n FROM pairs GROUP BY 1, 2 HAVING sum(n) <> 0
    )
    SELECT array_agg(person_id), array_agg(other_id), array_agg(n)
    INTO delta_persons, delta_others, delta_amounts
    FROM delta;
    IF delta_persons IS NOT NULL THEN
        PERFORM newsapp_contact_add(delta_persons, delta_others, delta_amounts);
    END IF;
END $$;

-- One function for the three statement triggers: each branch reads only the
-- transition tables its trigger declares (PL/pgSQL plans a branch when it runs).
CREATE FUNCTION newsapp_contact_participation_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    meetings bigint[];
    persons bigint[];
    signs integer[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(meeting_id), array_agg(person_id), array_agg(1)
        INTO meetings, persons, signs FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(meeting_id), array_agg(person_id), array_agg(-1)
        INTO meetings, persons, signs FROM old_rows;
    ELSE
        -- Only rows moved to another meeting or person: a new role changes no pair.
        SELECT array_agg(meeting_id), array_agg(person_id), array_agg(sign)
        INTO meetings, persons, signs
        FROM (
            (SELECT meeting_id, person_id, -1 AS sign FROM old_rows
             EXCEPT SELECT meeting_id, person_id, -1 FROM new_rows)
            UNION ALL
            (SELECT meeting_id, person_id, 1 FROM new_rows
             EXCEPT SELECT meeting_id, person_id, 1 FROM old_rows)
        ) moved;
    END IF;
    IF meetings IS NOT NULL THEN
        PERFORM newsapp_contact_participations_changed(meetings, persons, signs);
    END IF;
    RETURN NULL;
END $$;

-- A meeting started (sign 1) or stopped (sign -1) counting: every pair of its people.
CREATE FUNCTION newsapp_contact_meeting_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    meeting bigint;
    sign integer;
    delta_persons bigint[];
    delta_others bigint[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        meeting := OLD.id;
        sign := -1;
    ELSIF TG_OP = 'INSERT' THEN
        meeting := NEW.id;
        sign := 1;
    ELSE
        meeting := NEW.id;
        sign := CASE WHEN {_COUNTS.format(row="NEW")} THEN 1 ELSE -1 END;
    END IF;
    SELECT array_agg(a.person_id), array_agg(b.person_id) INTO delta_persons, delta_others
    FROM newsapp_participation a
    JOIN newsapp_participation b ON b.meeting_id = a.meeting_id AND b.person_id <> a.person_id
    WHERE a.meeting_id = meeting;
    IF delta_persons IS NOT NULL THEN
        PERFORM newsapp_contact_add(
            delta_persons, delta_others, array_fill(sign, ARRAY[cardinality(delta_persons)])
        );
    END IF;
    RETURN NULL;
END $$;

-- Truncated participations leave no pair.
CREATE FUNCTION newsapp_contact_truncate_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM newsapp_contact;
    RETURN NULL;
END $$;
"""

TRIGGERS = f"""
CREATE TRIGGER newsapp_contact_participation_insert
    AFTER INSERT ON newsapp_participation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_contact_participation_trigger();
CREATE TRIGGER newsapp_contact_participation_delete
    AFTER DELETE ON newsapp_participation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_contact_participation_trigger();
-- Transition tables rule out "UPDATE OF meeting_id, person_id"; the function
-- ignores rows whose meeting and person did not change.
CREATE TRIGGER newsapp_contact_participation_update
    AFTER UPDATE ON newsapp_participation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_contact_participation_trigger();
CREATE TRIGGER newsapp_contact_participation_truncate
    AFTER TRUNCATE ON newsapp_participation
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_contact_truncate_trigger();

CREATE TRIGGER newsapp_contact_meeting_insert
    AFTER INSERT ON newsapp_meeting FOR EACH ROW
    WHEN ({_COUNTS.format(row="NEW")})
    EXECUTE FUNCTION newsapp_contact_meeting_trigger();
CREATE TRIGGER newsapp_contact_meeting_delete
    AFTER DELETE ON newsapp_meeting FOR EACH ROW
    WHEN ({_COUNTS.format(row="OLD")})
    EXECUTE FUNCTION newsapp_contact_meeting_trigger();
CREATE TRIGGER newsapp_contact_meeting_update
    AFTER UPDATE OF status, review ON newsapp_meeting FOR EACH ROW
    WHEN (({_COUNTS.format(row="OLD")}) IS DISTINCT FROM ({_COUNTS.format(row="NEW")}))
    EXECUTE FUNCTION newsapp_contact_meeting_trigger();
"""

DROP = """
DROP TRIGGER newsapp_contact_participation_insert ON newsapp_participation;
DROP TRIGGER newsapp_contact_participation_delete ON newsapp_participation;
DROP TRIGGER newsapp_contact_participation_update ON newsapp_participation;
DROP TRIGGER newsapp_contact_participation_truncate ON newsapp_participation;
DROP TRIGGER newsapp_contact_meeting_insert ON newsapp_meeting;
DROP TRIGGER newsapp_contact_meeting_delete ON newsapp_meeting;
DROP TRIGGER newsapp_contact_meeting_update ON newsapp_meeting;
DROP FUNCTION newsapp_contact_truncate_trigger();
DROP FUNCTION newsapp_contact_meeting_trigger();
DROP FUNCTION newsapp_contact_participation_trigger();
DROP FUNCTION newsapp_contact_participations_changed(bigint[], bigint[], integer[]);
DROP FUNCTION newsapp_contact_add(bigint[], bigint[], integer[]);
"""

# (meeting, person) is unique, so count(*) counts meetings.
BACKFILL = f"""
INSERT INTO newsapp_contact (person_id, other_id, meetings)
SELECT a.person_id, b.person_id, count(*)
FROM newsapp_participation a
JOIN newsapp_participation b ON b.meeting_id = a.meeting_id AND b.person_id <> a.person_id
JOIN newsapp_meeting m ON m.id = a.meeting_id
WHERE {_COUNTS.format(row="m")}
GROUP BY 1, 2
"""


class Migration(migrations.Migration):
    dependencies = [
        ("newsapp", "0005_search_statistics"),
    ]

    operations = [
        migrations.CreateModel(
            name="Contact",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("meetings", models.PositiveIntegerField(verbose_name="عدد اللقاءات")),
                (
                    "other",
                    models.ForeignKey(
                        on_delete=models.CASCADE,
                        related_name="+",
                        to="newsapp.entity",
                        verbose_name="من التقاه",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=models.CASCADE,
                        related_name="+",
                        to="newsapp.entity",
                        verbose_name="الشخص",
                    ),
                ),
            ],
            options={
                "verbose_name": "لقاءات شخصين",
                "verbose_name_plural": "لقاءات الأشخاص فيما بينهم",
                "indexes": [
                    models.Index(fields=["person", "-meetings"], include=("other",), name="contact_top_idx")
                ],
                "constraints": [
                    models.UniqueConstraint(fields=("person", "other"), name="contact_unique_pair")
                ],
            },
        ),
        migrations.RunSQL(FUNCTIONS + TRIGGERS, DROP),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
    ]
