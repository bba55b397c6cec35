"""An internal unit belongs to an agency: it has a parent (parent_agency_id), which is not itself nor
one of its own units (no cycles) and is in its region, unless a curation note on the row's
parent_agency_id says why not; an agency of any other kind has no parent. That the parent exists
is the foreign key's to report."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('parent',)
INTERNAL = 'internal_unit'
MESSAGES = {
    'parent-missing': ('agency {agency} is an internal unit but names no parent: write in parent_agency_id the agency_id of the '
                       'agency it belongs to (the bureau whose 科 or 所 it is).',
                       '单位 {agency} 是内设机构，但未填所属单位：请在 parent_agency_id 中填写其所属单位（该科、所所在的局）的 agency_id。'),
    'parent-not-internal': ('agency {agency} is of kind {kind} but names parent {parent}: only an internal unit has a parent. Empty '
                            'parent_agency_id, or set kind to internal_unit if {agency} is a unit inside {parent}.',
                            '单位 {agency} 的类型为 {kind}，却填了所属单位 {parent}：只有内设机构才有所属单位。请清空 parent_agency_id；'
                            '若 {agency} 是 {parent} 的内设机构，请将 kind 改为 internal_unit。'),
    'parent-self': ('agency {agency} names itself as its parent: write the agency_id of the agency it belongs to.',
                    '单位 {agency} 的所属单位填的是其本身：请填写其所属单位的 agency_id。'),
    'parent-cycle': ('the parents of agency {agency} go round in a circle ({chain}): one of them must belong to an agency that is '
                     'not an internal unit; correct parent_agency_id.',
                     '单位 {agency} 的所属关系形成循环（{chain}）：其中必须有一个属于非内设机构的单位；请更正 parent_agency_id。'),
    'parent-region': ('agency {agency} is in region {region} but its parent {parent} is in region {parent_region}: give the unit its '
                      'parent\'s region, correct the parent, or, if the unit really sits in another region than its parent (a '
                      'branch office), say why in a curation note on this row (table_name agencies, row_key {agency}, field '
                      'parent_agency_id).',
                      '单位 {agency} 属于地区 {region}，但其所属单位 {parent} 属于地区 {parent_region}：请将其地区改为所属单位的地区，'
                      '或更正所属单位；若该机构确实与所属单位不在同一地区（如派出机构），请在整理说明中对此行说明原因'
                      '（table_name 为 agencies，row_key 为 {agency}，field 为 parent_agency_id）。'),
}


def explained(ctx: Context) -> set[str]:
    """Agencies whose parent_agency_id a curation note explains."""
    return {note.get('row_key', '') for _, note in ctx.rows('curation_notes')
            if note.get('table_name') == 'agencies' and note.get('field') == 'parent_agency_id'}


def cycle(start: str, parent: dict[str, str]) -> list[str] | None:
    """The chain of parents from `start` back to itself, or None when it ends (or joins a cycle elsewhere)."""
    chain, seen = [start], {start}
    current = parent.get(start, '')
    while current:
        if current == start:
            return chain + [start]
        if current in seen:
            return None
        chain.append(current)
        seen.add(current)
        current = parent.get(current, '')
    return None


def run(ctx: Context) -> None:
    rows = ctx.rows('agencies')
    agencies = {row.get('agency_id', ''): row for _, row in rows}
    parent = {agency: row.get('parent_agency_id', '') for agency, row in agencies.items()}
    notes = explained(ctx)
    path = ctx.path('agencies') if rows else ''
    for line, row in rows:
        agency, kind, up = row.get('agency_id', ''), row.get('kind', ''), row.get('parent_agency_id', '')

        def report(key: str, **params) -> None:
            ctx.add(path, line, 'parent_agency_id', 'parent', key, table='agencies', agency=agency, **params)

        if kind == INTERNAL and not up:
            report('parent-missing')
        elif kind != INTERNAL and up:
            report('parent-not-internal', kind=kind, parent=up)
        elif up == agency:
            report('parent-self')
        elif up and cycle(agency, parent):
            report('parent-cycle', chain=' → '.join(cycle(agency, parent)))
        elif up in agencies and agencies[up].get('region_code') != row.get('region_code') and agency not in notes:
            report('parent-region', region=row.get('region_code', ''), parent=up, parent_region=agencies[up].get('region_code', ''))
