"""The package holds only what the tools may read: no symbolic link, no special file (fifo, socket,
device), and no file or folder that the layout of ipplans.safety does not allow, in data/,
data/sources/, schemas/ or among the top-level files.

The first check: it looks at names and modes only, before anything is opened. When it finds
anything, it reports every entry and the run stops there, as every other tool refuses the package.
"""
from __future__ import annotations

from ipplans.safety import FILE_MESSAGES, unsafe_entries
from ipplans.validate.context import Context

CODES = ('unsafe-file',)
MESSAGES = FILE_MESSAGES


def run(ctx: Context) -> None:
    for entry in unsafe_entries(ctx.dir):
        ctx.add(entry.path, None, None, 'unsafe-file', entry.kind, **dict(entry.params))
        ctx.refused = True
