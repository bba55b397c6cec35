"""What changed between two versions of the package, row by row, and the version bump it needs.

    ipplans diff FROM [TO] [--format text|markdown|json] [--all] [--daff DIR] [--check-version]
    make diff FROM=v0.1.0 TO=.

FROM and TO are each a git revision (a tag such as v0.1.0, a commit, a branch; 'latest' is the
highest release tag), a package folder, or a release zip (ipplans.revisions reads them; a revision
is read with `git archive`, without network access and without touching the work tree). TO
defaults to the package in the current folder, FROM to 'latest'.

For every table it reports the rows added, removed and changed, matched by the table's primary key
as its schema declares it, and for each changed row the cells that differ, compared as the CSV
stores them (text, so "1.0" → "1" is a change). A table added or removed is reported with its row
count; fields added, removed or renamed and changes of type, allowed values, keys and
descriptions are reported from the schemas.

The minimum version bump follows the rules of CHANGELOG.md (Semantic Versioning for data):
  major  a table or a field removed or renamed, a field's type or format changed, a primary key
         changed, an allowed value removed, a resource's file moved, the licence changed;
  minor  a table or a field added, an allowed value added, other constraints or foreign keys
         changed, rows added to or removed from a table of stable identifiers (a new plan, measure,
         agency …; a retired id, recorded in retired_ids);
  patch  cells corrected, rows added or removed in the other tables (a responsibility, an alias),
         descriptions and labels changed;
  none   the data and schemas are the same.
A change in meaning that keeps names and types cannot be seen here: the maintainers may always bump
more than this minimum. While the major version is 0 (0.y.z), a change that needs a major bump is
released as a minor one (SemVer item 4 leaves 0.y.z free; npm and Cargo read it so).
--check-version compares the two packages' versions with the minimum and exits 1 when the bump is
too small.

Rows are aligned with daff (the tabular diff library behind `daff diff`, coopy's highlighter
format): its alignment matches rows by the primary key and columns by name (pairing a renamed
column by its content), and --daff DIR writes each changed table's diff in daff's highlighter
format (TABLE.csv; `daff render TABLE.csv` shows it as HTML). What daff does not give is read
from the alignment here: the changed cells of each matched row, and the schema changes, which
daff does not see. (frictionless has no diff of two tables.)

Exit status: 0 compared; 1 --check-version found the bump too small; 2 a version cannot be read
or the arguments are unusable.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import daff

from ipplans.package import Package, PackageError, Resource
from ipplans.revisions import RevisionError, open_version, version_key
from ipplans.schema import KEY_SEPARATOR

BUMPS = ('none', 'patch', 'minor', 'major')


@dataclass
class Reason:
    bump: str      # one of BUMPS
    text: str


@dataclass
class RowChange:
    key: str
    cells: list[tuple[str, str, str]]     # (field, old value, new value)


@dataclass
class TableDiff:
    name: str
    status: str                    # 'kept', 'added' or 'removed'
    key: list[str]                 # the primary key the rows were matched by ([] when none)
    stable: bool                   # the schema declares stable identifiers
    rows_before: int = 0
    rows_after: int = 0
    fields_added: list[str] = field(default_factory=list)
    fields_removed: list[str] = field(default_factory=list)
    fields_renamed: list[tuple[str, str]] = field(default_factory=list)
    schema: list[Reason] = field(default_factory=list)     # other changes of the schema and resource
    added: list[dict[str, str]] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    highlighter: list[list[str]] = field(default_factory=list, repr=False)   # daff's diff, for --daff

    def row_key(self, row: dict[str, str]) -> str:
        return KEY_SEPARATOR.join(row.get(name, '') for name in self.key) if self.key else json.dumps(row, ensure_ascii=False)

    @property
    def counts(self) -> dict[str, int]:
        return {'before': self.rows_before, 'after': self.rows_after, 'added': len(self.added),
                'removed': len(self.removed), 'changed': len(self.changed)}

    @property
    def has_changes(self) -> bool:
        return bool(self.status != 'kept' or self.added or self.removed or self.changed or self.fields_added
                    or self.fields_removed or self.fields_renamed or self.schema)

    def reasons(self) -> list[Reason]:
        if self.status == 'added':
            return [Reason('minor', f'table added: {self.name}')]
        if self.status == 'removed':
            return [Reason('major', f'table removed: {self.name}')]
        reasons = [Reason('major', f'field removed: {self.name}.{name}') for name in self.fields_removed]
        reasons += [Reason('major', f'field renamed: {self.name}.{old} → {new}') for old, new in self.fields_renamed]
        reasons += [Reason('minor', f'field added: {self.name}.{name}') for name in self.fields_added]
        reasons += self.schema
        kind = 'minor' if self.stable else 'patch'
        if self.added:
            reasons.append(Reason(kind, f'{self.name}: {len(self.added)} row(s) added'
                                        + (' (new identifiers)' if self.stable else '')))
        if self.removed:
            reasons.append(Reason(kind, f'{self.name}: {len(self.removed)} row(s) removed'
                                        + (' (identifiers retired)' if self.stable else '')))
        if self.changed:
            reasons.append(Reason('patch', f'{self.name}: {len(self.changed)} row(s) corrected'))
        return reasons


@dataclass
class PackageDiff:
    old_label: str
    new_label: str
    old_version: str
    new_version: str
    tables: list[TableDiff]
    package: list[Reason] = field(default_factory=list)    # changes of the descriptor itself

    def reasons(self) -> list[Reason]:
        return self.package + [reason for table in self.tables for reason in table.reasons()]

    @property
    def bump(self) -> str:
        return max((reason.bump for reason in self.reasons()), key=BUMPS.index, default='none')

    def table(self, name: str) -> TableDiff | None:
        return next((t for t in self.tables if t.name == name), None)


# --- comparing ------------------------------------------------------------------------------------

def table_view(resource: Resource) -> list[list[str]]:
    header = resource.table.header if resource.table else resource.field_names
    return [list(header)] + [[row.get(name, '') for name in header] for row in resource.rows]


def field_specs(resource: Resource) -> dict[str, dict]:
    return {spec['name']: spec for spec in resource.fields}


def matching_key(old: Resource, new: Resource, old_header: list[str], new_header: list[str]) -> list[str]:
    """The primary key to match rows by: the new schema's, else the old one's, if both tables have its fields."""
    for key in (new.primary_key, old.primary_key):
        if key and all(name in old_header and name in new_header for name in key):
            return key
    return []


def compare_fields(table: TableDiff, old: Resource, new: Resource, renamed: dict[str, str]) -> None:
    """Fields added, removed, renamed, and each kept field's changes, from the two schemas."""
    old_specs, new_specs = field_specs(old), field_specs(new)
    table.fields_renamed = [(a, b) for a, b in renamed.items() if a in old_specs and b in new_specs]
    gone, came = {a for a, _ in table.fields_renamed}, {b for _, b in table.fields_renamed}
    table.fields_removed = [name for name in old_specs if name not in new_specs and name not in gone]
    table.fields_added = [name for name in new_specs if name not in old_specs and name not in came]
    pairs = [(name, name) for name in old_specs if name in new_specs] + table.fields_renamed
    described = []
    for old_name, new_name in pairs:
        a, b = old_specs[old_name], new_specs[new_name]
        where = f'{table.name}.{new_name}'
        for prop, default in (('type', 'string'), ('format', 'default')):
            if a.get(prop, default) != b.get(prop, default):
                table.schema.append(Reason('major', f'{prop} changed: {where} {a.get(prop, default)} → {b.get(prop, default)}'))
        ca, cb = dict(a.get('constraints') or {}), dict(b.get('constraints') or {})
        ea, eb = ca.pop('enum', None), cb.pop('enum', None)
        if ea is not None and eb is not None:
            lost = [v for v in ea if v not in eb]
            new_values = [v for v in eb if v not in ea]
            if lost:
                table.schema.append(Reason('major', f'allowed values removed: {where} {", ".join(map(str, lost))}'))
            if new_values:
                table.schema.append(Reason('minor', f'allowed values added: {where} {", ".join(map(str, new_values))}'))
        elif ea != eb:
            table.schema.append(Reason('minor', f'list of allowed values {"added to" if eb else "dropped from"}: {where}'))
        if ca != cb:
            table.schema.append(Reason('minor', f'constraints changed: {where}'))
        rest = {k for k in set(a) | set(b) if k not in ('name', 'type', 'format', 'constraints')}
        if any(a.get(k) != b.get(k) for k in rest):
            described.append(new_name)
    if described:
        table.schema.append(Reason('patch', f'{table.name}: descriptions or labels changed ({", ".join(described)})'))
    if [n for n in old_specs if n in new_specs] != [n for n in new_specs if n in old_specs]:
        table.schema.append(Reason('patch', f'{table.name}: fields reordered'))


