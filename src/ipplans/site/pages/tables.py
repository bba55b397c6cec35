"""The data dictionary: its index (tables/index.md) with the diagram of how the tables link and the
list of every code list, and one page per table (tables/<table>.md) with its fields, keys, links,
downloads and, for each coded field, its codes. Everything is read from the Table Schemas, the one
home of what each field means, and from the code-list tables (see ipplans.codes): an enum's codes
are listed under its field, a code-list table lists its own codes under Codes, and a field that
refers to a code list links there."""
from __future__ import annotations

from typing import Iterator

from ipplans.codes import CodeList, coded_fields, is_code_list, table_list
from ipplans.schema import foreign_keys, primary_key
from ipplans.site.links import chart_image, download_anchor, table_link, table_page_name
from ipplans.site.markup import code, facts_md, front_matter, link, md, page_name, table_md
from ipplans.site.model import Row, Site

FOLDERS = ('tables',)


def pages(site: Site) -> Iterator[tuple[str, str]]:
    yield 'tables/index.md', tables_index(site)
    for name in site.table_names:
        yield f'tables/{table_page_name(name)}.md', table_page(site, name)


def tables_index(site: Site) -> str:
    rows = [[table_link(n), md(site.package.resources[n].entry.get('description', '')),
             md(site.schema(n).get('description_zh', '')), str(len(site.rows(n)))]
            for n in site.table_names]
    return '\n'.join([
        front_matter(title='Data dictionary'), '# Data dictionary\n',
        'Every table of the package, its fields and how the tables link. The descriptions are read from '
        'the Table Schemas in `schemas/`, the only place where they are written.\n',
        table_md(['Table', 'Description', '说明', 'Rows'], rows),
        '## How the tables link {#diagram}\n',
        'Each curve is a foreign key: it leaves the referring field (left) and ends at the referenced '
        'field (dot). PK marks primary-key fields, FK fields that refer to another table.\n',
        chart_image('tables', 'Diagram of the tables and their foreign keys', '../'),
        code_lists_index(site),
    ])


def field_anchor(fname: str) -> str:
    return f"field-{page_name(fname.replace('_', '-'))}"


def code_lists_index(site: Site) -> str:
    """Every coded field of the package and where its codes are listed."""
    rows = []
    for table in site.table_names:
        for fname, codes in coded_fields(site.package, table).items():
            where = (link('allowed values of the field', f'{table_page_name(table)}.md#{field_anchor(fname)}')
                     if codes.table is None else
                     'code list ' + link(md(codes.table), f'{table_page_name(codes.table)}.md#codes'))
            rows.append([link(md(f'{table}.{fname}'), f'{table_page_name(table)}.md#{field_anchor(fname)}'),
                         str(len(codes.codes)), where])
    if not rows:
        return ''
    return '\n'.join([
        '## Code lists {#code-lists}\n',
        'Every field that holds a code, and where its codes are listed with their English and Chinese labels '
        '(and, in a code-list table, their definitions). The Stata downloads label each code with its English label.\n',
        table_md(['Field', 'Codes', 'Listed in'], rows)])


def codes_part(table: str, fname: str, codes: CodeList) -> str:
    """A coded field's codes: listed for an enum, linked for a code list."""
    if codes.table is None:
        numbers = codes.numbers()
        return ('\n**Codes** (the allowed values, in the schema\'s order; the Stata downloads store each as its '
                'number, labelled):\n\n' + table_md(
                    ['Code', 'Stata number', 'Label', '标签'],
                    [[code(c.value), str(numbers[c.key]), md(c.label_en), md(c.label_zh)] for c in codes.codes]))
    key = ', '.join(code(f) for f in codes.fields)
    within = f' (a code is identified by {key})' if len(codes.fields) > 1 else ''
    target = '#codes' if codes.table == table else f'{table_page_name(codes.table)}.md#codes'
    return (f"- **Codes**: the {len(codes.codes)} codes of the code list "
            f"{link(md(codes.table), target)}{within}, with their labels and definitions\n")


def codes_section(site: Site, name: str) -> str:
    """A code-list table's codes with their labels and definitions, and the fields they code."""
    resource = site.package.resources[name]
    if not is_code_list(resource):
        return ''
    codes = table_list(resource)
    users = [link(md(f'{table}.{fname}'), f'{table_page_name(table)}.md#{field_anchor(fname)}')
             for table in site.table_names for fname, found in coded_fields(site.package, table).items()
             if found.table == name]
    numbers = codes.numbers()
    rows = [[*(code(v) for v in c.key), str(numbers[c.key]), md(c.label_en), md(c.label_zh), md(c.definition)]
            for c in codes.codes]
    return '\n'.join([
        '## Codes {#codes}\n',
        f'This table is a code list: {len(rows)} codes, each with its labels and definition. '
        f"Fields coded by it: {', '.join(users) or '(none)'}. The Stata downloads store each code as its "
        'number here, labelled with its English label, and keep the code as text in FIELD_code.\n',
        table_md([*(md(f) for f in codes.fields), 'Stata number', 'Label', '标签', 'Definition'], rows)])


