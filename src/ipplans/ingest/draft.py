"""Draft the rows of a new plan from its raw text (see ipplans.ingest.cli for the command)."""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ipplans.coder import propose_indicator, propose_unit
from ipplans.encoding import UTF8_BOM, sniff
from ipplans.package import Package
from ipplans.paths import REPO as ROOT
from ipplans.sources import sha256
from ipplans.text import number_value
from ipplans.ingest.agencies import names_an_agency
from ipplans.ingest.documents import link_citations, note_wanted_plan
from ipplans.ingest.extras import PlanFacts, citations, members, number_text, plan_facts, targets
from ipplans.ingest.guesses import guess_capture, propose_codes
from ipplans.ingest.region import Region, Register, detect_region
from ipplans.ingest.resolver import AgencyResolver
from ipplans.ingest.layouts import read_tasks
from ipplans.ingest.tasks import Task, bracket_content, first_is_lead
from ipplans.ingest.text import CHAPTER, Line, deadline_date, fold, is_noise, normalize_doc_number, split_lines
from ipplans.ingest.vocabulary import DUTY_MENTION


class InputError(Exception):
    """A problem with the input that the user can fix; printed without a traceback."""


OUTPUT_TABLES = ['plans', 'measures', 'responsibilities', 'agencies', 'agency_aliases', 'targets', 'members', 'citations',
                 'documents', 'curation_notes', 'measure_codes']
NOTE_PREFIX = 'Draft note by ingest, to check and then rewrite or delete: '


@dataclass
class Draft:
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    info: list[str] = field(default_factory=list)        # summary lines
    uncertain: list[str] = field(default_factory=list)   # rows to check
    unplaced: list[str] = field(default_factory=list)    # source lines not used
    to_fill: dict[str, int] = field(default_factory=dict)  # table.field -> empty required cells
    plan_id: str = ''

    def guess(self, table: str, row_key: str, column: str, message: str, shown: str = '') -> None:
        """A guess the tool made: listed under "to check" and kept as a draft curation note on the row,
        so the reviewer finds it in the data and the decision is recorded once reviewed."""
        self.uncertain.append(shown or message)
        notes = self.tables.setdefault('curation_notes', [])
        notes.append({'note_id': f'{self.plan_id}-n{len(notes) + 1:02d}', 'plan_id': self.plan_id, 'table_name': table,
                      'row_key': row_key, 'field': column, 'note': NOTE_PREFIX + message})


