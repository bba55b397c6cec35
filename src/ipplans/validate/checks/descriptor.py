"""datapackage.json reads as a descriptor with named resources, one for every schema in schemas/,
and uses only the properties and values that ipplans.safety allows.

It builds the package the others read. When the descriptor cannot be used it leaves `ctx.package`
None and the run stops. A property the package does not use, or an address or absolute path where a
file of the package is expected, is reported here, before Frictionless sees the descriptor, and
Frictionless is then not run at all (it would fetch the address, or read rows our checks do not).
"""
from __future__ import annotations

import json

from ipplans.package import Package, Resource, is_descriptor, is_resource_entry, read_json
from ipplans.safety import DESCRIPTOR_MESSAGES, descriptor_problems
from ipplans.validate.context import Context

CODES = ('package-json', 'package-descriptor')
MESSAGES = DESCRIPTOR_MESSAGES | {
    'package-missing': ('datapackage.json is missing: every package needs its descriptor at the top of the directory.',
                        '缺少 datapackage.json：数据包根目录必须有描述文件。'),
    'package-encoding': ('datapackage.json is not UTF-8 text: save it as UTF-8.', 'datapackage.json 不是 UTF-8 文本：请另存为 UTF-8。'),
    'package-syntax': ('not valid JSON: {error} (line {line}, column {column}); fix the syntax — a missing comma or quote is the usual cause.',
                       '不是有效的 JSON：{error}（第 {line} 行第 {column} 列）；请修正语法，常见原因是缺少逗号或引号。'),
    'package-shape': ('the descriptor must be a JSON object with a "resources" list.', '描述文件必须是含有 "resources" 列表的 JSON 对象。'),
    'resource-shape': ('each resource needs a "name" and a "path" (strings).', '每个资源都需要字符串类型的 "name" 和 "path"。'),
    'resource-missing': ('no resource named "{name}": list data/{name}.csv with schema schemas/{name}.json in datapackage.json.',
                         '没有名为“{name}”的资源：请在 datapackage.json 中列出 data/{name}.csv 及其结构 schemas/{name}.json。'),
}


def read_descriptor(ctx: Context) -> dict | None:
    """The descriptor as JSON, or None after saying why it cannot be read."""
    path = ctx.dir / 'datapackage.json'
    if not path.is_file():
        ctx.add('datapackage.json', None, None, 'package-json', 'package-missing')
        return None
    try:
        descriptor = read_json(path)
    except UnicodeDecodeError:
        ctx.add('datapackage.json', None, None, 'package-json', 'package-encoding')
        return None
    except json.JSONDecodeError as error:
        ctx.add('datapackage.json', error.lineno, None, 'package-json', 'package-syntax', error=error.msg, line=error.lineno, column=error.colno)
        return None
    except RecursionError:
        ctx.add('datapackage.json', None, None, 'package-json', 'package-syntax', error='nested too deeply', line='-', column='-')
        return None
    if not is_descriptor(descriptor):
        ctx.add('datapackage.json', None, 'resources', 'package-descriptor', 'package-shape')
        return None
    return descriptor


def run(ctx: Context) -> None:
    descriptor = read_descriptor(ctx)
    if descriptor is None:
        return
    for problem in descriptor_problems(descriptor):
        ctx.add('datapackage.json', None, problem.where, 'package-descriptor', problem.key, **problem.params)
        ctx.upstream_blocked = True
    package = Package(ctx.dir, descriptor)
    for index, entry in enumerate(descriptor['resources']):
        if not is_resource_entry(entry):
            ctx.add('datapackage.json', None, f'resources[{index}]', 'package-descriptor', 'resource-shape')
            continue
        package.resources[entry['name']] = Resource(entry['name'], entry)
    # the tables the package must have: one per schema in its schemas/ folder
    for name in sorted(path.stem for path in (ctx.dir / 'schemas').glob('*.json')):
        if name not in package.resources:
            ctx.add('datapackage.json', None, 'resources', 'package-descriptor', 'resource-missing', name=name)
    ctx.package = package
