"""The text pipeline never imports Django (GUIDE §1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_pipeline_does_not_import_django():
    code = (
        "import sys\n"
        "import newsapp.nlp.pipeline, newsapp.nlp.evaluation, newsapp.nlp.catalog_files\n"
        "from datetime import date\n"
        "from newsapp.nlp.types import Gazetteer\n"
        "newsapp.nlp.pipeline.analyze('التقى بوتين شي', date(2024, 1, 1), Gazetteer())\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
