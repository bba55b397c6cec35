"""Archived sources are hashed.

Each plan records the SHA-256 of its archived source's bytes in `plans.source_sha256` (the one home
of the hash; `ipplans fix` fills it for a new source, never over a recorded one). The validator
checks every file against it, and flags the same document archived twice (the same bytes, or the
same text after NFKC and whitespace removal).
"""
from __future__ import annotations

import hashlib

TABLE = 'plans'                 # the table that names each plan's archived source …
FILE_FIELD = 'source_file'      # … in this field,
HASH_FIELD = 'source_sha256'    # and records the SHA-256 of its bytes in this one


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