def compare_schemas(table: TableDiff, old: Resource, new: Resource) -> None:
    """The table-level properties of the schemas and resource entries."""
    a, b = old.schema or {}, new.schema or {}
    if old.primary_key != new.primary_key:
        table.schema.append(Reason('major', f'primary key changed: {table.name} ({", ".join(old.primary_key)}) → '
                                            f'({", ".join(new.primary_key)})'))
    if old.path != new.path:
        table.schema.append(Reason('major', f'file moved: {table.name} {old.path} → {new.path}'))
    if a.get('foreignKeys') != b.get('foreignKeys'):
        table.schema.append(Reason('minor', f'{table.name}: foreign keys changed'))
    rules = [k for k in ('missingValues', 'rowsRequired', 'stableIds') if a.get(k) != b.get(k)]
    if rules:
        table.schema.append(Reason('minor', f'{table.name}: {", ".join(rules)} changed'))
    described = ('description', 'description_zh')
    if any(a.get(k) != b.get(k) for k in described) or old.entry.get('description') != new.entry.get('description'):
        table.schema.append(Reason('patch', f'{table.name}: table description changed'))


def compare_rows(table: TableDiff, old: Resource, new: Resource) -> dict[str, str]:
    """Rows added, removed and changed, aligned by daff; returns the renamed columns (old → new)."""
    a, b = table_view(old), table_view(new)
    flags = daff.CompareFlags()
    table.key = matching_key(old, new, a[0], b[0])
    for name in table.key:
        flags.addPrimaryKey(name)
    alignment = daff.compareTables(daff.PythonTableView(a), daff.PythonTableView(b), flags).align()
    columns = [(unit.l, unit.r) for unit in alignment.meta.toOrder().getList()]
    kept = [(l, r) for l, r in columns if l >= 0 and r >= 0]
    renamed = {a[0][l]: b[0][r] for l, r in kept if a[0][l] != b[0][r]}
    old_rows, new_rows = old.rows, new.rows
    for unit in alignment.toOrder().getList():
        l, r = unit.l, unit.r
        if l == 0 or r == 0:
            continue            # the header rows
        if l > 0 and r > 0:
            cells = [(b[0][cr], a[l][cl], b[r][cr]) for cl, cr in kept if a[l][cl] != b[r][cr]]
            if cells:
                table.changed.append(RowChange(table.row_key(new_rows[r - 1]), cells))
        elif l > 0:
            table.removed.append(old_rows[l - 1])
        elif r > 0:
            table.added.append(new_rows[r - 1])
    if table.has_changes or renamed:
        view = daff.PythonTableView([])
        daff.TableDiff(alignment, flags).hilite(view)
        table.highlighter = [['' if cell is None else str(cell) for cell in row] for row in view.data]
    return renamed