def constraints_text(spec: dict) -> str:
    c = spec.get('constraints', {}) or {}
    parts = []
    if c.get('required'):
        parts.append('required')
    if c.get('unique'):
        parts.append('unique')
    if 'enum' in c:
        parts.append('one of ' + ', '.join(code(v) for v in c['enum']))
    if 'pattern' in c:
        parts.append('pattern ' + code(c['pattern']))
    for key, label in (('minimum', 'minimum'), ('maximum', 'maximum'), ('minLength', 'min length'), ('maxLength', 'max length')):
        if key in c:
            parts.append(f'{label} {md(c[key])}')
    return '; '.join(parts) or 'none'


def examples(rows: list[Row], name: str, limit: int = 3) -> list[str]:
    seen: list[str] = []
    for row in rows:
        value = row.get(name, '')
        if value and value not in seen:
            seen.append(value)
            if len(seen) == limit:
                break
    return [v if len(v) <= 60 else v[:60] + '…' for v in seen]


def links_section(site: Site, name: str) -> str:
    """The table's foreign keys, and the tables whose foreign keys refer to it."""
    fks = foreign_keys(site.schema(name))
    referenced_by = [(other, fields, ref_fields) for other in site.table_names
                     for fields, ref, ref_fields in foreign_keys(site.schema(other)) if ref == name]
    if not fks and not referenced_by:
        return ''
    items = [f"- {', '.join(code(f) for f in fields)} refers to {table_link(ref or name)} "
             f"({', '.join(code(f) for f in ref_fields)})" for fields, ref, ref_fields in fks]
    items += [f"- {table_link(other)} ({', '.join(code(f) for f in fields)}) refers to this table "
              f"({', '.join(code(f) for f in ref_fields)})" for other, fields, ref_fields in referenced_by]
    return '## Links to other tables {#links}\n\n' + '\n'.join(items) + '\n'


def values_text(spec: dict) -> str:
    """Each allowed value with its labels and definition (schema enumLabels), one per line."""
    labels = spec.get('enumLabels') or {}
    lines = []
    for value in (spec.get('constraints', {}) or {}).get('enum', []):
        entry = labels.get(value) or {}
        words = ' '.join(md(entry[k]) for k in ('en', 'zh') if entry.get(k))
        definition = ' '.join(md(entry[k]) for k in ('definition', 'definition_zh') if entry.get(k))
        lines.append(code(value) + (f' {words}' if words else '') + (f': {definition}' if definition else ''))
    return '<br>'.join(lines)


def field_section(spec: dict, rows: list[Row], table: str = '', codes: CodeList | None = None) -> str:
    fname = spec.get('name', '')
    type_text = md(spec.get('type', 'any')) + (f" ({md(spec['format'])})" if spec.get('format') not in (None, 'default') else '')
    facts = [('Type', type_text), ('Constraints', constraints_text(spec)),
             ('Description', md(spec.get('description', ''))), ('说明', md(spec.get('description_zh', '')))]
    if codes is None and any('definition' in entry for entry in (spec.get('enumLabels') or {}).values()):
        facts.append(('Values', values_text(spec)))
    facts.append(('Examples', ' · '.join(code(v) for v in examples(rows, fname)) or '(no values)'))
    return f"### {md(fname)} {{#{field_anchor(fname)}}}\n\n" + facts_md(facts) + ('' if codes is None else codes_part(table, fname, codes))


def table_page(site: Site, name: str) -> str:
    schema = site.schema(name)
    resource = site.package.resources[name].entry
    rows = site.rows(name)
    facts = [('Rows', str(len(rows))), ('File', code(resource.get('path', ''))),
             ('Primary key', ', '.join(code(k) for k in primary_key(schema)) or '(none)')]
    coded = coded_fields(site.package, name)
    files = site.table_files(name)
    if files:
        facts.append(('Downloads', ' · '.join(link(md(f), f'../download.md#{download_anchor(f)}') for f in files)))
    return '\n'.join(part for part in [
        front_matter(title=f'Table {name}'), f'# {md(name)}\n',
        f"{md(resource.get('description') or schema.get('description', ''))}\n",
        f"{md(schema.get('description_zh', ''))}\n",
        facts_md(facts),
        links_section(site, name),
        '## Fields {#fields}\n',
        *(field_section(spec, rows, name, coded.get(spec.get('name', ''))) for spec in schema.get('fields', [])),
        codes_section(site, name),
    ] if part)
