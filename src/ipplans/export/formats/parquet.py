"""Each table as Parquet: typed columns, and the field descriptions in the Arrow schema metadata."""
from __future__ import annotations

import io
import json

from ipplans.export.load import TypedPackage
from ipplans.export.shared import Download, constraint_text
from ipplans.package import Resource
from ipplans.schema import TYPES

FILES = 'TABLE.parquet'
ABOUT = ('each table with typed columns (int64, float64, date32, string) and the field descriptions '
         'in the Arrow schema metadata')


def parquet_bytes(typed: TypedPackage, res: Resource) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = []
    for f in res.fields:
        meta = {'description': f.get('description', ''), 'description_zh': f.get('description_zh', ''),
                'constraints': constraint_text(res, f)}
        fields.append(pa.field(f['name'], getattr(pa, TYPES[f.get('type', 'string')].arrow)(),
                               nullable=not f.get('constraints', {}).get('required', False), metadata=meta))
    d = typed.descriptor
    schema = pa.schema(fields, metadata={
        'table': res.name, 'description': res.schema.get('description', ''),
        'description_zh': res.schema.get('description_zh', ''),
        'package': d['name'], 'version': d.get('version', ''),
        'licenses': json.dumps(d.get('licenses', []), ensure_ascii=False)})
    rows = typed.rows[res.name]
    columns = list(zip(*rows)) if rows else [[] for _ in res.fields]
    table = pa.table([pa.array(list(col), type=field.type) for col, field in zip(columns, fields)], schema=schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def downloads(typed: TypedPackage) -> list[Download]:
    return [Download(f'{res.name}.parquet',
                     f'Table {res.name}, Parquet with typed columns and field descriptions: {res.description}',
                     res.name, lambda res=res: parquet_bytes(typed, res))
            for res in typed.resources]
