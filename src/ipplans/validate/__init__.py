"""Validate a package directory: upstream Frictionless checks plus our own.

    python scripts/validate.py [PACKAGE_DIR] [--format text|github] [--lang both|en|zh]

Prints one line per problem, `PATH:ROW:FIELD: CHECK: message` (ROW is the CSV
line, header = 1; `-` where a row or field does not apply), the message in
English and Chinese with what to do, then a summary. Exit status: 0 valid,
1 invalid, 2 unusable arguments. It never writes.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from ipplans.cli import parse_package_args
from ipplans.csvtable import CSVSyntaxError, Table, parse_csv
from ipplans.schema import field_docs, primary_key
from ipplans.text import compact, number_value

MAX_REPEATS = 20  # lines shown for one (file, check, field) before "… and N more"
REQUIRED_ROWS = ('plans', 'measures', 'responsibilities', 'agencies', 'agency_aliases')

# Every message once, in English and Chinese: (en, zh). Placeholders are filled per problem.
MESSAGES: dict[str, tuple[str, str]] = {
    'package-missing': ('datapackage.json is missing: every package needs its descriptor at the top of the directory.',
                        '缺少 datapackage.json：数据包根目录必须有描述文件。'),
    'package-encoding': ('datapackage.json is not UTF-8 text: save it as UTF-8.', 'datapackage.json 不是 UTF-8 文本：请另存为 UTF-8。'),
    'package-syntax': ('not valid JSON: {error} (line {line}, column {column}); fix the syntax — a missing comma or quote is the usual cause.',
                       '不是有效的 JSON：{error}（第 {line} 行第 {column} 列）；请修正语法，常见原因是缺少逗号或引号。'),
    'package-shape': ('the descriptor must be a JSON object with a "resources" list.', '描述文件必须是含有 "resources" 列表的 JSON 对象。'),
    'resource-shape': ('each resource needs a "name" and a "path" (strings).', '每个资源都需要字符串类型的 "name" 和 "path"。'),
    'resource-missing': ('no resource named "{name}": list data/{name}.csv with schema schemas/{name}.json in datapackage.json.',
                         '没有名为“{name}”的资源：请在 datapackage.json 中列出 data/{name}.csv 及其结构 schemas/{name}.json。'),
    'frictionless-open': ('Frictionless cannot open the package: {error}', 'Frictionless 无法打开数据包：{error}'),
    'frictionless-package': ('{error}', '{error}'),
    'schema-missing': ('the schema file of resource "{name}" does not exist; create it or fix "schema" in datapackage.json.',
                       '资源“{name}”的结构文件不存在；请创建该文件或修正 datapackage.json 中的 "schema"。'),
    'schema-syntax': ('the schema of resource "{name}" does not parse as JSON ({error}); fix its syntax.',
                      '资源“{name}”的结构文件不是有效的 JSON（{error}）；请修正语法。'),
    'schema-shape': ('the schema of resource "{name}" has no "fields" list.', '资源“{name}”的结构文件缺少 "fields" 列表。'),
    'path-unsafe': ('resource "{name}" has path {file}: paths must be relative and stay inside the package.',
                    '资源“{name}”的路径为 {file}：路径必须是数据包内的相对路径。'),
    'path-missing': ('the file named by resource "{name}" does not exist; create it or fix "path" in datapackage.json.',
                     '资源“{name}”指向的文件不存在；请创建该文件或修正 datapackage.json 中的 "path"。'),
    'unlisted-csv': ('no resource in datapackage.json names this CSV file: add a resource for it (with a schema) or remove it.',
                     'datapackage.json 中没有资源指向此 CSV 文件：请为其添加资源（含结构）或删除该文件。'),
    'unlisted-source': ('no plan names this source file in plans.source_file: link it from its plan or remove it.',
                        '没有方案在 plans.source_file 中引用此来源文件：请在对应方案中引用或删除。'),
    'binary': ('the file contains NUL bytes: it is not a text CSV (a spreadsheet saved in its own format?). Export it again as "CSV UTF-8".',
               '文件含有 NUL 字节，不是文本 CSV（是否以表格软件自身格式保存？）。请重新导出为“CSV UTF-8（逗号分隔）”。'),
    'utf16': ('the file is UTF-16 (Excel\'s "Unicode Text"): export it again as "CSV UTF-8 (comma delimited)".',
              '文件为 UTF-16 编码（Excel 的“Unicode 文本”）：请重新导出为“CSV UTF-8（逗号分隔）”。'),
    'gbk': ('the file is not UTF-8; it looks like GBK/GB18030 (Excel on Chinese Windows). Re-save it as "CSV UTF-8 (comma delimited)" or run make fix.',
            '文件不是 UTF-8，看起来是 GBK/GB18030 编码（中文 Windows 上的 Excel）。请另存为“CSV UTF-8（逗号分隔）”或运行 make fix。'),
    'not-utf8': ('the file is not UTF-8 text (byte {offset} cannot be decoded): save it as UTF-8.',
                 '文件不是 UTF-8 文本（第 {offset} 字节无法解码）：请另存为 UTF-8。'),
    'bom': ('the file starts with a UTF-8 byte-order mark (as Excel writes it); the package stores CSV without it. It was read correctly; run make fix to remove the mark.',
            '文件以 UTF-8 字节顺序标记（BOM，Excel 会写入）开头；本数据包的 CSV 不带 BOM。文件已正确读取；请运行 make fix 去除。'),
    'line-endings': ('{kind} line endings from here on; the package uses LF only. Run make fix.',
                     '自此行起为 {kind_zh} 换行符；本数据包只用 LF。请运行 make fix。'),
    'trailing-newline': ('the last line has no newline at the end. Run make fix.', '最后一行末尾缺少换行符。请运行 make fix。'),
    'empty-file': ('the file is empty: it needs at least the header row ({header}).', '文件为空：至少需要表头行（{header}）。'),
    'empty-table': ('the file has a header but no rows: this table cannot be empty.', '文件只有表头没有数据行：此表不能为空。'),
    'delimiter': ('the header is separated by {sep}; the package uses commas. Export again as CSV (comma-separated).',
                  '表头以{sep_zh}分隔；本数据包使用逗号。请重新导出为逗号分隔的 CSV。'),
    'header-missing': ('missing column(s) {columns}{renamed}; the header must be: {header}',
                       '缺少列 {columns}{renamed_zh}；表头应为：{header}'),
    'header-extra': ('unexpected column(s) {columns}; the header must be: {header}', '多出列 {columns}；表头应为：{header}'),
    'header-order': ('the columns are out of order; the header must be: {header}', '列的顺序不对；表头应为：{header}'),
    'unbalanced-quote': ('a double quote in this row is not balanced (a quoted cell is never closed, or text follows its closing quote): quote the whole cell and write "" for a quote inside it.',
                         '此行的双引号不成对（带引号的单元格没有闭合，或闭合引号后还有文字）：请用引号括起整个单元格，单元格内的引号写作 ""。'),
    'type-error': ('"{cell}" is not a valid {type}{hint}.', '“{cell}”不是有效的{type_zh}{hint_zh}。'),
    'required': ('the cell is empty but a value is required.', '单元格为空，但此字段必填。'),
    'enum': ('"{cell}" is not an allowed value; use one of: {values}.', '“{cell}”不是允许的取值；请使用其中之一：{values}。'),
    'pattern': ('"{cell}" does not have the required form {pattern} (ASCII letters, digits and hyphens only).',
                '“{cell}”不符合格式 {pattern}（只能用 ASCII 字母、数字和连字符）。'),
    'range': ('"{cell}" is out of range ({note}).', '“{cell}”超出范围（{note}）。'),
    'unique': ('"{cell}" repeats an earlier row; each value must be unique.', '“{cell}”与前面的行重复；此字段的值必须唯一。'),
    'constraint': ('"{cell}": {note}.', '“{cell}”：{note}。'),
    'primary-key': ('duplicate key: an earlier row has the same {fields}; make it unique.', '主键重复：前面已有相同 {fields} 的行；请保证唯一。'),
    'foreign-key': ('"{value}" does not exist in {ref_table}.{ref}: add that row to data/{ref_table}.csv first, or correct the id.',
                    '“{value}”在 {ref_table}.{ref} 中不存在：请先在 data/{ref_table}.csv 中添加该行，或更正此标识。'),
    'missing-cell': ('the row has fewer cells than the header ({width}): a comma is missing, or a line break inside a text cell was not quoted. Every row needs one cell per column, empty cells included.',
                     '此行单元格少于表头（{width} 列）：缺少逗号，或文本单元格中的换行未加引号。每行每列都需要一个单元格，空单元格也要保留逗号。'),
    'extra-cell': ('the row has more cells than the header ({width}): a text cell containing a comma is probably not quoted; put that cell in double quotes.',
                   '此行单元格多于表头（{width} 列）：可能是含逗号的文本单元格未加引号；请用双引号括起该单元格。'),
    'blank-row': ('blank line: delete it (make fix removes blank lines).', '空行：请删除（make fix 会删除空行）。'),
    'frictionless': ('{note}', '{note}'),
    'upstream-skipped': ('the upstream checks of this table stopped because a table it refers to ({tables}) could not be read: fix that file first, then validate again.',
                         '此表的上游检查已中止，因为其引用的表（{tables}）无法读取：请先修正该文件，再重新校验。'),
    'whitespace': ('leading or trailing whitespace: remove it (make fix does).', '首尾有空白：请删除（make fix 可自动处理）。'),
    'control': ('control character U+{code} (a line break or tab inside a cell?): remove it.', '含控制字符 U+{code}（单元格内的换行或制表符？）：请删除。'),
    'invisible': ('invisible or invalid character U+{code} ({name}): remove it (make fix removes zero-width characters).',
                  '含不可见或无效字符 U+{code}（{name}）：请删除（make fix 会删除零宽字符）。'),
    'odd-space': ('non-standard space U+{code} ({name}): use an ordinary space (make fix does).', '含非标准空格 U+{code}（{name}）：请改用普通空格（make fix 可自动处理）。'),
    'formula': ('the cell starts with "{char}", which spreadsheet programs run as a formula: rephrase it or drop the leading character.',
                '单元格以“{char}”开头，表格软件会将其当作公式执行：请改写或去掉开头字符。'),
    'markup': ('the cell contains the HTML tag {tag}: the package stores plain text; remove the tag.', '单元格含有 HTML 标签 {tag}：本数据包只存纯文本；请删除标签。'),
    'lookalike': ('"{cell}" contains full-width or lookalike characters ({chars}) in an identifier: use ASCII (make fix converts them).',
                  '标识“{cell}”中含有全角或形近字符（{chars}）：请改用 ASCII 字符（make fix 可自动转换）。'),
    'source-none': ('the plan has no source: archive its raw text under data/sources/ and name the file here.',
                    '该方案没有来源：请将原始文本存档到 data/sources/ 并在此填写文件路径。'),
    'source-missing': ('source file {file} does not exist: archive the raw text there, as received.', '来源文件 {file} 不存在：请将原始文本按原样存档到该路径。'),
    'not-in-source': ('"{cell}" is not found in the source {file} (compared after NFKC and removing whitespace): copy it verbatim from the source.',
                      '“{cell}”在来源 {file} 中找不到（按 NFKC 规范化并去除空白后比较）：请从来源逐字复制。'),
    'no-measures': ('the plan has no measures: add its numbered tasks to data/measures.csv.', '该方案没有措施：请将其编号任务添加到 data/measures.csv。'),
    'seq-order': ('measure {position} of plan {plan} has seq "{seq}": seq must run 1, 2, 3 … in row order without gaps or repeats.',
                  '方案 {plan} 的第 {position} 项措施 seq 为“{seq}”：seq 必须按行序从 1 起连续编号，不得跳号或重复。'),
    'number-repeat': ('plan {plan}: number "{number}" repeats an earlier number; the printed numbering must have no gaps or repeats (fix the number).',
                      '方案 {plan}：编号“{number}”与前面重复；原文编号不得跳号或重复（请更正编号）。'),
    'number-gap': ('plan {plan}: number "{number}" where {expected} was expected; the printed numbering must have no gaps or repeats (add the missing task or fix the number).',
                   '方案 {plan}：此处应为 {expected}，却是“{number}”；原文编号不得跳号或重复（请补上缺失的任务或更正编号）。'),
    'orphan-agency': ('no responsibility or member uses agency {agency}: remove it, or add the rows that name it.',
                      '没有任何责任或成员记录使用单位 {agency}：请删除该单位，或补充引用它的行。'),
    'alias-region': ('the alias is for region {region} but agency {agency} belongs to region {agency_region}.',
                     '该别名属于地区 {region}，但单位 {agency} 属于地区 {agency_region}。'),
    'alias-missing': ('"{printed}" is not in data/agency_aliases.csv for region {region}: add the row "{region},{printed},{agency}".',
                      '“{printed}”不在地区 {region} 的 data/agency_aliases.csv 中：请添加一行“{region},{printed},{agency}”。'),
    'alias-mismatch': ('"{printed}" is mapped to {mapped} in data/agency_aliases.csv (line {line}) but this row says {agency}: make them agree.',
                       '“{printed}”在 data/agency_aliases.csv（第 {line} 行）中对应 {mapped}，但此行为 {agency}：请使两者一致。'),
    'internal-error': ('the validator failed in step {step}: {error}. Please report this with the file that caused it.',
                       '校验程序在 {step} 步骤中出错：{error}。请连同出错的文件一起报告。'),
    'note-key': ('row_key "{cell}" is not a row of {ref_table}: give the primary key of the row the note is about ({form}, or a leading part of it), or leave it empty for a note on many rows.',
                 'row_key“{cell}”不是 {ref_table} 表中的行：请填写该说明所涉行的主键（{form}，或其前段），涉及多行时留空。'),
}

TYPE_NAMES = {'string': ('text', '文本'), 'integer': ('whole number', '整数'), 'number': ('number', '数值'),
              'date': ('date', '日期'), 'boolean': ('true/false value', '布尔值')}
TYPE_HINTS = {'date': ('; write dates as YYYY-MM-DD (2021-12-31), not 2021年12月 or 2021/12/31', '；日期请写作 YYYY-MM-DD（如 2021-12-31），不要写“2021年12月”或“2021/12/31”'),
              'integer': ('; write a whole number in ASCII digits', '；请用半角数字写整数'),
              'number': ('; write a number in ASCII digits (25万 becomes 250000)', '；请用半角数字（“25万”写作 250000）')}


def shorten(value: object, limit: int = 60) -> str:
    text = str(value).replace('\n', '⏎').replace('\r', '')
    return text if len(text) <= limit else text[:limit] + '…'


@dataclass(frozen=True)
class Problem:
    path: str
    row: int | None
    field: str | None
    check: str
    en: str
    zh: str

    def message(self, lang: str = 'both') -> str:
        return {'en': self.en, 'zh': self.zh}.get(lang, f'{self.en} | {self.zh}')

    def text(self, lang: str = 'both') -> str:
        row = '-' if self.row is None else str(self.row)
        return f'{self.path}:{row}:{self.field or "-"}: {self.check}: {self.message(lang)}'

    def github(self, lang: str = 'both') -> str:
        def escape(value: str) -> str:
            return value.replace('%', '%25').replace('\r', '%0D').replace('\n', '%0A')

        def prop(value: str) -> str:
            return escape(value).replace(':', '%3A').replace(',', '%2C')
        line = f',line={self.row}' if self.row else ''
        return f'::error file={prop(self.path)}{line},title={prop(self.check)}::{escape((self.field + ": " if self.field else "") + self.message(lang))}'


class Validator:
    def __init__(self, package_dir: Path):
        self.dir = package_dir
        self.problems: list[Problem] = []
        self.descriptor: dict = {}
        self.resources: dict[str, dict] = {}
        self.schemas: dict[str, dict] = {}
        self.tables: dict[str, Table] = {}
        self.unreadable: set[str] = set()   # resources whose file could not be read as a table

    def add(self, path: str, row: int | None, field: str | None, check: str, key: str, table: str | None = None, **params) -> None:
        en, zh = MESSAGES[key]
        params = {k: shorten(v) if k in ('cell', 'value', 'printed', 'error', 'note') else v for k, v in params.items()}
        en, zh = en.format(**params), zh.format(**params)
        doc = field_docs(self.schemas.get(table or '', {})).get(field or '', {})
        if doc.get('description'):
            en += f' [{field}: {doc["description"]}]'
        if doc.get('description_zh'):
            zh += f'［{field}：{doc["description_zh"]}］'
        self.problems.append(Problem(path, row, field, check, en, zh))

    # -- package, schemas and files ---------------------------------------------
    def load_package(self) -> bool:
        path = self.dir / 'datapackage.json'
        if not path.is_file():
            self.add('datapackage.json', None, None, 'package-json', 'package-missing')
            return False
        try:
            self.descriptor = json.loads(path.read_bytes().decode('utf-8-sig'))
        except UnicodeDecodeError:
            self.add('datapackage.json', None, None, 'package-json', 'package-encoding')
            return False
        except json.JSONDecodeError as error:
            self.add('datapackage.json', error.lineno, None, 'package-json', 'package-syntax', error=error.msg, line=error.lineno, column=error.colno)
            return False
        except RecursionError:
            self.add('datapackage.json', None, None, 'package-json', 'package-syntax', error='nested too deeply', line='-', column='-')
            return False
        if not isinstance(self.descriptor, dict) or not isinstance(self.descriptor.get('resources'), list):
            self.add('datapackage.json', None, 'resources', 'package-descriptor', 'package-shape')
            return False
        for index, resource in enumerate(self.descriptor['resources']):
            if not isinstance(resource, dict) or not isinstance(resource.get('name'), str) or not isinstance(resource.get('path'), str):
                self.add('datapackage.json', None, f'resources[{index}]', 'package-descriptor', 'resource-shape')
                continue
            self.resources[resource['name']] = resource
        for name in self.required_tables():
            if name not in self.resources:
                self.add('datapackage.json', None, 'resources', 'package-descriptor', 'resource-missing', name=name)
        return True

    def required_tables(self) -> list[str]:
        """Tables the package must have: one per schema in its schemas/ folder."""
        return sorted(path.stem for path in (self.dir / 'schemas').glob('*.json'))

    def safe_path(self, rel: str) -> Path | None:
        path = Path(rel)
        if not rel or path.is_absolute() or '..' in path.parts or '\\' in rel:
            return None
        return self.dir / path

    def load_schemas(self) -> None:
        for name, resource in self.resources.items():
            schema = resource.get('schema')
            if isinstance(schema, dict):
                loaded, where = schema, 'datapackage.json'
            else:
                where = schema if isinstance(schema, str) else 'datapackage.json'
                path = self.safe_path(schema) if isinstance(schema, str) else None
                if path is None or not path.is_file():
                    self.add(where, None, None, 'schema', 'schema-missing', name=name)
                    self.unreadable.add(name)
                    continue
                try:
                    loaded = json.loads(path.read_bytes().decode('utf-8-sig'))
                except (ValueError, UnicodeDecodeError, RecursionError) as error:
                    self.add(where, None, None, 'schema', 'schema-syntax', name=name, error=error)
                    self.unreadable.add(name)
                    continue
            if not isinstance(loaded, dict) or not isinstance(loaded.get('fields'), list) or \
                    not all(isinstance(f, dict) and isinstance(f.get('name'), str) for f in loaded['fields']):
                self.add(where, None, 'fields', 'schema', 'schema-shape', name=name)
                self.unreadable.add(name)
                continue
            self.schemas[name] = loaded

    def read_files(self) -> None:
        for name, resource in self.resources.items():
            rel = resource['path']
            path = self.safe_path(rel)
            if path is None:
                self.add('datapackage.json', None, f'resources.{name}.path', 'resource-path', 'path-unsafe', name=name, file=rel)
                self.unreadable.add(name)
                continue
            if not path.is_file():
                self.add(rel, None, None, 'resource-path', 'path-missing', name=name)
                self.unreadable.add(name)
                continue
            text = self.decode(rel, path.read_bytes())
            if text is None:
                self.unreadable.add(name)
                continue
            header = ','.join(f['name'] for f in self.schemas.get(name, {}).get('fields', []))
            if not text.strip():
                self.add(rel, None, None, 'empty-file', 'empty-file', header=header)
                self.unreadable.add(name)
                continue
            try:
                table = parse_csv(text)
            except CSVSyntaxError as error:
                self.add(rel, error.line, None, 'unbalanced-quote', 'unbalanced-quote')
                self.unreadable.add(name)
                continue
            self.tables[name] = table
            if name in self.schemas:
                self.check_header(name)
            if not table.rows and name in REQUIRED_ROWS and name not in self.unreadable:
                self.add(rel, 1, None, 'empty-table', 'empty-table')
        self.check_unlisted_files()

    def decode(self, rel: str, raw: bytes) -> str | None:
        """The file's text, or None after reporting why it cannot be read as UTF-8 CSV."""
        if raw.startswith((b'\xff\xfe', b'\xfe\xff')):
            self.add(rel, None, None, 'encoding', 'utf16')
            return None
        if b'\x00' in raw:
            self.add(rel, raw[:raw.index(b'\x00')].count(b'\n') + 1, None, 'binary', 'binary')
            return None
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b'\n') + 1
            try:
                raw.decode('gb18030')
                self.add(rel, line, None, 'encoding', 'gbk')
            except UnicodeDecodeError:
                self.add(rel, line, None, 'encoding', 'not-utf8', offset=error.start)
            return None
        if text.startswith('\ufeff'):
            self.add(rel, 1, None, 'bom', 'bom')
            text = text[1:]
        if '\r' in text:
            mixed = bool(re.search(r'(?<!\r)\n', text)) or bool(re.search(r'\r(?!\n)', text))
            self.add(rel, text[:text.index('\r')].count('\n') + 1, None, 'line-endings', 'line-endings',
                     kind='mixed' if mixed else 'Windows (CRLF)', kind_zh='混合' if mixed else 'Windows（CRLF）')
        if text and not text.endswith(('\n', '\r')):
            self.add(rel, text.count('\n') + 1, None, 'trailing-newline', 'trailing-newline')
        return text

    def check_header(self, name: str) -> None:
        expected = [f['name'] for f in self.schemas[name]['fields']]
        actual = self.tables[name].header
        if actual == expected:
            return
        rel = self.resources[name]['path']
        header = ','.join(expected)
        self.unreadable.add(name)
        if len(actual) == 1 and (';' in actual[0] or '\t' in actual[0]):
            semicolon = ';' in actual[0]
            self.add(rel, 1, None, 'delimiter', 'delimiter', sep='semicolons' if semicolon else 'tabs', sep_zh='分号' if semicolon else '制表符')
            return
        missing = [f for f in expected if f not in actual]
        extra = [f for f in actual if f not in expected]
        if missing:
            renamed = ' (renamed from ' + ', '.join(extra) + '?)' if len(missing) == len(extra) else ''
            renamed_zh = '（是否由 ' + '、'.join(extra) + ' 改名而来？）' if len(missing) == len(extra) else ''
            self.add(rel, 1, ','.join(missing), 'header', 'header-missing', columns=', '.join(missing), renamed=renamed, renamed_zh=renamed_zh, header=header)
        if extra:
            self.add(rel, 1, ','.join(extra), 'header', 'header-extra', columns=', '.join(extra), header=header)
        if not missing and not extra:
            self.add(rel, 1, None, 'header', 'header-order', header=header)

    def check_unlisted_files(self) -> None:
        listed = {r['path'] for r in self.resources.values()}
        data_dir = self.dir / 'data'
        if data_dir.is_dir():
            for csv_path in sorted(data_dir.glob('*.csv')):
                rel = csv_path.relative_to(self.dir).as_posix()
                if rel not in listed:
                    self.add(rel, None, None, 'unlisted-file', 'unlisted-csv')

    # -- upstream Frictionless ---------------------------------------------------
    def start_upstream(self) -> None:
        """Start Frictionless' own validation in a second process: it reads every table again and
        takes longer than all our checks, so on two cores both run side by side."""
        self.upstream = None
        try:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context('spawn'))
            self.upstream = self.pool.submit(upstream_report, str(self.dir / 'datapackage.json'))
        except (OSError, RuntimeError):
            self.upstream = None  # no second process here: run it in this one when the result is needed

    def run_frictionless(self) -> None:
        result = None
        if self.upstream is not None:
            try:
                result = self.upstream.result()
            except Exception:  # the child died (memory?): try again in this process
                result = None
            self.pool.shutdown()
        if result is None:
            result = upstream_report(str(self.dir / 'datapackage.json'))
        if 'open_error' in result:  # a descriptor Frictionless cannot even open
            self.add('datapackage.json', None, None, 'package-descriptor', 'frictionless-open', error=result['open_error'])
            return
        for message in result['errors']:
            self.add('datapackage.json', None, None, 'package-descriptor', 'frictionless-package', error=message)
        for name, errors in result['tasks']:
            if name in self.unreadable or name not in self.schemas:
                continue
            self.map_errors(name, [SimpleNamespace(**error) for error in errors])

    def map_errors(self, name: str, errors: list) -> None:
        rel = self.resources[name]['path']
        schema = self.schemas[name]
        width = len(schema['fields'])
        blank_rows = {e.row_number for e in errors if e.type == 'blank-row'}
        short_rows = {e.row_number for e in errors if e.type == 'missing-cell'}
        long_rows = {e.row_number for e in errors if e.type == 'extra-cell'}
        pk_rows = {e.row_number for e in errors if e.type == 'primary-key'}
        for row in sorted(blank_rows):
            self.add(rel, row, None, 'blank-row', 'blank-row')
        for row in sorted(short_rows - blank_rows):
            self.add(rel, row, None, 'missing-cell', 'missing-cell', width=width)
        for row in sorted(long_rows - blank_rows):
            self.add(rel, row, None, 'extra-cell', 'extra-cell', width=width)
        docs = field_docs(schema)
        for error in errors:
            row = getattr(error, 'row_number', None)
            field = getattr(error, 'field_name', None)
            cell = getattr(error, 'cell', '')
            if error.type in ('encoding-error', 'source-error', 'scheme-error', 'format-error') and self.unreadable:
                broken = ', '.join(sorted(self.resources[n]['path'] for n in self.unreadable if n in self.resources))
                self.add(rel, None, None, 'skipped', 'upstream-skipped', tables=broken)
                continue
            if error.type in ('blank-row', 'missing-cell', 'extra-cell') or row in blank_rows:
                continue  # reported once per row above
            if row in short_rows and error.type == 'constraint-error':
                continue  # the empty cells of a short row
            if error.type == 'unique-error' and row in pk_rows:
                continue  # the primary-key line says it
            if error.type == 'type-error':
                kind = docs.get(field, {}).get('type', 'string')
                en, zh = TYPE_NAMES.get(kind, (kind, kind))
                hint, hint_zh = TYPE_HINTS.get(kind, ('', ''))
                self.add(rel, row, field, 'type-error', 'type-error', table=name, cell=cell, type=en, type_zh=zh, hint=hint, hint_zh=hint_zh)
            elif error.type == 'constraint-error':
                key, params = self.constraint(docs.get(field, {}), error.note)
                self.add(rel, row, field, 'constraint-error', key, table=name, cell=cell, note=error.note, **params)
            elif error.type == 'unique-error':
                self.add(rel, row, field, 'unique-error', 'unique', table=name, cell=cell)
            elif error.type == 'primary-key':
                fields = ','.join(primary_key(schema))
                self.add(rel, row, fields, 'primary-key', 'primary-key', fields=fields)
            elif error.type == 'foreign-key':
                match = re.search(r'for "([^"]+)": values "(.*)" not found in the lookup table "([^"]*)" as "([^"]+)"', error.note)
                if match:
                    self.add(rel, row, match.group(1), 'foreign-key', 'foreign-key', table=name, value=match.group(2),
                             ref_table=match.group(3) or name, ref=match.group(4))
                else:
                    self.add(rel, row, None, 'foreign-key', 'frictionless', note=error.note)
            else:
                self.add(rel, row, field, error.type, 'frictionless', table=name, note=error.note or error.message)

    @staticmethod
    def constraint(doc: dict, note: str) -> tuple[str, dict]:
        """Message key and parameters for a Frictionless constraint error."""
        name = re.match(r'constraint "(\w+)"', note or '')
        kind = name.group(1) if name else ''
        constraints = doc.get('constraints', {})
        if kind == 'enum':
            return 'enum', {'values': ', '.join(map(str, constraints.get('enum', [])))}
        if kind == 'pattern':
            return 'pattern', {'pattern': constraints.get('pattern', '')}
        return {'required': 'required', 'unique': 'unique', 'minimum': 'range', 'maximum': 'range'}.get(kind, 'constraint'), {}

    # -- our own checks ----------------------------------------------------------
    def rows(self, name: str) -> list[tuple[int, dict[str, str]]]:
        table = self.tables.get(name)
        if table is None or name in self.unreadable:
            return []
        return list(zip(table.lines, table.rows))  # cheap: zips two existing lists

    def path(self, name: str) -> str:
        return self.resources[name]['path']

    def check_hygiene(self) -> None:
        for name in self.tables:
            patterns = {f['name'] for f in self.schemas.get(name, {}).get('fields', []) if f.get('constraints', {}).get('pattern')}
            for line, row in self.rows(name):
                for field, value in row.items():
                    found = text_problem(value, identifier=field in patterns)
                    if found:
                        key, params = found
                        self.add(self.path(name), line, field, 'lookalike' if key == 'lookalike' else 'markup' if key == 'markup' else 'hygiene',
                                 key, table=name, **params)

    def check_provenance(self) -> None:
        sources: dict[str, str] = {}
        source_paths: dict[str, str] = {}
        for line, plan in self.rows('plans'):
            rel = plan.get('source_file', '')
            if not rel:
                self.add(self.path('plans'), line, 'source_file', 'provenance', 'source-none', table='plans')
                continue
            path = self.safe_path(rel)
            if path is None or not path.is_file():
                self.add(self.path('plans'), line, 'source_file', 'provenance', 'source-missing', table='plans', file=rel)
                continue
            sources[plan.get('plan_id', '')] = compact(path.read_bytes().decode('utf-8-sig', errors='replace'))
            source_paths[plan.get('plan_id', '')] = rel
        sources_dir = self.dir / 'data' / 'sources'
        if sources_dir.is_dir() and 'plans' in self.tables and 'plans' not in self.unreadable:
            named = {plan.get('source_file', '') for _, plan in self.rows('plans')}
            for source in sorted(sources_dir.iterdir()):
                rel = source.relative_to(self.dir).as_posix()
                if source.is_file() and rel not in named:
                    self.add(rel, None, None, 'unlisted-file', 'unlisted-source')
        measure_plan = {row.get('measure_id'): row.get('plan_id') for _, row in self.rows('measures')}

        def check(table: str, fields: list[str], plan_of) -> None:
            for line, row in self.rows(table):
                plan_id = plan_of(row)
                source = sources.get(plan_id)
                if source is None:
                    continue
                for field in fields:
                    value = row.get(field, '')
                    if value and compact(value) not in source:
                        self.add(self.path(table), line, field, 'provenance', 'not-in-source', table=table, cell=value, file=source_paths[plan_id])

        check('measures', ['text', 'section', 'chapter', 'deadline'], lambda r: r.get('plan_id'))
        check('targets', ['text'], lambda r: r.get('plan_id'))
        check('responsibilities', ['as_printed'], lambda r: measure_plan.get(r.get('measure_id')))
        check('members', ['name_as_printed', 'post', 'agency_as_printed', 'role_as_printed'], lambda r: r.get('plan_id'))
        check('citations', ['cited_title', 'cited_doc_number'], lambda r: r.get('plan_id'))

    def check_completeness(self) -> None:
        by_plan: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        for line, row in self.rows('measures'):
            by_plan[row.get('plan_id', '')].append((line, row))
        if 'measures' in self.tables and 'measures' not in self.unreadable:
            for line, plan in self.rows('plans'):
                if plan.get('plan_id') not in by_plan:
                    self.add(self.path('plans'), line, 'plan_id', 'completeness', 'no-measures', table='plans')
        for plan_id, items in by_plan.items():
            for position, (line, row) in enumerate(items, start=1):
                if row.get('seq') != str(position):
                    self.add(self.path('measures'), line, 'seq', 'completeness', 'seq-order', table='measures', position=position, plan=plan_id, seq=row.get('seq'))
                    break
            values = [number_value(row.get('number', '')) for _, row in items]
            if None in values:
                continue  # numbers that are not numerals (such as 一是) cannot be checked for gaps
            for position, ((line, row), value) in enumerate(zip(items, values), start=1):
                if value != position:
                    key = 'number-repeat' if value in values[:position - 1] else 'number-gap'
                    self.add(self.path('measures'), line, 'number', 'completeness', key, table='measures', plan=plan_id, number=row.get('number'), expected=position)
                    break

    def check_orphans(self) -> None:
        if not all(t in self.tables and t not in self.unreadable for t in ('responsibilities', 'members')):
            return
        used = {row.get('agency_id') for _, row in self.rows('responsibilities')} | {row.get('agency_id') for _, row in self.rows('members')}
        for line, row in self.rows('agencies'):
            if row.get('agency_id') not in used:
                self.add(self.path('agencies'), line, 'agency_id', 'orphan', 'orphan-agency', table='agencies', agency=row.get('agency_id'))

    def check_note_keys(self) -> None:
        """A curation note's row_key names rows that exist (key fields joined by ':')."""
        keys: dict[str, set[str]] = {}
        named = {note.get('table_name') for _, note in self.rows('curation_notes')}
        for name, schema in self.schemas.items():
            if name not in named:
                continue
            key = primary_key(schema)
            # a leading part of the key (a measure_id for its responsibilities) names all its rows
            keys[name] = {':'.join(row.get(k, '') for k in key[:n]) for _, row in self.rows(name) for n in range(1, len(key) + 1)}
        for line, note in self.rows('curation_notes'):
            table, row_key = note.get('table_name', ''), note.get('row_key', '')
            if row_key and table in keys and table not in self.unreadable and row_key not in keys[table]:
                self.add(self.path('curation_notes'), line, 'row_key', 'note-key', 'note-key', table='curation_notes',
                         cell=row_key, ref_table=table, form=':'.join(primary_key(self.schemas[table])))

    def check_aliases(self) -> None:
        aliases = {(row.get('region_code'), row.get('alias')): (line, row.get('agency_id')) for line, row in self.rows('agency_aliases')}
        agency_region = {row.get('agency_id'): row.get('region_code') for _, row in self.rows('agencies')}
        plan_region = {row.get('plan_id'): row.get('region_code') for _, row in self.rows('plans')}
        measure_plan = {row.get('measure_id'): row.get('plan_id') for _, row in self.rows('measures')}
        for line, row in self.rows('agency_aliases'):
            region = agency_region.get(row.get('agency_id'))
            if region and region != row.get('region_code'):
                self.add(self.path('agency_aliases'), line, 'region_code', 'alias', 'alias-region', table='agency_aliases',
                         region=row.get('region_code'), agency=row.get('agency_id'), agency_region=region)

        def resolve(table: str, line: int, printed: str, agency_id: str, region: str | None, field: str) -> None:
            if not printed or region is None:
                return
            found = aliases.get((region, printed))
            if found is None:
                self.add(self.path(table), line, field, 'alias', 'alias-missing', printed=printed, region=region, agency=agency_id or 'AGENCY_ID')
            elif agency_id and found[1] != agency_id:
                self.add(self.path(table), line, 'agency_id', 'alias', 'alias-mismatch', printed=printed, mapped=found[1], line=found[0], agency=agency_id)

        for line, row in self.rows('responsibilities'):
            region = plan_region.get(measure_plan.get(row.get('measure_id', '')))
            resolve('responsibilities', line, row.get('as_printed', ''), row.get('agency_id', ''), region, 'as_printed')
        for line, row in self.rows('members'):
            resolve('members', line, row.get('agency_as_printed', ''), row.get('agency_id', ''), plan_region.get(row.get('plan_id', '')), 'agency_as_printed')

    def run(self) -> list[Problem]:
        if not self.load_package():
            return self.problems
        steps = [self.start_upstream, self.load_schemas, self.read_files, self.check_hygiene, self.check_provenance,
                 self.check_completeness, self.check_orphans, self.check_aliases, self.check_note_keys, self.run_frictionless]
        for step in steps:
            try:
                step()
            except Exception as error:  # never a traceback for the user; the tests look for this check
                self.add('datapackage.json', None, None, 'internal-error', 'internal-error', step=step.__name__, error=f'{type(error).__name__}: {error}')
        # a lookalike id also fails its pattern upstream: say it once, with the fix
        lookalikes = {(p.path, p.row, p.field) for p in self.problems if p.check == 'lookalike'}
        self.problems = [p for p in self.problems if not (p.check == 'constraint-error' and (p.path, p.row, p.field) in lookalikes)]
        return self.problems


