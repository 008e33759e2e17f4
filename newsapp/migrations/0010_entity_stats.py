"""EntityStats: each entity's articles and visible meetings, kept by PostgreSQL.

As for Contact (migration 0006), triggers rather than Django keep the counts,
so that every write path does: ``save()``, ``QuerySet.update()``,
``bulk_create()``, the bulk ingest's raw SQL, ``merge_entities`` and the
collector's cascading deletes.

- Every entity gets its row when it is inserted; the row goes when the entity
  does (``ON DELETE CASCADE``: Django's collector does not know the table).
- Both counts are of distinct things (an article naming Xi ten times counts
  once; a meeting he took part in and hosted counts once), so each statement
  nets its changes per (entity, article) or (entity, meeting) pair and asks
  whether the pair is related after it and was before it (after, undoing the
  statement's own rows): the difference is the change. Statement-level
  triggers with transition tables see all of a ``bulk_create`` at once.
- Meetings count when they are visible (not rejected), planned or held, as
  the API always counted them; an entity relates to a meeting as a
  participant, as its place or as its occasion. A meeting statement changes
  place, occasion or visibility, never participants; a participation
  statement never changes a meeting's place or visibility: each side of the
  comparison holds the other still.
- A change to the counts of a deleted entity finds no row and is dropped.
- Rows are locked in entity order within a statement, so two statements do
  not deadlock each other (two transactions of several statements still may,
  and PostgreSQL cancels one, as for any two writers of the same rows).

Creating the triggers locks the tables against writes until this migration
commits, and the backfill runs after, in the same transaction.
"""

from django.db import migrations, models

_VISIBLE = "{row}.review <> 'rejected'"

# Each entity's counts from scratch: the backfill, and after a TRUNCATE.
RECOUNT = f"""
INSERT INTO newsapp_entitystats AS s (entity_id, articles, meetings)
SELECT e.id, coalesce(a.n, 0), coalesce(m.n, 0)
FROM newsapp_entity e
LEFT JOIN (
    SELECT entity_id, count(DISTINCT article_id) AS n FROM newsapp_mention GROUP BY 1
) a ON a.entity_id = e.id
LEFT JOIN (
    SELECT r.entity_id, count(DISTINCT r.meeting_id) AS n
    FROM (
        SELECT person_id AS entity_id, meeting_id FROM newsapp_participation
        UNION ALL SELECT location_id, id FROM newsapp_meeting WHERE location_id IS NOT NULL
        UNION ALL SELECT occasion_id, id FROM newsapp_meeting WHERE occasion_id IS NOT NULL
    ) r
    JOIN newsapp_meeting mt ON mt.id = r.meeting_id
    WHERE {_VISIBLE.format(row="mt")}
    GROUP BY 1
) m ON m.entity_id = e.id
ORDER BY e.id
ON CONFLICT (entity_id) DO UPDATE SET articles = EXCLUDED.articles, meetings = EXCLUDED.meetings
"""

