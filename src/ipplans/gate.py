"""The base gate: a pull request's data judged by the base branch's validator, schemas and descriptor.

    ipplans gate PR_DIR --base REV [--format text|github] [--lang both|en|zh]

Run it with the base branch's code (CI unpacks the base into a folder of its own and runs its
ipplans) on PR_DIR, a checkout of the pull request as it would merge, REV being the base revision:

1. Gate changes. Every file the pull request changes that decides how data is judged (GATE: code,
   schemas, descriptor, CI, tests, build files) is listed: a GitHub warning on the file with
   --format github, and a section of the job summary when $GITHUB_STEP_SUMMARY is set. A maintainer
   must review such a change; it never judges the data of its own pull request.
2. The data. PR_DIR must pass the file-safety rule (ipplans.safety: no link, no special file,
   nothing unexpected). Its data/ is then copied into a scratch package beside the base's
   datapackage.json and schemas/, read from REV with git, and checked by this validator with the
   add-only rules against REV (`ipplans validate --base`); then `ipplans fix --check` says what
   make fix would change.

Exit 0 when the data passes, 1 when it does not, 2 on unusable arguments. A gate change alone does
not fail the gate (a maintainer's own change to the gate is reviewed, not refused).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

from ipplans import fix
from ipplans.cli import parse_package_args
from ipplans.safety import LAYOUT, read_bytes
from ipplans.sources import Base, BaseError
from ipplans.text import visible
from ipplans.validate import run
from ipplans.validate.checks import MESSAGES, package_files
from ipplans.validate.context import Context
from ipplans.validate.problem import Problem
from ipplans.validate.report import order, report

# Files that decide how the data is judged, or run when it is built: a folder ends with '/'.
GATE = ('src/', 'schemas/', 'datapackage.json', '.github/', '.ci/', 'tests/', 'scripts/', 'hooks/', 'overrides/',
        'docs/javascripts/', 'Makefile', 'pyproject.toml', 'requirements.txt', 'mkdocs.yml')
GATE_CHANGE = ('this pull request changes a file of the gate, which decides how data is judged (code, schemas, descriptor, CI, '
               'tests, build files). A maintainer must review this change; the data of this pull request is judged by the base '
               "branch's gate, not by it.",
               '此拉取请求修改了校验关卡的文件，它决定如何评判数据（代码、结构、描述文件、CI、测试、构建文件）。须由维护者审查此修改；'
               '本拉取请求的数据由基准分支的关卡评判，而不由此修改评判。')


def is_gate(path: str) -> bool:
    return any(path == entry or (entry.endswith('/') and path.startswith(entry)) for entry in GATE)


def gate_changes(base: Base) -> list[str]:
    """The files of the gate that differ from the base (paths relative to the package)."""
    return [path for path in base.changed() if is_gate(path)]


def gate_notice(changes: list[str], fmt: str, lang: str) -> str:
    """One line saying which gate files changed and that a maintainer must review them (a single
    annotation: GitHub shows at most ten warnings of a step)."""
    shown = ', '.join(visible(path) for path in changes[:20]) + (f' … (+{len(changes) - 20})' if len(changes) > 20 else '')
    message = Problem('-', None, None, 'gate-change', f'{len(changes)} file(s) of the gate changed ({shown}): {GATE_CHANGE[0]}',
                      f'修改了 {len(changes)} 个关卡文件（{shown}）：{GATE_CHANGE[1]}').message(lang)
    if fmt == 'github':
        return '::warning title=gate change::' + message.replace('%', '%25')
    return f'gate-change: {message}'


def judged_package(pr_dir: Path, base: Base, into: Path) -> None:
    """The package to judge: the base's datapackage.json and schemas/ (from git), the pull request's data/."""
    descriptor = base.read('datapackage.json')
    if descriptor is None:
        raise BaseError(f'the base revision {base.rev} has no datapackage.json here')
    (into / 'datapackage.json').write_bytes(descriptor)
    (into / 'schemas').mkdir()
    for rel in base.files('schemas'):
        if rel.count('/') == 1:
            (into / rel).write_bytes(base.read(rel) or b'')

    def copy(rel: str, folders: dict) -> None:
        source = pr_dir / rel
        if not source.is_dir():
            return
        (into / rel).mkdir()
        for entry in sorted(source.iterdir()):       # the file-safety rule has passed: regular files and allowed folders only
            if entry.name in folders:
                copy(f'{rel}/{entry.name}', folders[entry.name].folders)
            else:
                (into / rel / entry.name).write_bytes(read_bytes(entry))
    copy('data', LAYOUT['data'].folders)


def summary(changes: list[str], lines: list[str], passed: bool) -> str:
    """The job summary (Markdown)."""
    out = ['## Base gate / 基准关卡', '',
           ('The data passes the base branch\'s gate. | 数据通过了基准分支的关卡。' if passed else
            'The data does not pass the base branch\'s gate: see the annotations. | 数据未通过基准分支的关卡：见各条标注。'), '']
    if changes:
        out += ['### Gate change: a maintainer must review / 关卡修改：须由维护者审查', '', GATE_CHANGE[0], '', GATE_CHANGE[1], '']
        out += [f'- `{visible(path).replace("`", "ʼ")}`' for path in changes]
    if lines and not passed:
        out += ['', '```text', *(visible(line).replace('```', 'ʼʼʼ') for line in lines[-1:]), '```']
    return '\n'.join(out) + '\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog='ipplans gate', description=__doc__.split('\n\n')[0], epilog=__doc__.split('\n\n', 2)[2],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('package_dir', metavar='PR_DIR', help="a checkout of the pull request (its data is judged, its code never runs)")
    parser.add_argument('--base', metavar='REV', required=True, help='the base revision, e.g. the merge commit\'s first parent')
    parser.add_argument('--format', choices=['text', 'github'], default='text', help='output form (github: workflow annotations)')
    parser.add_argument('--lang', choices=['both', 'en', 'zh'], default='both', help='language of the messages (default: both)')
    args, status = parse_package_args(parser, argv, 'give the checkout of the pull request.')
    if args is None:
        return status
    pr_dir = Path(args.package_dir)
    try:
        base = Base(pr_dir, args.base)
        changes = gate_changes(base)
    except BaseError as error:
        print(visible(f'gate: --base {args.base}: {error}'), file=sys.stderr)
        return 2
    if changes:
        print(gate_notice(changes, args.format, args.lang))

    unsafe = Context(pr_dir, MESSAGES)
    package_files.run(unsafe)
    with tempfile.TemporaryDirectory(prefix='ipplans-gate-') as scratch:
        if unsafe.problems:
            problems, fixes, fixable = unsafe.problems, [], False
        else:
            try:
                judged_package(pr_dir, base, Path(scratch))
            except (BaseError, OSError) as error:
                print(visible(f'gate: {error}'), file=sys.stderr)
                return 2
            ctx = run(Path(scratch), base)
            problems = order(ctx.problems, ctx.package)
            buffer = StringIO()
            with redirect_stdout(buffer):
                fixable = fix.main([scratch, '--check']) != 0
            fixes = buffer.getvalue().splitlines() if fixable else []
    lines = report(problems, args.format, args.lang) if problems else []
    print('\n'.join(lines + fixes) or 'the data passes the base gate | 数据通过基准关卡')
    passed = not problems and not fixable
    if os.environ.get('GITHUB_STEP_SUMMARY'):
        with open(os.environ['GITHUB_STEP_SUMMARY'], 'a', encoding='utf-8') as handle:
            handle.write(summary(changes, lines + fixes, passed))
    return 0 if passed else 1


if __name__ == '__main__':
    sys.exit(main())
