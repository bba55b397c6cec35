"""Printed agency strings to agency ids: an agency of the region in the package (through its aliases,
scoped ones and nameplates), or a new agency the draft proposes, with a guess note for the reviewer."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ipplans.coder import propose_function
from ipplans.ingest.agencies import AgencyBook, core_name, guess_kind
from ipplans.ingest.region import Region

if TYPE_CHECKING:
    from ipplans.ingest.draft import Draft


class AgencyResolver:
    """Gives each printed agency string an agency_id: an agency of the region in the package, or a new
    agency it proposes; records spellings the package lacks as alias rows. Aliases scoped to this plan
    count, those of the region's other plans do not (AgencyBook.load)."""

    def __init__(self, tables: dict[str, list[dict[str, str]]], region: Region | None, plan_id: str, result: Draft,
                 issuers: tuple[str, ...] = ()):
        self.region, self.result, self.plan_id = region, result, plan_id
        self.code = region.code if region else ''
        # without a region the book holds only the agencies this draft proposes
        self.book = AgencyBook.load(tables, self.code, region.name if region else '', plan_id)
        self.prefix = self.book.region_slug or (plan_id.split('-')[0] if not plan_id.startswith('draft-') else 'new')
        self.ids = {row['agency_id'] for row in tables.get('agencies', [])}
        self.kinds = {row['agency_id']: row.get('kind', '') for row in tables.get('agencies', [])}
        self.functions_of = {row['agency_id']: row.get('function', '') for row in tables.get('agencies', [])}
        self.aliases = {(row['region_code'], row['alias'], row.get('plan_id', '')) for row in tables.get('agency_aliases', [])}
        self.functions = tables.get('agency_functions', [])
        self.issuers = issuers   # the plan's publisher and issuer as printed: the likely body of a bare 法规科

    def known(self, printed: str) -> bool:
        """The package (or this draft) has the spelling for the whole region or for this plan."""
        return (self.code, printed, '') in self.aliases or (self.code, printed, self.plan_id) in self.aliases

    def agency_for(self, printed: str, where: str) -> str:
        match = self.book.match(printed)
        scope = ''
        if match is None:
            agency_id, scope = self.propose(printed)
            self.book.exact[printed] = agency_id
            self.book.add(printed, agency_id)
        else:
            agency_id = match.agency_id
            if match.how == 'normalised':
                self.result.guess('agency_aliases', f'{self.code}:{printed}', 'agency_id',
                                  f'{where}: {printed!r} matched to {agency_id} after normalisation; check it')
        if not self.known(printed):
            self.aliases.add((self.code, printed, scope))
            self.result.tables['agency_aliases'].append({'region_code': self.code, 'alias': printed, 'agency_id': agency_id,
                                                         'plan_id': scope})
        return agency_id

    def parent(self, printed: str) -> tuple[str, str]:
        """(parent agency_id, how it was found) for a unit: the agency its printed name starts with, else the
        plan's publisher or issuer when exactly one known agency; ('', '') when neither."""
        found = self.book.parent_of(printed)
        if found and self.kinds.get(found) != 'internal_unit':
            return found, 'its printed name starts with that agency\'s'
        names = [name for issuer in self.issuers for name in re.split(r'[、,，\s]+', issuer) if name]
        candidates = {m.agency_id for m in map(self.book.match, names) if m}
        candidates = {c for c in candidates if self.kinds.get(c) != 'internal_unit'}
        if len(candidates) == 1:
            return candidates.pop(), 'the plan\'s publisher or issuer'
        return '', ''

    def propose(self, printed: str) -> tuple[str, str]:
        """A new agency row for a printed name the package does not know, and the scope of its alias: an
        internal unit printed without its parent's name (法规科) holds only in this plan."""
        region_name = self.region.name if self.region else ''
        slug = self.book.slug_of_core.get(core_name(printed, region_name)) or 'agency'
        agency_id, n = f'{self.prefix}-{slug}', 1
        while agency_id in self.ids:
            n += 1
            agency_id = f'{self.prefix}-{slug}-{n}'
        self.ids.add(agency_id)
        # 区商务局 in 重庆市荣昌区 → 重庆市荣昌区商务局; a 市 unit in a district plan keeps its printed name
        name = region_name + printed[1:] if region_name and printed[:1] == region_name[-1:] and not printed.startswith('市场') else printed
        function = propose_function(name, self.functions)
        kind = guess_kind(printed)
        parent, how, scope = '', '', ''
        if kind == 'internal_unit':
            parent, how = self.parent(printed)
            prefixed = bool(parent) and how.startswith('its printed name')
            scope = '' if prefixed else self.plan_id
            if parent and not function:
                function = self.functions_of.get(parent, '')
        self.kinds[agency_id], self.functions_of[agency_id] = kind, function
        self.result.tables['agencies'].append({
            'agency_id': agency_id, 'name': name, 'name_en': '', 'region_code': self.code, 'kind': kind,
            'function': function, 'parent_agency_id': parent,
            'note': f'Proposed by ingest from the printed form {printed}; check the canonical name, id, kind and function.'})
        self.result.guess('agencies', agency_id, 'name',
                          f'new agency {agency_id} for {printed!r}: check name, kind, function ({function or "none proposed"}) '
                          'and whether it is an existing agency')
        if kind == 'internal_unit':
            self.result.guess('agencies', agency_id, 'parent_agency_id',
                              f'{printed!r} looks like an internal unit: parent {parent} guessed from {how}; check it' if parent else
                              f'{printed!r} looks like an internal unit: no parent found; fill parent_agency_id with the agency it belongs to')
            if scope:
                self.result.guess('agency_aliases', f'{self.code}:{printed}:{scope}', 'plan_id',
                                  f'{printed!r} is scoped to this plan: an internal unit\'s bare name may be another body\'s unit in another plan')
        return agency_id, scope
