"""The site's view of the package: the package as read by ipplans.package, with the groupings the
pages ask for again and again worked out once, the labels of allowed values from the schemas, and
the downloads' manifest.

The build does not validate the package, so a broken row can still be previewed: rows that refer
to missing plans, measures or agencies stay in the groupings and are shown without a link.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

from ipplans.package import Package, PackageError
from ipplans.site.labels import caution_values, value_labels

Row = dict[str, str]
# Archived sources the site publishes: text files directly in data/sources/, with names safe in a URL.
ARCHIVED_SOURCE = re.compile(r'^data/sources/[A-Za-z0-9_.-]+\.txt$')


class SiteError(Exception):
    """A problem the reader of the message can fix (bad arguments, missing files)."""


def sort_number(text: str) -> tuple[int, str]:
    return (int(text), '') if text.strip().isdigit() else (sys.maxsize, text)


def grouped(rows: list[Row], key: str) -> dict[str, list[Row]]:
    """Rows by the value of one field, in table order within each group."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row.get(key, '')].append(row)
    return groups


def plan_label(plan: Row) -> str:
    """Plain-text short label: region and title."""
    return f"{plan.get('region_name', '')} · {plan.get('title', '')}"


@dataclass
class AgencyFacts:
    """What the site shows about agencies, grouped from the responsibilities, aliases, members and
    nameplates tables and the agencies' parents."""
    duties: dict[str, list[Row]]
    aliases: dict[str, list[str]]
    memberships: dict[str, list[Row]]
    scoped_aliases: dict[str, list[tuple[str, str]]]   # agency → (spelling, the plan it is scoped to)
    nameplates: dict[str, list[Row]]
    units: dict[str, list[Row]]                        # agency → its internal units (parent_agency_id)


class Site:
    """The package as the pages read it, and the downloads that go with it."""

    def __init__(self, package: Package, downloads: Path, manifest: list[dict] | None):
        self.package = package
        self.descriptor = package.descriptor
        self.downloads = downloads
        self.manifest = manifest
        self.plans = {r.get('plan_id', ''): r for r in self.rows('plans')}
        self.measures = {r.get('measure_id', ''): r for r in self.rows('measures')}
        self.agencies = {r.get('agency_id', ''): r for r in self.rows('agencies')}
        self._by_plan: dict[str, dict[str, list[Row]]] = {}
        self._links: dict[tuple[str, str], str] = {}  # HTML links, made once each

    def rows(self, table: str) -> list[Row]:
        return self.package.rows(table)

    def schema(self, table: str) -> dict:
        return self.package.schema(table)

    @property
    def table_names(self) -> list[str]:
        return self.package.table_names  # descriptor order

    def by_plan(self, table: str) -> dict[str, list[Row]]:
        """Rows of `table` grouped by plan_id (computed once per table: plan pages ask per plan)."""
        if table not in self._by_plan:
            self._by_plan[table] = dict(grouped(self.rows(table), 'plan_id'))
        return self._by_plan[table]

    def measures_in_order(self, plan_id: str) -> list[Row]:
        return sorted(self.by_plan('measures').get(plan_id, []), key=lambda r: sort_number(r.get('seq', '')))

    @cached_property
    def duties_by_measure(self) -> dict[str, list[Row]]:
        """Responsibilities by measure, in their printed order."""
        groups = grouped(self.rows('responsibilities'), 'measure_id')
        for rows in groups.values():
            rows.sort(key=lambda r: sort_number(r.get('seq', '')))
        return groups

    @cached_property
    def agency_facts(self) -> AgencyFacts:
        aliases: dict[str, list[str]] = defaultdict(list)
        scoped: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for row in self.rows('agency_aliases'):
            if row.get('plan_id'):
                scoped[row.get('agency_id', '')].append((row.get('alias', ''), row['plan_id']))
            else:
                aliases[row.get('agency_id', '')].append(row.get('alias', ''))
        units = grouped([r for r in self.rows('agencies') if r.get('parent_agency_id')], 'parent_agency_id')
        return AgencyFacts(grouped(self.rows('responsibilities'), 'agency_id'), aliases,
                           grouped(self.rows('members'), 'agency_id'), scoped,
                           grouped(self.rows('agency_nameplates'), 'agency_id') if 'agency_nameplates' in self.table_names else {},
                           units)

    @cached_property
    def agencies_by_region(self) -> dict[str, list[Row]]:
        return grouped(self.rows('agencies'), 'region_code')

    @cached_property
    def region_names(self) -> dict[str, str]:
        """Region code → name, as the plans give it."""
        return {p.get('region_code', ''): p.get('region_name', '') for p in self.rows('plans')}

    @cached_property
    def roles(self) -> dict[str, str]:
        """Each role an agency can have for a measure → its label ('Lead 牵头'), in the schema's order."""
        return value_labels(self.schema('responsibilities'), 'role')

    @cached_property
    def levels(self) -> dict[str, str]:
        """Each administrative level → its label ('Province 省级'), in the schema's order."""
        return value_labels(self.schema('plans'), 'admin_level')

    @cached_property
    def caution_sources(self) -> set[str]:
        """Source types readers must be warned about (reposts, mirrors)."""
        return caution_values(self.schema('plans'), 'source_type')

    def archived_source(self, plan: Row) -> Path | None:
        """The plan's archived raw text, when it lies in data/sources/ and exists."""
        return self.package.source_file(plan) if ARCHIVED_SOURCE.match(plan.get('source_file', '')) else None

    def table_files(self, table: str) -> list[str]:
        """Files of the manifest that hold this one table, in any format."""
        return [e['file'] for e in self.manifest or [] if e.get('table') == table]

    def link_once(self, key: tuple[str, str], make: Callable[[], str]) -> str:
        """An HTML link made once and reused: each agency and measure is linked from many rows."""
        if key not in self._links:
            self._links[key] = make()
        return self._links[key]


def load_manifest(downloads: Path) -> list[dict] | None:
    """The downloads' manifest.json (written by `ipplans export`), or None when there is none."""
    path = downloads / 'manifest.json'
    if not path.is_file():
        return None
    try:
        entries = json.loads(path.read_text(encoding='utf-8'))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SiteError(f'{path}: not valid JSON ({error})') from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get('file'), str) for e in entries):
        raise SiteError(f'{path}: expected a JSON list of objects with "file", "bytes", "sha256", "description"')
    return entries


def load_package(directory: Path) -> Package:
    try:
        return Package.load(directory)
    except PackageError as error:
        raise SiteError(f'{error} (pass the package directory with --package)') from None