FUNCTIONS = f"""
-- Add more_articles[i] and more_meetings[i] to entity ids[i]; an entity may come
-- more than once, and a NULL array adds nothing to its column.
CREATE FUNCTION newsapp_entitystats_add(ids bigint[], more_articles integer[], more_meetings integer[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM newsapp_entitystats s WHERE s.entity_id = ANY(ids)
    ORDER BY s.entity_id FOR UPDATE;
    UPDATE newsapp_entitystats s
    SET articles = s.articles + d.articles, meetings = s.meetings + d.meetings
    FROM (
        SELECT entity_id, coalesce(sum(a), 0)::integer AS articles, coalesce(sum(m), 0)::integer AS meetings
        FROM unnest(ids, more_articles, more_meetings) AS u(entity_id, a, m)
        GROUP BY 1
    ) d
    WHERE s.entity_id = d.entity_id AND (d.articles <> 0 OR d.meetings <> 0);
END $$;

-- Mention rows (entity, article) added (sign 1) or removed (sign -1) by one statement.
CREATE FUNCTION newsapp_entitystats_mentions_changed(entities bigint[], articles bigint[], signs integer[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
    amounts integer[];
BEGIN
    WITH delta AS (
        SELECT entity_id, article_id, sum(sign)::integer AS n
        FROM unnest(entities, articles, signs) AS d(entity_id, article_id, sign)
        GROUP BY 1, 2 HAVING sum(sign) <> 0
    ), changed AS (
        SELECT d.entity_id, (now.n > 0)::integer - (now.n - d.n > 0)::integer AS change
        FROM delta d CROSS JOIN LATERAL (
            SELECT count(*)::integer AS n FROM newsapp_mention m
            WHERE m.entity_id = d.entity_id AND m.article_id = d.article_id
        ) now
    )
    SELECT array_agg(entity_id), array_agg(change) INTO ids, amounts FROM changed WHERE change <> 0;
    PERFORM newsapp_entitystats_add(ids, amounts, NULL);
END $$;

CREATE FUNCTION newsapp_entitystats_mention_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entities bigint[];
    articles bigint[];
    signs integer[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(entity_id), array_agg(article_id), array_agg(1)
        INTO entities, articles, signs FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(entity_id), array_agg(article_id), array_agg(-1)
        INTO entities, articles, signs FROM old_rows;
    ELSE
        -- Only rows moved to another entity or article (a merge): offsets change no count.
        SELECT array_agg(entity_id), array_agg(article_id), array_agg(sign)
        INTO entities, articles, signs
        FROM (
            (SELECT id, entity_id, article_id, -1 AS sign FROM old_rows
             EXCEPT SELECT id, entity_id, article_id, -1 FROM new_rows)
            UNION ALL
            (SELECT id, entity_id, article_id, 1 FROM new_rows
             EXCEPT SELECT id, entity_id, article_id, 1 FROM old_rows)
        ) moved;
    END IF;
    IF entities IS NOT NULL THEN
        PERFORM newsapp_entitystats_mentions_changed(entities, articles, signs);
    END IF;
    RETURN NULL;
END $$;

-- Participation rows (person, meeting) added (sign 1) or removed (sign -1) by one statement.
CREATE FUNCTION newsapp_entitystats_participations_changed(persons bigint[], meetings bigint[], signs integer[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
    amounts integer[];
BEGIN
    WITH delta AS (
        SELECT person_id, meeting_id, sum(sign)::integer AS n
        FROM unnest(persons, meetings, signs) AS d(person_id, meeting_id, sign)
        GROUP BY 1, 2 HAVING sum(sign) <> 0
    ), changed AS (
        -- Related as place or occasion either way; a meeting that is gone or hidden counts for nothing.
        SELECT d.person_id AS entity_id,
               (now.n > 0 OR other.role)::integer - (now.n - d.n > 0 OR other.role)::integer AS change
        FROM delta d
        JOIN newsapp_meeting m ON m.id = d.meeting_id AND {_VISIBLE.format(row="m")}
        CROSS JOIN LATERAL (
            SELECT count(*)::integer AS n FROM newsapp_participation p
            WHERE p.meeting_id = d.meeting_id AND p.person_id = d.person_id
        ) now
        CROSS JOIN LATERAL (
            SELECT m.location_id IS NOT DISTINCT FROM d.person_id
                OR m.occasion_id IS NOT DISTINCT FROM d.person_id AS role
        ) other
    )
    SELECT array_agg(entity_id), array_agg(change) INTO ids, amounts FROM changed WHERE change <> 0;
    PERFORM newsapp_entitystats_add(ids, NULL, amounts);
END $$;

CREATE FUNCTION newsapp_entitystats_participation_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    persons bigint[];
    meetings bigint[];
    signs integer[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(person_id), array_agg(meeting_id), array_agg(1)
        INTO persons, meetings, signs FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(person_id), array_agg(meeting_id), array_agg(-1)
        INTO persons, meetings, signs FROM old_rows;
    ELSE
        -- Only rows moved to another meeting or person: a new role changes no count.
        SELECT array_agg(person_id), array_agg(meeting_id), array_agg(sign)
        INTO persons, meetings, signs
        FROM (
            (SELECT person_id, meeting_id, -1 AS sign FROM old_rows
             EXCEPT SELECT person_id, meeting_id, -1 FROM new_rows)
            UNION ALL
            (SELECT person_id, meeting_id, 1 FROM new_rows
             EXCEPT SELECT person_id, meeting_id, 1 FROM old_rows)
        ) moved;
    END IF;
    IF persons IS NOT NULL THEN
        PERFORM newsapp_entitystats_participations_changed(persons, meetings, signs);
    END IF;
    RETURN NULL;
END $$;

-- Meetings whose place, occasion or visibility one statement changed: before and after each.
CREATE FUNCTION newsapp_entitystats_meetings_changed(
    meetings bigint[],
    old_places bigint[], old_occasions bigint[], old_visible boolean[],
    new_places bigint[], new_occasions bigint[], new_visible boolean[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
    amounts integer[];
BEGIN
    WITH c AS (
        SELECT * FROM unnest(
            meetings, old_places, old_occasions, old_visible,
            new_places, new_occasions, new_visible
        ) AS c(meeting_id, place_before, occasion_before, visible_before,
               place_after, occasion_after, visible_after)
    ), related AS (
        -- Everyone the meeting concerns, either side; its participants are the same on both.
        SELECT c.*, e.entity_id,
               EXISTS (
                   SELECT 1 FROM newsapp_participation p
                   WHERE p.meeting_id = c.meeting_id AND p.person_id = e.entity_id
               ) AS takes_part
        FROM c CROSS JOIN LATERAL (
            SELECT c.place_before UNION SELECT c.occasion_before
            UNION SELECT c.place_after UNION SELECT c.occasion_after
            UNION SELECT p.person_id FROM newsapp_participation p WHERE p.meeting_id = c.meeting_id
        ) e(entity_id)
        WHERE e.entity_id IS NOT NULL
    ), changed AS (
        SELECT entity_id,
               (visible_after AND (takes_part OR entity_id IS NOT DISTINCT FROM place_after
                                   OR entity_id IS NOT DISTINCT FROM occasion_after))::integer
             - (visible_before AND (takes_part OR entity_id IS NOT DISTINCT FROM place_before
                                    OR entity_id IS NOT DISTINCT FROM occasion_before))::integer AS change
        FROM related
    )
    SELECT array_agg(entity_id), array_agg(change) INTO ids, amounts FROM changed WHERE change <> 0;
    PERFORM newsapp_entitystats_add(ids, NULL, amounts);
END $$;

CREATE FUNCTION newsapp_entitystats_meeting_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    meetings bigint[];
    old_places bigint[];
    old_occasions bigint[];
    old_visible boolean[];
    new_places bigint[];
    new_occasions bigint[];
    new_visible boolean[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id), array_agg(NULL::bigint), array_agg(NULL::bigint), array_agg(false),
               array_agg(location_id), array_agg(occasion_id), array_agg({_VISIBLE.format(row="n")})
        INTO meetings, old_places, old_occasions, old_visible,
             new_places, new_occasions, new_visible
        FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id), array_agg(location_id), array_agg(occasion_id), array_agg({_VISIBLE.format(row="o")}),
               array_agg(NULL::bigint), array_agg(NULL::bigint), array_agg(false)
        INTO meetings, old_places, old_occasions, old_visible,
             new_places, new_occasions, new_visible
        FROM old_rows o;
    ELSE
        -- Most updates (dates, summaries, the version triggers' timestamps) change nothing counted.
        SELECT array_agg(o.id),
               array_agg(o.location_id), array_agg(o.occasion_id), array_agg({_VISIBLE.format(row="o")}),
               array_agg(n.location_id), array_agg(n.occasion_id), array_agg({_VISIBLE.format(row="n")})
        INTO meetings, old_places, old_occasions, old_visible,
             new_places, new_occasions, new_visible
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.location_id, o.occasion_id, {_VISIBLE.format(row="o")})
              IS DISTINCT FROM (n.location_id, n.occasion_id, {_VISIBLE.format(row="n")});
    END IF;
    IF meetings IS NOT NULL THEN
        PERFORM newsapp_entitystats_meetings_changed(
            meetings, old_places, old_occasions, old_visible,
            new_places, new_occasions, new_visible
        );
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION newsapp_entitystats_entity_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO newsapp_entitystats (entity_id, articles, meetings) VALUES (NEW.id, 0, 0)
    ON CONFLICT (entity_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION newsapp_entitystats_truncate_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {RECOUNT};
    RETURN NULL;
END $$;
"""

