"""The one command: `ipplans SUBCOMMAND [ARGS]`, a thin front over the modules that do the work.

Each subcommand is the `main(argv)` of one module; `scripts/*.py` are stand-ins for the same.
"""
from __future__ import annotations

import importlib
import sys

# subcommand → (module with main(argv), what it does)
COMMANDS: dict[str, tuple[str, str]] = {
    'validate': ('ipplans.validate', 'check a package directory and report every problem (exit 1 if invalid)'),
    'fix': ('ipplans.fix', 'fix mechanical problems of the CSV files (encoding, line ends, odd spaces), printing each change'),
    'export': ('ipplans.export', 'write the downloads (CSV, Excel CSV, Parquet, XLSX, SQLite, zip) and their manifest'),
    'site': ('ipplans.site', 'generate the data pages and build the site with MkDocs and Pagefind'),
    'ingest': ('ipplans.ingest.cli', 'draft the rows of a new plan from its raw text, for review'),
    'evaluate': ('ipplans.ingest.evaluate', 'precision and recall of ingest on the sources and the test documents'),
    'bench': ('ipplans.bench', 'benchmark validation, downloads, site and search on synthetic packages'),
    'synthetic': ('ipplans.synthetic', 'write a synthetic package of N plans (for the benchmark and scale tests)'),
}


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
    return module.main(rest)


if __name__ == '__main__':
    sys.exit(main())
