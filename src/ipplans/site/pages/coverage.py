"""The Coverage page's fragment (generated/coverage.md) and map (generated/coverage-map.svg): where
the package has curated plans, where plans are known but not yet curated (data/documents.csv), and,
per province and level, how many jurisdictions that is out of the register's (data/regions.csv).
This is the denominator a researcher needs to judge what the package selects."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from ipplans import chinamap
from ipplans.schema import enum_labels
from ipplans.site.links import FRAGMENTS
from ipplans.site.markup import attr, code, md, table_md
from ipplans.site.model import Row, Site

FOLDERS = (FRAGMENTS,)
MAP = 'coverage-map'
CURATED, KNOWN = 'curated', 'known'
CLASSES = {CURATED: ('#08519c', 'Curated plan · 已整理方案'),
           KNOWN: ('#f28e2b', 'Plan known, not yet curated · 已知、待整理的方案')}
LEVELS = ('province', 'prefecture', 'county')


def pages(site: Site) -> Iterator[tuple[str, str]]:
    coverage = Coverage(site)
    yield f'{FRAGMENTS}/{MAP}.svg', coverage.map_svg()
    yield f'{FRAGMENTS}/coverage.md', coverage.fragment()


class Coverage:
    def __init__(self, site: Site):
        self.site = site
        self.regions = {r['region_code']: r for r in site.rows('regions')}
        self.curated = [p for p in site.rows('plans') if p.get('region_code')]
        self.known = [d for d in site.rows('documents')
                      if d.get('local_ip_plan') == 'true' and not d.get('plan_id') and d.get('region_code')]
        self.shading = {d['region_code']: KNOWN for d in self.known}
        self.shading.update({p['region_code']: CURATED for p in self.curated})   # curated wins on a shared code
        placed = chinamap.locate(self.shading, self.regions)
        self.unplaced = sorted(c for c, shapes in placed.items() if not shapes)

    def map_svg(self) -> str:
        shading = {c: k for c, k in self.shading.items() if c not in self.unplaced}
        return chinamap.draw(shading, CLASSES, 'Local IP-protection plans by jurisdiction · 各地知识产权保护方案分布',
                             regions=self.regions)

    def province_of(self, region_code: str) -> str:
        row = self.regions.get(region_code, {})
        return row.get('province_code') or region_code

    def fragment(self) -> str:
        levels = {level: labels.get('en', level) for level, labels in enum_labels(self.site.schema('regions'), 'level').items()}
        parts = [
            f'![Map of China shaded by plan: {md("; ".join(label for _, label in CLASSES.values()))}; '
            f'{md(chinamap.BASE[1])}]({FRAGMENTS}/{MAP}.svg){{: .coverage-map }}\n',
            f'{md(chinamap.attribution())}. A county-level jurisdiction is shown by its prefecture, a province-level '
            'plan by its whole province; hover a shape in the map file for the codes it stands for.\n',
        ]
        if self.unplaced:
            parts.append('Not on the map (units newer than the boundaries): '
                         + ', '.join(f'{md(self.name(c))} {code(c)}' for c in self.unplaced) + '.\n')
        parts += ['## By level {#by-level}\n', self.level_table(levels),
                  '\n## By province {#by-province}\n', self.province_table(),
                  '\n## Known plans not yet curated {#wanted}\n', self.wanted_table()]
        return '\n'.join(parts)

    def name(self, region_code: str) -> str:
        return self.regions.get(region_code, {}).get('full_name', region_code)

    def jurisdictions(self, rows: list[Row], level: str | None = None, province: str | None = None) -> set[str]:
        return {r['region_code'] for r in rows
                if (level is None or self.regions.get(r['region_code'], {}).get('level') == level)
                and (province is None or self.province_of(r['region_code']) == province)}

    def register(self) -> list[Row]:
        return [r for r in self.regions.values() if r.get('status') == 'current']

    def level_table(self, levels: dict[str, str]) -> str:
        units = Counter(r['level'] for r in self.register())
        rows = []
        for level in LEVELS:
            curated, known = self.jurisdictions(self.curated, level), self.jurisdictions(self.known, level)
            rows.append([md(levels.get(level, level)), str(units[level]), str(len(curated)), share(len(curated), units[level]),
                         str(len(known - curated))])
        return ('Jurisdictions per level in the register (current units), and how many have a plan in the package '
                'or a known plan not yet curated.\n\n'
                + table_md(['Level', 'Jurisdictions', 'With a curated plan', 'Share', 'With only a known plan'], rows))

    def province_table(self) -> str:
        units: dict[str, Counter] = defaultdict(Counter)
        for r in self.register():
            units[r.get('province_code') or r['region_code']][r['level']] += 1
        plans = Counter(self.province_of(p['region_code']) for p in self.curated)
        known = Counter(self.province_of(d['region_code']) for d in self.known)
        rows = []
        for province in sorted(units):
            cells = [md(self.name(province)), str(plans[province]), str(known[province])]
            for level in LEVELS[1:]:
                have = len(self.jurisdictions(self.curated, level, province))
                cells.append(f'{have} of {units[province][level]}' if units[province][level] else '–')
            rows.append(cells)
        return ('Every province-level unit of the register: plans in the package, known plans not yet curated, and '
                'prefecture- and county-level jurisdictions with a curated plan out of those the province has.\n\n'
                + table_md(['Province', 'Curated plans', 'Known, not curated', 'Prefectures with a plan',
                            'Counties with a plan'], rows))

    def wanted_table(self) -> str:
        if not self.known:
            return 'None: every local plan the register knows is curated.\n'
        genres = {g: labels.get('en', g) for g, labels in enum_labels(self.site.schema('documents'), 'genre').items()}
        rows = [[md(d['title'] or '(title not captured)'), md(self.name(d['region_code'])), md(d.get('date_signed', '')[:4]),
                 md(genres.get(d.get('genre', ''), d.get('genre', ''))),
                 f'<a href="{attr(d["source_url"])}" rel="nofollow">copy</a>' if d.get('source_url') else '']
                for d in sorted(self.known, key=lambda d: (d['region_code'], d.get('date_signed', ''), d['document_id']))]
        return (f'{len(self.known)} local IP plans listed in `data/documents.csv` without a `plan_id`: '
                'the plans a contributor can add next (see Contributing).\n\n'
                + table_md(['Title', 'Jurisdiction', 'Year', 'Genre', 'Where a copy was seen'], rows))


def share(part: int, whole: int) -> str:
    return f'{100 * part / whole:.1f}%' if whole else '–'
