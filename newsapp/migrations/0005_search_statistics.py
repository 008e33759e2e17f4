"""Finer statistics for the search columns, so the planner tells a rare word from a common one.

With the default target (100) PostgreSQL keeps the 1,000 most common lexemes,
the last of them in ~5% of the articles, and takes any other word for one in
0.5%: a word found in 20 articles was planned as if in 500. At 1,000 it keeps
10,000 lexemes and plans a rare word by its GIN matches alone. ANALYZE reads
more rows (about 8 s at 100,000 articles, on a busy machine).
"""

from django.db import migrations

TARGET = 1000
COLUMNS = ("search_stemmed", "search_normalized")


def _alter(target: int) -> str:
    parts = ", ".join(f"ALTER COLUMN {column} SET STATISTICS {target}" for column in COLUMNS)
    return f"ALTER TABLE newsapp_article {parts}"


class Migration(migrations.Migration):
    dependencies = [
        ("newsapp", "0004_meeting_range_index"),
    ]

    operations = [
        migrations.RunSQL(_alter(TARGET), _alter(-1)),
    ]
