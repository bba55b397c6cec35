"""The package's safety rules, one home shared by every tool (validate, fix, export, site, add, ingest).

Files. `unsafe_entries` walks the folders the tools read (data/, data/sources/, schemas/) and the
top-level files they read, without following anything, and lists every symbolic link, special file
(fifo, socket, device) and file or folder the layout below does not allow. Package.open
(ipplans.package) raises UnsafeFiles, a PackageError, with a located message for each, so every
tool refuses such a package before it reads anything; the validator reports the same entries with
the same words. `read_bytes` and `write_bytes` never follow a symbolic link (and write by replacing
the file), so nothing outside the package is read or written even if a link appears later.

The descriptor. DESCRIPTOR lists the properties of datapackage.json the package uses and the values
each may take, and `descriptor_problems` refuses anything else before Frictionless sees the
descriptor: an address (http, https, ftp, file …) or absolute path where a file of the package is
expected (Frictionless would fetch or open it during validation), a profile or dialect given as a
file, and every option that hides or reinterprets rows (dialect: commentRows, commentChar,
headerRows, skipInitialSpace …; the v4 layout: pickRows, skipRows …; inline data). A maintainer who
needs a new property adds it here, which is a change of the gate.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ipplans.text import visible


# -- files -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Folder:
    """A folder the tools read: the names of the regular files allowed in it, and its subfolders."""
    files: str                                    # a regular expression for a whole file name
    allowed: tuple[str, str]                      # the same in words (English, Chinese), for messages
    folders: dict[str, Folder] = field(default_factory=dict)


NAME = r'[A-Za-z0-9_.-]+'
SOURCES = Folder(rf'{NAME}\.txt', ('source texts NAME.txt (ASCII letters, digits, _ . -)',
                                   '来源文本 NAME.txt（ASCII 字母、数字、_ . -）'))
LAYOUT: dict[str, Folder] = {
    'data': Folder(rf'{NAME}\.csv', ('tables NAME.csv (ASCII letters, digits, _ . -) and the folder sources/',
                                     '表格 NAME.csv（ASCII 字母、数字、_ . -）及 sources/ 文件夹'), {'sources': SOURCES}),
    'schemas': Folder(rf'{NAME}\.json|README\.md', ('schemas NAME.json and README.md', '结构文件 NAME.json 及 README.md')),
}
# Files at the top of the package that tools read (the descriptor; the export zips the others).
TOP_FILES = ('datapackage.json', 'README.md', 'CHANGELOG.md', 'CITATION.cff', 'LICENSE')

FILE_MESSAGES = {
    'symlink': ('a symbolic link: the package holds only regular files (a link can publish or overwrite a file outside it). '
                'Put the file itself here, or remove the link. Nothing else was read.',
                '这是符号链接：数据包只能包含普通文件（链接可能发布或覆盖包外的文件）。请放入文件本身，或删除该链接。其他文件均未读取。'),
    'special': ('not a regular file (a fifo, socket or device): the package holds only regular files. Remove it. Nothing else was read.',
                '不是普通文件（管道、套接字或设备文件）：数据包只能包含普通文件。请删除。其他文件均未读取。'),
    'unexpected-file': ('a file the package does not expect here ({folder} holds {allowed}): rename it, move it out of the package, '
                        'or remove it. Nothing else was read.',
                        '此处不应有此文件（{folder} 只能包含{allowed_zh}）：请改名、移出数据包或删除。其他文件均未读取。'),
    'unexpected-folder': ('a folder the package does not expect here ({folder} holds {allowed}): move its files into place, or '
                          'remove it. Nothing else was read.',
                          '此处不应有此文件夹（{folder} 只能包含{allowed_zh}）：请把其中文件移到正确位置，或删除该文件夹。其他文件均未读取。'),
    'unreadable': ('cannot be listed or examined ({error}): fix its permissions. Nothing else was read.',
                   '无法列出或检查（{error}）：请修正其权限。其他文件均未读取。'),
}


@dataclass(frozen=True)
class Entry:
    """One entry the tools refuse: its path in the package (as found), and why (a FILE_MESSAGES key)."""
    path: str
    kind: str
    params: tuple[tuple[str, str], ...] = ()

    def message(self) -> tuple[str, str]:
        """The message in English and Chinese (the path not included)."""
        en, zh = FILE_MESSAGES[self.kind]
        params = dict(self.params)
        return en.format(**params), zh.format(**params)

    def line(self) -> str:
        en, zh = self.message()
        return f'{visible(self.path)}: {en} | {zh}'


def _kind(mode: int) -> str | None:
    """'symlink' or 'special' for a mode no tool may read, None for a regular file or folder."""
    if stat.S_ISLNK(mode):
        return 'symlink'
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return 'special'
    return None


def refused(path: Path) -> Entry | None:
    """The one entry a tool refuses to read at `path` (a symbolic link or a special file), or None
    for a regular file or folder; looked at without following anything."""
    try:
        kind = _kind(os.lstat(path).st_mode)
    except OSError as error:
        return Entry(str(path), 'unreadable', (('error', error.strerror or str(error)),))
    return Entry(str(path), kind) if kind else None


def links_within(root: Path, names: tuple[str, ...]) -> list[Entry]:
    """Every symbolic link or special file at or under `root`/NAME for each name that exists (the
    site's own sources: mkdocs.yml, docs/, overrides/, hooks/), which MkDocs would follow into the site."""
    found: list[Entry] = []
    for name in names:
        entry = refused(root / name) if os.path.lexists(root / name) else None
        if entry:
            found.append(Entry(name, entry.kind, entry.params))
        elif (root / name).is_dir():
            for folder, dirs, files in os.walk(root / name):   # os.walk does not follow links to folders
                for item in sorted(dirs + files):
                    path = Path(folder) / item
                    entry = refused(path)
                    if entry:
                        found.append(Entry(path.relative_to(root).as_posix(), entry.kind, entry.params))
    return found


def _walk(root: Path, rel: str, folder: Folder, found: list[Entry]) -> None:
    where = {'folder': f'{rel}/', 'allowed': folder.allowed[0], 'allowed_zh': folder.allowed[1]}
    try:
        with os.scandir(root / rel) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        found.append(Entry(rel, 'unreadable', (('error', error.strerror or str(error)),)))
        return
    for entry in entries:
        path = f'{rel}/{entry.name}'
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as error:
            found.append(Entry(path, 'unreadable', (('error', error.strerror or str(error)),)))
            continue
        kind = _kind(mode)
        if kind:
            found.append(Entry(path, kind))
        elif stat.S_ISDIR(mode):
            if entry.name in folder.folders:
                _walk(root, path, folder.folders[entry.name], found)
            else:
                found.append(Entry(path, 'unexpected-folder', tuple(where.items())))
        elif not re.fullmatch(folder.files, entry.name):
            found.append(Entry(path, 'unexpected-file', tuple(where.items())))


def _mode(package_dir: Path, name: str, found: list[Entry]) -> int | None:
    """The entry's mode without following a link; None when it is absent, or unreadable (then reported)."""
    try:
        return os.lstat(package_dir / name).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        found.append(Entry(name, 'unreadable', (('error', error.strerror or str(error)),)))
        return None


def unsafe_entries(package_dir: Path) -> list[Entry]:
    """Every entry of the package that no tool may read, in path order; [] for a safe package.
    Only names and modes are looked at (lstat): nothing is opened, no link is followed."""
    found: list[Entry] = []
    top = {'folder': './', 'allowed': 'datapackage.json, data/, schemas/ and the documentation files',
           'allowed_zh': ' datapackage.json、data/、schemas/ 及说明文件'}
    for name in TOP_FILES:
        mode = _mode(package_dir, name, found)
        if mode is None:
            continue
        kind = _kind(mode) or ('unexpected-folder' if stat.S_ISDIR(mode) else None)
        if kind:
            found.append(Entry(name, kind, tuple(top.items())))
    for name, folder in LAYOUT.items():
        mode = _mode(package_dir, name, found)
        if mode is None:
            continue
        kind = _kind(mode) or ('unexpected-file' if not stat.S_ISDIR(mode) else None)
        if kind:
            found.append(Entry(name, kind, tuple(top.items())))
        else:
            _walk(package_dir, name, folder, found)
    return found


_NOFOLLOW = getattr(os, 'O_NOFOLLOW', 0)


def _not_regular(path: Path, mode: int) -> OSError:
    what = 'a symbolic link' if stat.S_ISLNK(mode) else 'not a regular file'
    return OSError(errno.EINVAL, f'{what}; the tools read and write only regular files of the package', str(path))


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes; OSError for a symbolic link, a fifo or a device (never followed or
    waited on)."""
    if not _NOFOLLOW and os.path.islink(path):
        raise _not_regular(path, stat.S_IFLNK)
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, 'O_NONBLOCK', 0) | getattr(os, 'O_CLOEXEC', 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _not_regular(path, stat.S_IFLNK) from None
        raise
    with open(fd, 'rb') as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(path, mode)
        return handle.read()


def write_bytes(path: Path, data: bytes) -> None:
    """Replace a regular file of the package with `data`, never writing through a symbolic link: the
    bytes go to a new file beside it, which then takes its name."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG | 0o644
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    temp = path.with_name(f'.{path.name}.{os.getpid()}.tmp')
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, 'O_CLOEXEC', 0), stat.S_IMODE(mode))
    try:
        with open(fd, 'wb') as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


