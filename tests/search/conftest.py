import pytest


@pytest.fixture
def seeded(catalog, seeds_dir):
    """The five seed articles through the real ingest (search columns and analysis)."""
    from newsapp.models import Article
    from newsapp.services.ingest import ingest_paths

    ingest_paths([seeds_dir])
    return {a.title: a for a in Article.objects.all()}