# Each table's three statement triggers call its one function (each branch reads
# only the transition tables its trigger declares), and a TRUNCATE recounts.
COUNTED_TABLES = ("mention", "participation", "meeting")
TRANSITIONS = {
    "insert": "NEW TABLE AS new_rows",
    "delete": "OLD TABLE AS old_rows",
    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
}
STATEMENT_TRIGGERS = [
    (f"newsapp_entitystats_{table}_{event}", f"newsapp_{table}", f"""
    AFTER {event.upper()} ON newsapp_{table} REFERENCING {transition}
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_entitystats_{table}_trigger()""")
    for table in COUNTED_TABLES
    for event, transition in TRANSITIONS.items()
] + [
    (f"newsapp_entitystats_{table}_truncate", f"newsapp_{table}", f"""
    AFTER TRUNCATE ON newsapp_{table}
    FOR EACH STATEMENT EXECUTE FUNCTION newsapp_entitystats_truncate_trigger()""")
    for table in COUNTED_TABLES
]  # fmt: skip

TRIGGERS = """
ALTER TABLE newsapp_entitystats ADD CONSTRAINT newsapp_entitystats_entity_fk
    FOREIGN KEY (entity_id) REFERENCES newsapp_entity (id) ON DELETE CASCADE;

CREATE TRIGGER newsapp_entitystats_entity_insert
    AFTER INSERT ON newsapp_entity FOR EACH ROW
    EXECUTE FUNCTION newsapp_entitystats_entity_trigger();
""" + "".join(f"CREATE TRIGGER {name}{body};\n" for name, _table, body in STATEMENT_TRIGGERS)

