"""Each resource's schema exists, parses as JSON and lists its fields."""
from __future__ import annotations

from ipplans.package import is_schema, read_json
from ipplans.validate.context import Context

CODES = ('schema',)
MESSAGES = {
    'schema-missing': ('the schema file of resource "{name}" does not exist; create it or fix "schema" in datapackage.json.',
                       '资源“{name}”的结构文件不存在；请创建该文件或修正 datapackage.json 中的 "schema"。'),
    'schema-syntax': ('the schema of resource "{name}" does not parse as JSON ({error}); fix its syntax.',
                      '资源“{name}”的结构文件不是有效的 JSON（{error}）；请修正语法。'),
    'schema-shape': ('the schema of resource "{name}" has no "fields" list.', '资源“{name}”的结构文件缺少 "fields" 列表。'),
}


def run(ctx: Context) -> None:
    for name, resource in ctx.resources.items():
        schema = resource.entry.get('schema')
        if isinstance(schema, dict):
            loaded, where = schema, 'datapackage.json'
        else:
            path = ctx.package.file(schema)
            where = schema if isinstance(schema, str) and path is not None else 'datapackage.json'
            if path is None or not path.is_file():
                if not ctx.reported('datapackage.json', f'resources.{name}.schema'):   # an address or absolute path: said there
                    ctx.add(where, None, None, 'schema', 'schema-missing', name=name)
                ctx.unreadable.add(name)
                continue
            try:
                loaded = read_json(path)
            except (ValueError, UnicodeDecodeError, RecursionError) as error:
                ctx.add(where, None, None, 'schema', 'schema-syntax', name=name, error=error)
                ctx.unreadable.add(name)
                continue
        if not is_schema(loaded):
            ctx.add(where, None, 'fields', 'schema', 'schema-shape', name=name)
            ctx.unreadable.add(name)
            continue
        resource.schema = loaded
