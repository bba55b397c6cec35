"""Each resource's path stays inside the package and names a file that exists."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('resource-path',)
MESSAGES = {
    'path-unsafe': ('resource "{name}" has path {file}: paths must be relative and stay inside the package.',
                    '资源“{name}”的路径为 {file}：路径必须是数据包内的相对路径。'),
    'path-missing': ('the file named by resource "{name}" does not exist; create it or fix "path" in datapackage.json.',
                     '资源“{name}”指向的文件不存在；请创建该文件或修正 datapackage.json 中的 "path"。'),
}


def run(ctx: Context) -> None:
    for name, resource in ctx.resources.items():
        path = ctx.package.file(resource.path)
        if path is None:
            if not ctx.reported('datapackage.json', f'resources.{name}.path'):   # an address or absolute path: said there
                ctx.add('datapackage.json', None, f'resources.{name}.path', 'resource-path', 'path-unsafe', name=name, file=resource.path)
            ctx.unreadable.add(name)
        elif not path.is_file():
            ctx.add(resource.path, None, None, 'resource-path', 'path-missing', name=name)
            ctx.unreadable.add(name)
        else:
            ctx.files[name] = path