DROP = (
    "DROP TRIGGER newsapp_entitystats_entity_insert ON newsapp_entity;\n"
    + "".join(f"DROP TRIGGER {name} ON {table};\n" for name, table, _body in STATEMENT_TRIGGERS)
    + """
DROP FUNCTION newsapp_entitystats_truncate_trigger();
DROP FUNCTION newsapp_entitystats_entity_trigger();
DROP FUNCTION newsapp_entitystats_meeting_trigger();
DROP FUNCTION newsapp_entitystats_meetings_changed(
    bigint[], bigint[], bigint[], boolean[], bigint[], bigint[], boolean[]);
DROP FUNCTION newsapp_entitystats_participation_trigger();
DROP FUNCTION newsapp_entitystats_participations_changed(bigint[], bigint[], integer[]);
DROP FUNCTION newsapp_entitystats_mention_trigger();
DROP FUNCTION newsapp_entitystats_mentions_changed(bigint[], bigint[], integer[]);
DROP FUNCTION newsapp_entitystats_add(bigint[], integer[], integer[]);
ALTER TABLE newsapp_entitystats DROP CONSTRAINT newsapp_entitystats_entity_fk;
"""
)


class Migration(migrations.Migration):
    dependencies = [
        ("newsapp", "0009_entity_name_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="EntityStats",
            fields=[
                (
                    "entity",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=models.DO_NOTHING,
                        primary_key=True,
                        related_name="stats",
                        serialize=False,
                        to="newsapp.entity",
                        verbose_name="الكيان",
                    ),
                ),
                ("articles", models.PositiveIntegerField(default=0, verbose_name="عدد المقالات")),
                ("meetings", models.PositiveIntegerField(default=0, verbose_name="عدد اللقاءات")),
            ],
            options={
                "verbose_name": "إحصاء كيان",
                "verbose_name_plural": "إحصاءات الكيانات",
            },
        ),
        migrations.RunSQL(FUNCTIONS + TRIGGERS, DROP),
        migrations.RunSQL(RECOUNT, migrations.RunSQL.noop),
    ]