# -- the descriptor ------------------------------------------------------------------------------------
# A value rule returns None when the value is allowed, else (message key, what is allowed in words).
Rule = Callable[[object], 'tuple[str, str] | None']

URL = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:|//')          # any address: http:, https:, ftp:, file:, data: …
WEB = re.compile(r'https?://[^\s<>"]+')                     # where an address is only shown, never fetched


def text(value: object) -> tuple[str, str] | None:
    return None if isinstance(value, str) else ('descriptor-type', 'text')


def number(value: object) -> tuple[str, str] | None:
    return None if isinstance(value, int) and not isinstance(value, bool) else ('descriptor-type', 'a whole number')


def one_of(*allowed: str) -> Rule:
    def rule(value: object) -> tuple[str, str] | None:
        if isinstance(value, str) and URL.match(value) and value not in allowed:
            return 'descriptor-url', ' or '.join(f'"{a}"' for a in allowed)
        return None if value in allowed else ('descriptor-value', ' or '.join(f'"{a}"' for a in allowed))
    return rule


def file_in(pattern: str, form: str) -> Rule:
    """A path naming a file inside the package, of the given form (never an address or an absolute path)."""
    def rule(value: object) -> tuple[str, str] | None:
        if not isinstance(value, str):
            return 'descriptor-type', f'a path of the form {form}'
        if URL.match(value):
            return 'descriptor-url', form
        if value.startswith(('/', '\\')) or re.match(r'[A-Za-z]:', value):
            return 'descriptor-absolute', form
        return None if re.fullmatch(pattern, value) else ('descriptor-path', form)
    return rule