def read_source(path: Path) -> tuple[str, str]:
    """The text of a raw source and how it was read: UTF-8 with or without a byte-order mark, else GB18030
    (ipplans.encoding.sniff, as every tool reads bytes); anything else is an InputError saying what to do."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f'cannot read {path}: {error.strerror}') from None
    decoded = sniff(raw)
    if decoded.encoding == 'utf-16':
        raise InputError('the file is UTF-16; save it as UTF-8 (or GB18030) text.')
    if decoded.encoding == 'binary':
        raise InputError('the file contains NUL bytes: it is not a text file (a .doc or .pdf?). Copy its text into a UTF-8 .txt file.')
    if decoded.text is None:
        raise InputError(f'the file is neither UTF-8 nor GB18030 (undecodable byte at offset {decoded.bad_offset}); save it as UTF-8.')
    if decoded.utf8:
        return decoded.text, 'utf-8 (with BOM)' if decoded.bom else 'utf-8'
    if raw.startswith(UTF8_BOM):   # marked as UTF-8 but is not: GB18030 would only garble it
        raise InputError(f'the file starts with a UTF-8 byte-order mark but is not UTF-8 (undecodable byte at offset '
                         f'{decoded.bad_offset}); save it as UTF-8.')
    return decoded.text, decoded.encoding


def draft(path: Path, package: Path = ROOT, plan_id: str | None = None, region_code: str | None = None,
          title_en: str = '') -> Draft:
    """Draft rows for one raw document, matched against the package in `package`."""
    text, encoding = read_source(path)
    lines = split_lines(text)
    model = Package.load(package)
    tables = model.tables()
    result = Draft(tables={name: [] for name in OUTPUT_TABLES})
    result.info.append(f'source: {path} ({encoding}, {len(lines)} lines)')
    facts = plan_facts(lines)
    start = max(facts.title_line, 0)
    tasks, first_task = _tasks(lines, start, result)
    if first_is_lead(tasks, text):
        result.info.append('roles: the plan says the first unit listed leads (列第一位…牵头); '
                           'in lists without a lead word the first unit is lead, the others cooperating')
    first_chapter = next((i for i in range(start + 1, len(lines)) if lines[i].text and CHAPTER.match(lines[i].folded)), len(lines))
    region = _region(text, facts, Register(tables.get('regions', [])), region_code, result)
    plan_id = plan_id or 'draft-' + hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]
    result.plan_id = plan_id
    resolver = AgencyResolver(tables, region, plan_id, result, (facts.publisher, facts.issuer))

    result.tables['plans'].append(_plan_row(facts, plan_id, title_en, region, _source_file(path, package)))
    result.tables['plans'][-1]['source_sha256'] = sha256(path.read_bytes())   # of the file as read: archive it unchanged
    result.info.append(f'plan: {facts.title or "(no title found)"} | doc number: {facts.doc_number or "-"} | '
                       f'signed {facts.date_signed or "-"} | published {facts.date_published or "-"} | status {facts.status} | '
                       f'issuer {facts.issuer or "-"}')
    result.guess('plans', plan_id, 'source_type', f'plans.source_type guessed as {facts.source_type} from the page layout; check it')
    result.uncertain.extend(f'plans: {note}' for note in facts.notes)
    _measures(tasks, plan_id, result, resolver.agency_for)
    guess_capture(result, sum(len(line.text.strip()) for line in lines[start + 1:] if line.text and not is_noise(line)))
    propose_codes(result, tables.get('coding_schemes', []), tables.get('measure_code_lists', []))
    for seq, row in enumerate(citations(lines, first_chapter, facts.title, start), start=1):
        result.tables['citations'].append({'plan_id': plan_id, 'seq': str(seq), **row, 'note': ''})
    link_citations(result, tables.get('documents', []), plan_id)
    note_wanted_plan(result, tables.get('documents', []), normalize_doc_number(facts.doc_number) if facts.doc_number else '',
                     facts.title)
    indicator_en = {row['indicator']: row['indicator_en'] for row in tables.get('targets', [])}
    for seq, row in enumerate(targets(lines[start:], max(first_task - start, 0)), start=1):
        result.tables['targets'].append({'target_id': f'{plan_id}-t{seq:02d}', 'plan_id': plan_id, 'measure_id': '',
                                         **row, 'indicator_en': indicator_en.get(row['indicator'], ''),
                                         **target_codes(row, tables.get('indicators', []), tables.get('units', []))})
    if result.tables['targets']:
        result.uncertain.append(f'targets: indicator_code, value_kind, unit_code and binding of {len(result.tables["targets"])} targets '
                                'proposed (assigned_by rule_based): review them against the codebook (Methodology page), add a '
                                'baseline where the source prints one, then set assigned_by to curator')
    _members(lines, plan_id, result, resolver.agency_for)

    new_ids = {a['agency_id'] for a in result.tables['agencies']}
    duties = result.tables['responsibilities']
    result.info.append(f'agencies: {len(duties)} mentions, {sum(d["agency_id"] not in new_ids for d in duties)} matched to agencies '
                       f'of the package, {len(new_ids)} new agencies proposed, {len(result.tables["agency_aliases"])} new spellings (aliases)')
    result.info.append('rows: ' + ', '.join(f'{name} {len(rows)}' for name, rows in result.tables.items()))
    result.to_fill = _empty_required(result.tables, model)
    return result


BINDING = {'预期性': 'expected', '约束性': 'binding'}


def target_codes(row: dict[str, str], indicators: list[dict[str, str]], units: list[dict[str, str]]) -> dict[str, str]:
    """The codes proposed for a drafted target: its indicator by keyword, numeric when ingest read a
    number, the indicator's unit (else the one its printed unit normalises to), the kind its
    qualifier prints. An amount of money is given in 亿元 (ingest reads it in yuan)."""
    numeric = bool(row['value'])
    code = propose_indicator(row['text'], numeric, indicators, row['indicator'])
    unit = ''
    if numeric:
        unit = next((i['unit_code'] for i in indicators if i['indicator_code'] == code), '') or propose_unit(row['unit'], units)
        if unit == 'yuan_100m':
            row['value'] = number_text(float(row['value']) / 1e8)
    return {'indicator_code': code, 'value_kind': 'numeric' if numeric else 'qualitative', 'unit_code': unit,
            'binding': BINDING.get(row['qualifier'], 'not_stated'), 'baseline_value': '', 'baseline_year': '',
            'assigned_by': 'rule_based'}


def _region(text: str, facts: PlanFacts, register: Register, region_code: str | None, result: Draft) -> Region | None:
    """The issuing jurisdiction: the one given with --region-code, else the one the text names."""
    if region_code:
        region = register.get(region_code)
        how = 'given with --region-code' if region else 'given with --region-code, but NOT IN THE REGISTER: check the code'
        region = region or Region(region_code, '', '', '', '')
    else:
        region, how = detect_region(text, facts.title, register, facts.issuer)
    result.info.append(f'region: {region.code if region else "UNKNOWN"} {region.name if region else ""} ({how})'.replace('  ', ' '))
    if not region:
        result.uncertain.append('region unknown: agencies are not matched against the package; pass --region-code to match them')
    return region


def _members(lines: list[Line], plan_id: str, result: Draft, agency_for) -> None:
    """Member-list rows; the lines they come from are no longer 'could not place'."""
    member_rows, member_lines = members(lines)
    result.unplaced = [u for u in result.unplaced if int(u.split(':')[0].split()[1]) not in member_lines]
    for seq, row in enumerate(member_rows, start=1):
        agency = agency_for(row['agency_as_printed'], f'member {seq}') if row['agency_as_printed'] else ''
        result.tables['members'].append({'plan_id': plan_id, 'seq': str(seq), **row, 'agency_id': agency})


def _tasks(lines: list, start: int, result: Draft) -> tuple[list[Task], int]:
    """The tasks, read by the first layout that finds its own (see ingest.layouts), and the index
    of the line where they begin (targets are read before it)."""
    reading = read_tasks(lines, start)
    result.info.append(f'measures: {len(reading.tasks)} from {reading.source}')
    result.unplaced.extend(reading.skipped)
    return reading.tasks, reading.first_line


def _plan_row(facts, plan_id: str, title_en: str, region: Region | None, source_file: str) -> dict[str, str]:
    return {'plan_id': plan_id, 'title': facts.title, 'title_en': title_en, 'doc_number': facts.doc_number,
            'issuer': facts.issuer, 'publisher': facts.publisher, 'region_code': region.code if region else '',
            'region_name': region.name if region else '', 'province': region.province if region else '',
            'admin_level': region.level if region else '', 'date_signed': facts.date_signed,
            'date_published': facts.date_published, 'status': facts.status, 'source_type': facts.source_type,
            'source_url': facts.source_url, 'source_retrieved': '', 'source_file': source_file, 'capture': 'full_text',
            'source_note': ''}


def _source_file(path: Path, package: Path) -> str:
    try:
        rel = path.resolve().relative_to(package.resolve())
        if rel.parts[:2] == ('data', 'sources'):
            return rel.as_posix()
    except ValueError:
        pass
    return f'data/sources/{path.name}'


def _measures(tasks: list[Task], plan_id: str, result: Draft, agency_for) -> None:
    previous = None
    for seq, task in enumerate(tasks, start=1):
        measure_id = f'{plan_id}-{seq:03d}'
        result.tables['measures'].append({'measure_id': measure_id, 'plan_id': plan_id, 'seq': str(seq), 'number': task.number,
                                          'chapter': task.chapter, 'section': task.section, 'text': task.text.strip(),
                                          'deadline': task.deadline, 'deadline_date': deadline_date(task.deadline) or '',
                                          'capture': 'whole'})
        value = number_value(task.number)
        if previous is not None and value is not None and value != previous + 1:
            result.guess('measures', measure_id, 'number', f'measure {task.number} (line {task.line}): numbering jumps from {previous} to {value}')
        elif previous is None and value not in (None, 1):
            result.guess('measures', measure_id, 'number',
                         f'measure {task.number} (line {task.line}): the list starts at {value}, not 1 (a page that starts mid-list?)')
        previous = value if value is not None else previous
        if not task.duties:
            result.guess('measures', measure_id, 'text', f'measure {task.number} (line {task.line}): no responsible agency found')
            if re.search(r'[)）]\s*[。.]?$', task.text.strip()) and (DUTY_MENTION.search(fold(task.text[-80:]))
                                                                  or names_an_agency(bracket_content(task.text))):
                result.guess('measures', measure_id, 'text',
                             f'measure {task.number} (line {task.line}): the text still ends in a bracket that names units or '
                             'roles, which ingest could not read: move it out of the text into responsibilities by hand')
        if task.duties_cut:
            result.tables['plans'][0]['capture'] = 'excerpt'
            result.guess('responsibilities', measure_id, 'as_printed',
                         f'measure {task.number}: its responsibilities are cut off by the end of the copy; the units named in '
                         'full are kept, the rest is lost: plan marked an excerpt')
        for note in task.notes:
            result.uncertain.append(f'measure {task.number}: {note}')
        for first, second in zip(task.duties, task.duties[1:]):
            if second.glued:
                result.guess('responsibilities', measure_id, 'as_printed',
                             f'measure {task.number}: {first.printed}{second.printed} is printed without a separator; '
                             f'read as two agencies, {first.printed} and {second.printed}')
        has_lead = any(duty.role == 'lead' for duty in task.duties)
        for index, duty in enumerate(task.duties, start=1):
            agency = agency_for(duty.full or duty.printed, f'measure {task.number}')
            if duty.full:
                result.guess('responsibilities', measure_id, 'as_printed',
                             f'measure {task.number}: {duty.printed!r} is part of a list that prints its ending once; '
                             f'read as {duty.full}')
            primary = duty.role == 'lead' or (duty.role == 'responsible' and not has_lead)
            result.tables['responsibilities'].append({'measure_id': measure_id, 'seq': str(index), 'agency_id': agency,
                                                      'role': duty.role, 'primary': 'true' if primary else 'false',
                                                      'as_printed': duty.printed})


def headers(package: Path) -> dict[str, list[str]]:
    resources = Package.load(package).resources
    return {name: resources[name].field_names for name in OUTPUT_TABLES}


def _empty_required(tables: dict[str, list[dict[str, str]]], package: Package) -> dict[str, int]:
    empty: dict[str, int] = {}
    for name, rows in tables.items():
        fields = package.resources[name].fields
        required = [f['name'] for f in fields if f.get('constraints', {}).get('required')]
        for row in rows:
            for column in required:
                if not row.get(column):
                    empty[f'{name}.{column}'] = empty.get(f'{name}.{column}', 0) + 1
    return empty


def write(result: Draft, out: Path, package: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, header in headers(package).items():
        with open(out / f'{name}.csv', 'w', encoding='utf-8', newline='') as handle:
            writer = csv.DictWriter(handle, header, lineterminator='\n', extrasaction='ignore')
            writer.writeheader()
            writer.writerows(result.tables.get(name, []))


def summary(result: Draft) -> list[str]:
    out = list(result.info)
    if result.to_fill:
        out.append('to fill (left empty; ipplans validate rejects them until filled): '
                   + ', '.join(f'{k} ({n} row{"s" if n > 1 else ""})' for k, n in sorted(result.to_fill.items())))
    out.append(f'to check ({len(result.uncertain)}):')
    out.extend(f'  {line}' for line in result.uncertain)
    out.append(f'could not place ({len(result.unplaced)}):')
    out.extend(f'  {line}' for line in result.unplaced)
    return out
