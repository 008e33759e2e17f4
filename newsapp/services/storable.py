"""Text PostgreSQL cannot store, named before it reaches the database.

Two kinds of character exist in Python strings but not in a PostgreSQL
``text`` column: NUL (U+0000) and lone UTF-16 surrogates (U+D800–U+DFFF, which
a JSON ``"\\ud800"`` escape produces). Rather than silently altering what was
written, an article carrying either is rejected with a reason that says which
character, in which field, at which position.
"""

from __future__ import annotations

import re

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_reason(**fields: str | None) -> str:
    """The Arabic reason the first unstorable character makes a field unstorable, or ``""``.

    >>> unstorable_reason(body="نص سليم", title=None)
    ''
    >>> unstorable_reason(body="نص\\x00")
    'الحقل body يحتوي على المحرف U+0000 (NUL) في الموضع 2، ولا يمكن حفظه'
    """
    for name, text in fields.items():
        if not text:
            continue
        found = _UNSTORABLE.search(text)
        if found:
            code = ord(found.group())
            what = "NUL" if code == 0 else "نصف زوج بديل منفرد"
            return f"الحقل {name} يحتوي على المحرف U+{code:04X} ({what}) في الموضع {found.start()}، ولا يمكن حفظه"
    return ""