def matches(pattern: str, form: str) -> Rule:
    def rule(value: object) -> tuple[str, str] | None:
        return None if isinstance(value, str) and re.fullmatch(pattern, value) else ('descriptor-value', form)
    return rule


def address(value: object) -> tuple[str, str] | None:
    """An http(s) address that the descriptor only shows (a licence, a source's page): Frictionless never fetches these."""
    if not isinstance(value, str) or not WEB.fullmatch(value):
        return 'descriptor-value', 'an http:// or https:// address'
    return None


@dataclass(frozen=True)
class Obj:
    """A JSON object with these properties (and no other); `required` ones must be there."""
    properties: dict[str, Rule | Obj | ListOf]
    required: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListOf:
    item: Rule | Obj


RESOURCE = Obj({
    'name': text,
    'path': file_in(rf'data/{NAME}\.csv', 'data/NAME.csv'),
    'schema': file_in(rf'schemas/{NAME}\.json', 'schemas/NAME.json'),
    'profile': one_of('tabular-data-resource'),
    'format': one_of('csv'),
    'mediatype': one_of('text/csv'),
    'encoding': one_of('utf-8'),
    'description': text,
    'bytes': number,                                           # the zip's descriptor carries these two,
    'hash': matches(r'(sha256:)?[0-9a-f]{64}', 'sha256:HEX'),  # and Frictionless checks them
}, required=('name', 'path', 'schema'))
LICENCE = Obj({'name': text, 'path': address, 'title': text})
DESCRIPTOR = Obj({
    'name': text, 'title': text, 'description': text, 'version': text, 'created': text,
    'keywords': ListOf(text),
    'licenses': ListOf(LICENCE),
    'code_license': Obj({'name': text, 'path': file_in(NAME, 'a file at the top of the package, such as LICENSE'), 'title': text}),
    'sources': ListOf(Obj({'title': text, 'path': file_in(rf'data/sources/{NAME}\.txt', 'data/sources/NAME.txt'), 'url': address})),
    'contributors': ListOf(Obj({'title': text, 'role': text})),
    'resources': ListOf(RESOURCE),
}, required=('name', 'resources'))