def upstream_report(descriptor: str) -> dict:
    """Frictionless' validation of the package as plain data (it runs in a child process)."""
    from frictionless import Package

    try:
        report = Package(descriptor).validate()
    except Exception as error:
        return {'open_error': str(error)}
    return {'errors': [error.message for error in report.errors],
            'tasks': [(task.name, [{'type': error.type, 'row_number': getattr(error, 'row_number', None),
                                    'field_name': getattr(error, 'field_name', None), 'cell': getattr(error, 'cell', ''),
                                    'note': error.note, 'message': error.message} for error in task.errors])
                      for task in report.tasks]}


_ODD_SPACE = re.compile(r'[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]')
_TAG = re.compile(r'<\s*/?\s*[A-Za-z!][^<>]*>')


def text_problem(value: str, identifier: bool = False) -> tuple[str, dict] | None:
    """The first hygiene problem of a stored cell as (message key, parameters), or None."""
    # Fast path for the common clean cell: isprintable() is False for every control, format,
    # private-use, surrogate, unassigned or non-ASCII space character.
    if value.isprintable() and value == value.strip() and value[:1] not in ('=', '+', '-', '@') and '<' not in value \
            and (not identifier or value.isascii()):
        return None
    if identifier and not value.isascii():
        odd = sorted({c for c in value if not c.isascii()})
        if unicodedata.normalize('NFKC', value).isascii() or odd:
            return 'lookalike', {'cell': value, 'chars': ' '.join(f'{c} U+{ord(c):04X}' for c in odd[:5])}
    if value != value.strip():
        return 'whitespace', {}
    for char in value:
        category = unicodedata.category(char)
        if category == 'Cc':
            return 'control', {'code': f'{ord(char):04X}'}
        if category in ('Cf', 'Co', 'Cs', 'Cn') or char == '\ufffd':
            return 'invisible', {'code': f'{ord(char):04X}', 'name': unicodedata.name(char, 'unnamed')}
    match = _ODD_SPACE.search(value)
    if match:
        return 'odd-space', {'code': f'{ord(match.group()):04X}', 'name': unicodedata.name(match.group(), 'space')}
    if value[:1] in ('=', '+', '-', '@'):
        return 'formula', {'char': value[0]}
    tag = _TAG.search(value)
    if tag:
        return 'markup', {'tag': shorten(tag.group(), 30)}
    return None