def compare_tables(name: str, old: Resource | None, new: Resource | None) -> TableDiff:
    stable = bool(((new or old).schema or {}).get('stableIds'))
    if old is None or new is None:
        present = new or old
        table = TableDiff(name, 'added' if new else 'removed', present.primary_key, stable)
        table.rows_before, table.rows_after = (0, len(new.rows)) if new else (len(old.rows), 0)
        (table.added if new else table.removed).extend(present.rows)
        return table
    table = TableDiff(name, 'kept', [], stable or bool((old.schema or {}).get('stableIds')), len(old.rows), len(new.rows))
    renamed = compare_rows(table, old, new)
    compare_fields(table, old, new, renamed)
    compare_schemas(table, old, new)
    return table


def compare(old: Package | None, new: Package | None, old_label: str = 'before', new_label: str = 'after') -> PackageDiff:
    """The changes from `old` to `new` (None: an empty package, as before a first release)."""
    old_resources = old.resources if old else {}
    new_resources = new.resources if new else {}
    names = list(new_resources) + [name for name in old_resources if name not in new_resources]
    tables = [compare_tables(name, old_resources.get(name), new_resources.get(name)) for name in names]
    result = PackageDiff(old_label, new_label, old.version if old else '', new.version if new else '', tables)
    if old and new and old.descriptor.get('licenses') != new.descriptor.get('licenses'):
        result.package.append(Reason('major', 'the data licence changed'))
    return result


