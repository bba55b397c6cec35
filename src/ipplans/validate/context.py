"""The state of one validation run, which the checks build and read in turn.

The package is built step by step as the checks read it (the descriptor, then each resource's
schema, file, text and table), so that a problem in one file never hides the problems of another.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ipplans.encoding import sniff
from ipplans.package import Package, Resource
from ipplans.safety import read_bytes
from ipplans.schema import field_docs
from ipplans.sources import Base
from ipplans.text import compact, shorten
from ipplans.validate.problem import Problem
from ipplans.validate.upstream import Upstream

# Message parameters that quote the data: cut to one short line.
QUOTED = ('cell', 'value', 'printed', 'error', 'note')


@dataclass
class Context:
    dir: Path
    messages: dict[str, tuple[str, str]]          # message key → (English, Chinese) templates
    package: Package | None = None                # None until the descriptor reads
    unreadable: set[str] = field(default_factory=set)   # resources whose schema or table cannot be used
    files: dict[str, Path] = field(default_factory=dict)  # resources whose file exists
    texts: dict[str, str] = field(default_factory=dict)   # their decoded text, until parsed
    upstream: Upstream | None = None              # Frictionless' report, once started
    problems: list[Problem] = field(default_factory=list)
    base: Base | None = None                      # the base revision of --base, for the add-only rules
    refused: bool = False                         # the package holds files no tool may read: stop
    upstream_blocked: bool = False                # the descriptor is not safe to hand to Frictionless
    _sources: dict[str, bytes | None] = field(default_factory=dict)
    _compacted: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, row: int | None, field: str | None, check: str, key: str, table: str | None = None,
            **params) -> None:
        """Report a problem; with `table`, the field's description from its schema follows the message."""
        en, zh = self.messages[key]
        params = {k: shorten(v) if k in QUOTED else v for k, v in params.items()}
        en, zh = en.format(**params), zh.format(**params)
        doc = field_docs(self.schema(table or '')).get(field or '', {})
        if doc.get('description'):
            en += f' [{field}: {doc["description"]}]'
        if doc.get('description_zh'):
            zh += f'［{field}：{doc["description_zh"]}］'
        self.problems.append(Problem(path, row, field, check, en, zh))

    # -- what the checks ask ---------------------------------------------------------------------
    @property
    def resources(self) -> dict[str, Resource]:
        return self.package.resources if self.package else {}

    def schema(self, name: str) -> dict:
        """The resource's schema ({} when it has none that loads)."""
        return self.package.schema(name) if self.package else {}

    def path(self, name: str) -> str:
        return self.resources[name].path

    def tables(self) -> list[Resource]:
        """The resources whose file parsed as CSV, in descriptor order."""
        return [r for r in self.resources.values() if r.table is not None]

    def readable(self, name: str) -> bool:
        """The table parsed and matches its schema, so its rows can be checked."""
        resource = self.resources.get(name)
        return resource is not None and resource.table is not None and name not in self.unreadable

    def rows(self, name: str) -> list[tuple[int, dict[str, str]]]:
        """(CSV line, row) pairs of a readable table; [] for any other."""
        return self.resources[name].numbered() if self.readable(name) else []

    def reported(self, path: str, field: str) -> bool:
        """A problem is already reported at this file and field (the descriptor check said it first)."""
        return any(p.path == path and p.field == field for p in self.problems)

    def source(self, rel: str) -> bytes | None:
        """The bytes of an archived source the package names (read once), or None when the path
        leaves the package or names no regular file."""
        if rel not in self._sources:
            path = self.package.file(rel) if self.package else None
            try:
                self._sources[rel] = read_bytes(path) if path is not None else None
            except OSError:
                self._sources[rel] = None
        return self._sources[rel]

    def source_text(self, rel: str) -> str:
        """An archived source's text as compared with the data: decoded, NFKC, whitespace removed ('' if unreadable)."""
        if rel not in self._compacted:
            data = self.source(rel)
            self._compacted[rel] = compact(sniff(data).text or '') if data is not None else ''
        return self._compacted[rel]

    def upstream_report(self) -> dict:
        """Frictionless' report, as started beside the checks (or computed now if it never was);
        {'blocked': True} when the descriptor is not safe to hand to Frictionless."""
        if self.upstream_blocked:
            return {'blocked': True}
        if self.upstream is None:
            self.upstream = Upstream(self.dir / 'datapackage.json', parallel=False)
        return self.upstream.result()