DESCRIPTOR_MESSAGES = {
    'descriptor-property': ('"{where}" is not a property this package uses (it uses {allowed}): remove it.{hint} Frictionless acts '
                            'on properties such as dialect, layout, profile or data, which can hide or reinterpret rows or fetch '
                            'files; a new one is a change of the gate, made in ipplans/safety.py by a maintainer.',
                            '“{where}”不是本数据包使用的属性（可用：{allowed}）：请删除。{hint_zh}Frictionless 会按 dialect、layout、profile、'
                            'data 等属性行事，可能隐藏或改读数据行、或下载文件；新增属性属于对校验关卡的修改，须由维护者在 ipplans/safety.py 中添加。'),
    'descriptor-required': ('"{where}" is missing: add it ({allowed}).', '缺少“{where}”：请补上（{allowed}）。'),
    'descriptor-type': ('"{where}" must be {allowed}.', '“{where}”必须是{allowed}。'),
    'descriptor-value': ('"{where}" is "{value}"; this package allows only {allowed}: change it.',
                         '“{where}”的值为“{value}”；本数据包只允许 {allowed}：请修改。'),
    'descriptor-url': ('"{where}" is "{value}", an address: Frictionless would fetch or open it during validation. Name a file '
                       'inside the package instead ({allowed}).',
                       '“{where}”的值“{value}”是一个地址：Frictionless 会在校验时下载或打开它。请改为数据包内的文件（{allowed}）。'),
    'descriptor-absolute': ('"{where}" is "{value}", an absolute path outside the package: use a path inside it ({allowed}).',
                            '“{where}”的值“{value}”是包外的绝对路径：请改用包内路径（{allowed}）。'),
    'descriptor-path': ('"{where}" is "{value}": it must name a file inside the package of the form {allowed}.',
                        '“{where}”的值“{value}”：必须是数据包内形如 {allowed} 的文件。'),
}


# Where a property the package does not use has a home elsewhere, the message says so.
HINTS = {
    'sources.hash': (" An archived source's SHA-256 is recorded in plans.source_sha256, where the validator checks it.",
                     '存档来源的 SHA-256 记录在 plans.source_sha256 中，由校验程序核对。'),
}


@dataclass(frozen=True)
class DescriptorProblem:
    where: str          # the property, as resources.NAME.path or licenses[0].path
    key: str            # a DESCRIPTOR_MESSAGES key
    value: str          # the value found (as text)
    allowed: str        # what is allowed, in words

    @property
    def params(self) -> dict[str, str]:
        general = re.sub(r'\[\d+\]|(?<=^resources)\.[^.]+', '', self.where)   # sources[0].hash → sources.hash
        hint, hint_zh = HINTS.get(general, ('', ''))
        return {'where': self.where, 'value': self.value, 'allowed': self.allowed, 'hint': hint, 'hint_zh': hint_zh}


def _name(where: str, index: int, item: object) -> str:
    if where == 'resources' and isinstance(item, dict) and isinstance(item.get('name'), str) and item['name']:
        return f'resources.{item["name"]}'
    return f'{where}[{index}]'


def _check(spec: Rule | Obj | ListOf, value: object, where: str, found: list[DescriptorProblem]) -> None:
    if isinstance(spec, ListOf):
        if not isinstance(value, list):
            found.append(DescriptorProblem(where, 'descriptor-type', '', 'a list'))
            return
        for index, item in enumerate(value):
            _check(spec.item, item, _name(where, index, item), found)
    elif isinstance(spec, Obj):
        if not isinstance(value, dict):
            found.append(DescriptorProblem(where, 'descriptor-type', '', 'an object'))
            return
        prefix = f'{where}.' if where else ''
        for key in spec.required:
            if key not in value:
                found.append(DescriptorProblem(prefix + key, 'descriptor-required', '', 'see the other entries'))
        for key, item in value.items():
            if key not in spec.properties:
                found.append(DescriptorProblem(prefix + str(key), 'descriptor-property', '', ', '.join(spec.properties)))
            else:
                _check(spec.properties[key], item, prefix + key, found)
    else:
        problem = spec(value)
        if problem:
            shown = value if isinstance(value, str) else type(value).__name__
            found.append(DescriptorProblem(where, problem[0], shown, problem[1]))


def descriptor_problems(descriptor: dict) -> list[DescriptorProblem]:
    """Every property of the descriptor that the package does not use, or whose value it does not
    allow; [] for a descriptor that is safe to hand to Frictionless."""
    found: list[DescriptorProblem] = []
    _check(DESCRIPTOR, descriptor, '', found)
    return found
