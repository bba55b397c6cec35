"""The one command: `ipplans SUBCOMMAND [ARGS]`, a thin front over the modules that do the work.

Each subcommand is the `main(argv)` of one module; `scripts/*.py` are stand-ins for the same.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from ipplans.package import PackageError

# subcommand → (module with main(argv), what it does)
COMMANDS: dict[str, tuple[str, str]] = {
    'validate': ('ipplans.validate', 'check a package directory and report every problem (exit 1 if invalid)'),
    'gate': ('ipplans.gate', "judge a pull request's data with the base branch's gate, and list the gate files it changes"),
    'fix': ('ipplans.fix', 'fix mechanical problems of the CSV files (encoding, line ends, odd spaces), printing each change'),
    'export': ('ipplans.export', 'write the downloads (CSV, Excel CSV, Parquet, XLSX, SQLite, zip) and their manifest'),
    'site': ('ipplans.site', 'generate the data pages and build the site with MkDocs and Pagefind'),
    'ingest': ('ipplans.ingest.cli', 'draft the rows of a new plan from its raw text, for review'),
    'add': ('ipplans.add', 'merge a reviewed draft into data/: new rows only, conflicts reported, then validate'),
    'evaluate': ('ipplans.ingest.evaluate', 'precision and recall of ingest on the sources and the test documents'),
    'regions': ('ipplans.regions', 'rebuild data/regions.csv from the pinned registers of administrative divisions (--check: only compare)'),
    'agreement': ('ipplans.agreement', "Cohen's kappa per coding scheme: between the two passes, and of the rule-based coder"),
    'coding-sheet': ('ipplans.coding_sheet', 'write a blank sheet for an independent (blind) coding pass over the targets'),
    'diff': ('ipplans.diff', 'rows added, removed and changed per table between two versions (tags, commits, folders, zips), and the version bump they need'),
    'ids': ('ipplans.ids', 'check that every identifier of an earlier release is still there or recorded in retired_ids'),
    'release': ('ipplans.release', 'the release steps: check versions and ids, write the downloads and SHA256SUMS (a dry run without --tag)'),
    'bench': ('ipplans.bench', 'benchmark validation, downloads, site and search on synthetic packages'),
    'synthetic': ('ipplans.synthetic', 'write a synthetic package of N plans (for the benchmark and scale tests)'),
}


def parse_package_args(parser: argparse.ArgumentParser, argv: list[str] | None, missing: str) -> tuple[argparse.Namespace | None, int]:
    """Parse the arguments of a command whose first argument is a package directory.

    Returns (arguments, 0), or (None, exit status) after --help (0) or unusable arguments (2):
    an unknown option, or a package directory that does not exist (`missing` says what to give).
    """
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return None, 0 if exit_.code == 0 else 2
    if not Path(args.package_dir).is_dir():
        print(f'{args.package_dir}: not a directory: {missing}', file=sys.stderr)
        return None, 2
    return args, 0


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = ['usage: ipplans COMMAND [ARGS]   (ipplans COMMAND --help for its options)', '', 'commands:']
    lines += [f'  {name:<{width}}  {about}' for name, (_, about) in COMMANDS.items()]
    return '\n'.join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ('-h', '--help'):
        print(usage())
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command not in COMMANDS:
        print(f'ipplans: unknown command {command!r}\n\n{usage()}', file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[command][0])
    try:
        return module.main(rest)
    except PackageError as error:
        # A last net under every command: a package it cannot read is a message, never a traceback.
        print(f'ipplans {command}: {error}\n(`ipplans validate` lists every problem of the package)', file=sys.stderr)
        return 2


if __name__ == '__main__':
    sys.exit(main())
