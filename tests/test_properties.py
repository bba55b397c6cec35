"""Property-based tests: the fixer is idempotent and changes only what it documents;
the validator never raises, whatever bytes a CSV file or datapackage.json holds."""
from __future__ import annotations

import csv
import io
import tempfile
import unicodedata
from contextlib import redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from ipplans import fix as normalize
from ipplans.text import compact
from conftest import copy_package, validate

SETTINGS = dict(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text like contributors paste: Chinese, ASCII, both kinds of punctuation, layout spaces, zero-width characters.
ALPHABET = st.sampled_from(list('区市场监管局（知识产权局）(),，。、；;:"\'abcXYZ019-－Ａ１ ') + ['\u00a0', '\u3000', '\u2002', '\u200b', '\ufeff', '\t'])
CELL = st.text(ALPHABET, max_size=30)


def run_fixer(package: Path) -> list[str]:
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert normalize.main([str(package)]) == 0
    return buffer.getvalue().splitlines()


def read_cells(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding='utf-8'), newline='')))


@settings(**SETTINGS)
@given(cells=st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=5),
       encoding=st.sampled_from(['utf-8', 'utf-8-sig', 'gb18030']), newline=st.sampled_from(['\n', '\r\n']))
def test_fixer_is_idempotent_and_changes_only_what_it_documents(cells, encoding, newline):
    with tempfile.TemporaryDirectory() as tmp:
        package = copy_package(Path(tmp))
        path = package / 'data' / 'agency_aliases.csv'
        rows = [['region_code', 'alias', 'agency_id'], *[list(c) for c in cells]]
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=newline).writerows(rows)
        try:
            raw = buffer.getvalue().encode(encoding)
        except UnicodeEncodeError:
            return  # a character GB18030 cannot hold: nothing to test
        if encoding == 'gb18030':
            try:
                raw.decode('utf-8')
                return  # these GB18030 bytes are also valid UTF-8 (a documented limit): nothing to tell them apart
            except UnicodeDecodeError:
                pass
        path.write_bytes(raw)
        run_fixer(package)
        once = path.read_bytes()
        fixed = read_cells(path)
        assert len(fixed) == len(rows) and all(len(r) == 3 for r in fixed)
        for original, result in zip(rows[1:], fixed[1:]):
            for index, (before, after) in enumerate(zip(original, result)):
                identifier = index in (0, 2)   # region_code and agency_id carry a pattern
                visible_before = before.replace('\u200b', '').replace('\ufeff', '')
                if identifier:
                    assert compact(visible_before).translate(normalize.DASHES) == compact(after)
                    assert unicodedata.normalize('NFKC', after) == after  # full-width forms became ASCII
                else:
                    assert compact(visible_before) == compact(after)
                assert after == after.strip() and '\u200b' not in after and '\u00a0' not in after and '\u3000' not in after
                if before == before.strip() and before.isascii() and '\t' not in before:
                    assert after == before  # nothing to fix: nothing changed
        assert once.decode('utf-8').endswith('\n') and b'\r\n' not in once and not once.startswith(b'\xef\xbb\xbf')
        second = run_fixer(package)
        assert path.read_bytes() == once and second[-1] == 'nothing to fix'


@settings(**SETTINGS)
@given(content=st.one_of(st.binary(max_size=400),
                         st.text(st.characters(), max_size=200).map(lambda t: t.encode('utf-8', 'surrogatepass')),
                         st.builds(lambda head, junk: head + junk, st.sampled_from([b'measure_id,plan_id,seq,number,chapter,section,text,deadline,deadline_date\n', b'']), st.binary(max_size=200))),
       table=st.sampled_from(['plans', 'measures', 'responsibilities', 'agencies', 'targets']))
def test_validator_never_raises_on_arbitrary_csv_bytes(content, table):
    with tempfile.TemporaryDirectory() as tmp:
        package = copy_package(Path(tmp))
        (package / 'data' / f'{table}.csv').write_bytes(content)
        code, out = validate(package)
        assert code in (0, 1)
        assert not any(': internal-error: ' in line for line in out), out


@settings(**SETTINGS)
@given(content=st.one_of(st.binary(max_size=300),
                         st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(['resources', 'name', 'path', 'schema', 'fields', 'x']), inner, max_size=3),
                                      max_leaves=10).map(lambda v: __import__('json').dumps(v).encode())))
def test_validator_never_raises_on_arbitrary_descriptor(content):
    with tempfile.TemporaryDirectory() as tmp:
        package = copy_package(Path(tmp))
        (package / 'datapackage.json').write_bytes(content)
        code, out = validate(package)
        assert code == 1
        assert not any(': internal-error: ' in line for line in out), out