def load(directory: Path, label: str) -> Package:
    try:
        return Package.load(directory)
    except PackageError as error:
        raise RevisionError(f'{label}: {error}') from None


def diff_versions(from_ref: str, to_ref: str, where: Path | None = None) -> PackageDiff:
    """Compare two versions named as `ipplans diff` takes them (see ipplans.revisions.open_version)."""
    with open_version(from_ref, where) as old, open_version(to_ref, where) as new:
        return compare(load(old.dir, old.label), load(new.dir, new.label), old.label, new.label)


# --- the version bump ---------------------------------------------------------------------------

def actual_bump(old_version: str, new_version: str) -> str:
    """The bump from one version to the next: 'none', 'patch', 'minor', 'major', or 'backwards'."""
    a, b = version_key(old_version), version_key(new_version)
    if b < a:
        return 'backwards'
    for index, kind in enumerate(('major', 'minor', 'patch')):
        if b[index] > a[index]:
            return kind
    return 'none'


def version_problem(diff: PackageDiff) -> str | None:
    """Why the new version's number does not fit its changes, or None when it does."""
    try:
        bump = actual_bump(diff.old_version, diff.new_version)
    except ValueError as error:
        return f'cannot check the version: {error}'
    required = diff.bump
    if required == 'major' and version_key(diff.old_version)[0] == 0:
        required = 'minor'       # 0.y.z: see the module's documentation
    if bump == 'backwards':
        return f'the version goes backwards: {diff.old_version} → {diff.new_version}'
    if BUMPS.index(bump) < BUMPS.index(required):
        return (f'the changes need at least a {required} bump, but the version goes {diff.old_version} → '
                f'{diff.new_version} ({bump}); raise the version in datapackage.json, CITATION.cff and CHANGELOG.md')
    return None


def next_version(version: str, bump: str) -> str:
    """The lowest version after `version` that a bump of this kind gives (0.y.z: major counts as minor)."""
    major, minor, patch = version_key(version)
    if bump == 'major' and major == 0:
        bump = 'minor'
    return {'major': f'{major + 1}.0.0', 'minor': f'{major}.{minor + 1}.0', 'patch': f'{major}.{minor}.{patch + 1}'}.get(bump, version)


# --- output -------------------------------------------------------------------------------------

def quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def common_ends(old: str, new: str) -> tuple[int, int]:
    """The lengths of the start and of the end two values share (not overlapping)."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, end


def cut_pair(old: str, new: str, width: int = 70) -> tuple[str, str]:
    """Two long values cut to the part that differs, with a little context and … where cut."""
    if len(old) <= width and len(new) <= width:
        return old, new
    start, end = common_ends(old, new)
    context = 12
    lead = max(0, start - context)

    def cut(text: str) -> str:
        stop = len(text) - max(0, end - context)
        return ('…' if lead else '') + text[lead:stop] + ('…' if stop < len(text) else '')
    return cut(old), cut(new)


def cell_change(old: str, new: str, width: int = 70) -> str:
    """old → new, quoted; long values are cut to what differs, with a little context."""
    a, b = cut_pair(old, new, width)
    return f'{quoted(a)} → {quoted(b)}'


def summary_rows(diff: PackageDiff) -> list[list[str]]:
    """One row per table with changes: table, status, rows before and after, added, removed, changed, fields."""
    rows = []
    for table in diff.tables:
        if not table.has_changes:
            continue
        fields = ', '.join([f'+{n}' for n in table.fields_added] + [f'-{n}' for n in table.fields_removed]
                           + [f'{a}→{b}' for a, b in table.fields_renamed])
        c = table.counts
        rows.append([table.name, table.status, str(c['before']), str(c['after']), str(c['added']), str(c['removed']),
                     str(c['changed']), fields])
    return rows


SUMMARY_HEADER = ['table', 'status', 'before', 'after', 'added', 'removed', 'changed', 'fields']


def text_report(diff: PackageDiff, limit: int | None = 20) -> str:
    lines = [f'From {diff.old_label}, version {diff.old_version or "-"}, to {diff.new_label}, '
             f'version {diff.new_version or "-"}', '']
    rows = summary_rows(diff)
    if not rows:
        lines.append('No changes in the data or the schemas.')
    else:
        widths = [max(len(r[i]) for r in [SUMMARY_HEADER] + rows) for i in range(len(SUMMARY_HEADER))]
        for row in [SUMMARY_HEADER] + rows:
            lines.append('  '.join(cell.ljust(width) if i in (0, 1, 7) else cell.rjust(width)
                                   for i, (cell, width) in enumerate(zip(row, widths))).rstrip())
    lines += ['', f'Minimum version bump: {diff.bump}']
    lines += [f'  {reason.bump:<5}  {reason.text}' for reason in diff.reasons()]
    for table in diff.tables:
        if table.status != 'kept' or not (table.added or table.removed or table.changed):
            continue
        lines += ['', f'{table.name} (rows matched by {", ".join(table.key) or "their content"})']
        for kind, items in (('added', table.added), ('removed', table.removed)):
            shown = items if limit is None else items[:limit]
            lines += [f'  {kind:<8} {table.row_key(row)}' for row in shown]
            if len(items) > len(shown):
                lines.append(f'  … and {len(items) - len(shown)} more rows {kind} (--all lists them)')
        shown_changes = table.changed if limit is None else table.changed[:limit]
        for change in shown_changes:
            lines.append(f'  changed  {change.key}')
            lines += [f'           {name}: {cell_change(old, new)}' for name, old, new in change.cells]
        if len(table.changed) > len(shown_changes):
            lines.append(f'  … and {len(table.changed) - len(shown_changes)} more rows changed (--all lists them)')
    return '\n'.join(lines) + '\n'


def md_cell(value: str) -> str:
    """Text for a cell of a Markdown table on GitHub: no line breaks, pipes and backticks escaped."""
    return ' '.join(value.split()).replace('\\', '\\\\').replace('|', '\\|').replace('`', '\\`').replace('<', '&lt;')


def markdown_summary(diff: PackageDiff) -> str:
    """The counts per table, the minimum bump and its reasons, as Markdown (the release notes)."""
    rows = summary_rows(diff)
    if rows:
        lines = ['| ' + ' | '.join(SUMMARY_HEADER) + ' |', '|' + '---|' * len(SUMMARY_HEADER)]
        lines += ['| ' + ' | '.join(md_cell(cell) for cell in row) + ' |' for row in rows]
    else:
        lines = ['No changes in the data or the schemas.']
    lines += ['', f'Minimum version bump: **{diff.bump}**', '']
    lines += [f'- {reason.bump}: {md_cell(reason.text)}' for reason in diff.reasons()]
    return '\n'.join(lines) + '\n'


def markdown_report(diff: PackageDiff, limit: int | None = 20) -> str:
    """The changes as Markdown: the summary, then the rows added, removed and changed per table."""
    lines = [f'Changes from {md_cell(diff.old_label)}, version {diff.old_version or "-"}, to '
             f'{md_cell(diff.new_label)}, version {diff.new_version or "-"}.', '', markdown_summary(diff).rstrip()]
    for table in diff.tables:
        if table.status != 'kept' or not (table.added or table.removed or table.changed):
            continue
        lines += ['', f'### {table.name}', '']
        for kind, items in (('added', table.added), ('removed', table.removed)):
            shown = items if limit is None else items[:limit]
            lines += [f'- {kind}: `{md_cell(table.row_key(row))}`' for row in shown]
            if len(items) > len(shown):
                lines.append(f'- … and {len(items) - len(shown)} more rows {kind}')
        shown_changes = table.changed if limit is None else table.changed[:limit]
        for change in shown_changes:
            cells = '; '.join(f'{md_cell(name)}: {md_cell(cell_change(old, new))}' for name, old, new in change.cells)
            lines.append(f'- changed `{md_cell(change.key)}`: {cells}')
        if len(table.changed) > len(shown_changes):
            lines.append(f'- … and {len(table.changed) - len(shown_changes)} more rows changed')
    return '\n'.join(lines) + '\n'


def json_report(diff: PackageDiff) -> str:
    tables = []
    for table in diff.tables:
        item = asdict(table)
        item.pop('highlighter')
        item['changed'] = [{'key': c.key, 'cells': [{'field': f, 'old': o, 'new': n} for f, o, n in c.cells]}
                           for c in table.changed]
        item['fields_renamed'] = [{'old': a, 'new': b} for a, b in table.fields_renamed]
        item['reasons'] = [asdict(r) for r in table.reasons()]
        item.pop('schema')
        tables.append(item)
    return json.dumps({'from': {'label': diff.old_label, 'version': diff.old_version},
                       'to': {'label': diff.new_label, 'version': diff.new_version},
                       'bump': diff.bump, 'reasons': [asdict(r) for r in diff.reasons()], 'tables': tables},
                      ensure_ascii=False, indent=2) + '\n'


def write_highlighter(diff: PackageDiff, folder: Path) -> list[Path]:
    """daff's highlighter diff of each kept table with changes, as folder/TABLE.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in diff.tables:
        if table.highlighter:
            path = folder / f'{table.name}.csv'
            with open(path, 'w', encoding='utf-8', newline='') as handle:
                csv.writer(handle, lineterminator='\n').writerows(table.highlighter)
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    summary, rest = __doc__.split('\n\n', 1)
    parser = argparse.ArgumentParser(prog='ipplans diff', description=summary, epilog=rest,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('old', metavar='FROM', nargs='?', default='latest',
                        help="the earlier version: a tag, commit, package folder or zip (default: latest, the highest release tag)")
    parser.add_argument('new', metavar='TO', nargs='?', default='.',
                        help='the later version (default: the package in the current folder)')
    parser.add_argument('--format', choices=['text', 'markdown', 'json'], default='text')
    parser.add_argument('--all', action='store_true', help='list every row (default: 20 per table and kind)')
    parser.add_argument('--daff', type=Path, metavar='DIR', help="also write each changed table's diff in daff's highlighter format into DIR")
    parser.add_argument('--check-version', action='store_true', help="exit 1 when TO's version is not bumped enough for the changes")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    try:
        diff = diff_versions(args.old, args.new)
    except RevisionError as error:
        print(f'ipplans diff: {error}', file=sys.stderr)
        return 2
    limit = None if args.all else 20
    print({'text': lambda: text_report(diff, limit), 'markdown': lambda: markdown_report(diff, limit),
           'json': lambda: json_report(diff)}[args.format](), end='')
    if args.daff:
        for path in write_highlighter(diff, args.daff):
            print(f'wrote {path}', file=sys.stderr)
    if args.check_version:
        problem = version_problem(diff)
        if problem:
            print(f'ipplans diff: {problem}', file=sys.stderr)
            return 1
        print(f'version {diff.new_version}: enough for a {diff.bump} change', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
