"""Where things are: the repository, and the one rule for paths named inside a package."""
from __future__ import annotations

from pathlib import Path, PurePosixPath

# The repository (src/ipplans/paths.py → the checkout): its package is the default one,
# and mkdocs.yml, docs/, overrides/ and hooks/ are read from it to build the site.
REPO = Path(__file__).resolve().parents[2]


def safe_relative(rel: object) -> PurePosixPath | None:
    """A path named in the package (descriptor, plans.source_file) as a relative POSIX path that
    stays inside the package, or None: absolute paths, '..', backslashes, empty paths, addresses
    (http:, file: … and drive letters: any ':') and control characters are refused."""
    if not isinstance(rel, str) or not rel or '\\' in rel or ':' in rel or not rel.isprintable():
        return None
    pure = PurePosixPath(rel)
    if pure.is_absolute() or '..' in pure.parts:
        return None
    return pure
