"""Does an e-mail address give away a name? Used to leave out the address of a person whose name is hidden.

People write their names with accents ('Zoë Ng', 'José Núñez') or in scripts other than Latin, while
their addresses are ASCII ('zoe.ng@', 'j.nunez@', 'li.wu@' for 李武). Both sides are therefore
transliterated (anyascii: a maintained table of Unicode to ASCII, where a hand-made one would miss most
scripts), folded to lower case and split into words; then the address spells the name when one of its
words is a name part of two letters or more, the initials, or a name part with an initial before or
after it, or when it contains a name part of three letters or more.
"""

from __future__ import annotations

import re

from anyascii import anyascii

# Words: runs of letters, with a capital starting a new word ('LiWu', transliterated from 李武, is two).
_WORDS = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+")


def name_parts(text: str) -> list[str]:
    """The words of a name or an address, transliterated to ASCII and in lower case."""
    return [word.lower() for word in _WORDS.findall(anyascii(text))]


def spells(address: str, name: str, role: str = "") -> bool:
    """True when the local part of `address` (before the @) gives away `name`.

    Words the name shares with `role` (the person's title) are left out of the comparison: an inbox named
    for the role ('intake@' for the Intake Team) gives away nobody, while 'director.jane@' still does."""
    local = address.split("@", 1)[0]
    local_words = name_parts(local)
    words, joined = set(local_words), "".join(local_words)
    role_words = set(name_parts(role))
    parts = [part for part in name_parts(name) if len(part) >= 2 and part not in role_words]
    if not parts:
        return False
    initials = "".join(part[0] for part in parts)
    if len(initials) >= 2 and initials in words:
        return True
    for part in parts:
        if part in words or (len(part) >= 3 and part in joined):
            return True
        # 'lwu' or 'wul': a short name part joined to an initial.
        if any(word in (initial + part, part + initial) for word in words for initial in initials):
            return True
    return "".join(parts) in joined