def order(problems: list[Problem], resources: dict[str, dict]) -> list[Problem]:
    rank = {r['path']: i for i, r in enumerate(resources.values())}
    return sorted(problems, key=lambda p: (p.path != 'datapackage.json', rank.get(p.path, len(rank)), p.path, p.row or 0))


def report(problems: list[Problem], fmt: str = 'text', lang: str = 'both') -> list[str]:
    """Output lines: problems grouped by file, repeats capped, then the summary."""
    lines: list[str] = []
    shown: Counter = Counter()
    hidden: Counter = Counter()
    for problem in problems:
        key = (problem.path, problem.check, problem.field)
        shown[key] += 1
        if shown[key] > MAX_REPEATS:
            hidden[key] += 1
            continue
        lines.append(problem.github(lang) if fmt == 'github' else problem.text(lang))
    for (path, check, field), n in hidden.items():
        lines.append(f'{path}:-:{field or "-"}: {check}: … and {n} more like the above | 同类问题另有 {n} 个')
    counts = Counter(p.path for p in problems)
    files = ', '.join(f'{path}: {n}' for path, n in counts.items())
    s = 's' if len(problems) != 1 else ''
    lines.append(f'{len(problems)} problem{s} in {len(counts)} file{"s" if len(counts) != 1 else ""} ({files}) | 共 {len(problems)} 个问题，涉及 {len(counts)} 个文件')
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('package_dir', nargs='?', default='.', help='package directory (default: .)')
    parser.add_argument('--format', choices=['text', 'github'], default='text', help='output form (github: workflow annotations)')
    parser.add_argument('--lang', choices=['both', 'en', 'zh'], default='both', help='language of the messages (default: both)')
    args, status = parse_package_args(parser, argv, 'give the package directory (the one holding datapackage.json). | 不是目录：请给出数据包目录（含 datapackage.json 的目录）。')
    if args is None:
        return status
    package_dir = Path(args.package_dir)
    validator = Validator(package_dir)
    problems = order(validator.run(), validator.resources)
    if problems:
        print('\n'.join(report(problems, args.format, args.lang)))
        return 1
    counts = {name: len(table.rows) for name, table in validator.tables.items()}
    print(f'valid: {len(counts)} tables, {sum(counts.values())} rows ({", ".join(f"{k} {v}" for k, v in counts.items())})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
