"""Production static files: WhiteNoise's hashed and compressed storage, minus source maps.

The vendored minified files (Bootstrap) end with a ``sourceMappingURL`` comment
naming a ``.map`` file that is not shipped; Django's manifest storage follows
that reference and ``collectstatic`` fails on the missing file. Source maps
only help a browser's developer tools, so the storage leaves those comments
alone instead.
"""

from __future__ import annotations

from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns: tuple) -> tuple:
    def names_a_map(pattern: str | tuple[str, str]) -> bool:
        return "sourceMappingURL" in (pattern if isinstance(pattern, str) else pattern[0])

    return tuple((kind, tuple(p for p in found if not names_a_map(p))) for kind, found in patterns)


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(ManifestStaticFilesStorage.patterns)
