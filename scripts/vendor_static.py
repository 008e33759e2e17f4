"""Refresh ``static/vendor/`` from the npm registry, at the pinned versions below.

Run from the repository root (needs ``npm``; nothing else is fetched)::

    .venv/bin/python scripts/vendor_static.py

Each package is fetched with ``npm pack`` (the registry's own tarball), only the
files the pages use are copied, each next to its LICENSE. The result is
committed: the app and its tests never fetch anything at run time (no CDN).

Bootstrap Icons are not copied whole: the few icons the pages use are joined
into one small SVG sprite (``static/vendor/bootstrap-icons/sprite.svg``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "static" / "vendor"

# package@version -> {path in the tarball (under package/): path under static/vendor/}
PACKAGES: dict[str, dict[str, str]] = {
    "bootstrap@5.3.9": {
        "dist/css/bootstrap.rtl.min.css": "bootstrap/bootstrap.rtl.min.css",
        "dist/js/bootstrap.bundle.min.js": "bootstrap/bootstrap.bundle.min.js",
        "LICENSE": "bootstrap/LICENSE",
    },
    "htmx.org@2.0.11": {
        "dist/htmx.min.js": "htmx/htmx.min.js",
        "LICENSE": "htmx/LICENSE",
    },
    "@fontsource/ibm-plex-sans-arabic@5.3.0": {
        **{
            f"files/ibm-plex-sans-arabic-{subset}-{weight}-normal.woff2": (
                f"ibm-plex-sans-arabic/ibm-plex-sans-arabic-{subset}-{weight}-normal.woff2"
            )
            for subset in ("arabic", "latin")
            for weight in (400, 700)
        },
        "LICENSE": "ibm-plex-sans-arabic/LICENSE",
    },
    "bootstrap-icons@1.13.1": {
        "LICENSE": "bootstrap-icons/LICENSE",
    },
}

# Icons joined into the sprite: the four kinds of contact and a few page marks.
ICONS = [
    "telephone",
    "camera-video",
    "people",
    "airplane",
    "calendar-event",
    "geo-alt",
    "flag",
    "newspaper",
    "person",
    "building",
    "search",
    "clock-history",
]


def npm_pack(spec: str, into: Path) -> Path:
    out = subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(into)],
        check=True,
        capture_output=True,
        text=True,
    )
    return into / out.stdout.strip().splitlines()[-1]


def sprite(tar: tarfile.TarFile) -> str:
    symbols = []
    for name in ICONS:
        svg = tar.extractfile(f"package/icons/{name}.svg").read().decode()
        view_box = re.search(r'viewBox="([^"]+)"', svg).group(1)
        inner = re.sub(r"^.*?<svg[^>]*>|</svg>\s*$", "", svg, flags=re.S).strip()
        symbols.append(f'<symbol id="{name}" viewBox="{view_box}">{inner}</symbol>')
    return '<svg xmlns="http://www.w3.org/2000/svg">\n' + "\n".join(symbols) + "\n</svg>\n"


def main() -> int:
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    with tempfile.TemporaryDirectory() as tmp:
        for spec, files in PACKAGES.items():
            tarball = npm_pack(spec, Path(tmp))
            with tarfile.open(tarball) as tar:
                for inner, target in files.items():
                    dest = VENDOR / target
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(tar.extractfile(f"package/{inner}").read())
                if spec.startswith("bootstrap-icons@"):
                    (VENDOR / "bootstrap-icons" / "sprite.svg").write_text(sprite(tar))
            print(f"vendored {spec}")
    (VENDOR / "VERSIONS.txt").write_text("\n".join(PACKAGES) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
