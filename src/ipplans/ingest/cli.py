"""Draft the rows of a new plan from its raw text, for a contributor to review.

    python scripts/ingest.py SOURCE.txt --out DIR [--package DIR] [--plan-id ID] [--region-code CODE] [--title-en TEXT]
    python scripts/ingest.py --evaluate            precision/recall on the package's sources and tests/ingest_cases/

Writes DIR/plans.csv, measures.csv, responsibilities.csv, agencies.csv (only new agencies it
proposes), agency_aliases.csv (spellings not yet in the package), targets.csv, members.csv and
citations.csv, with the package's headers, then prints a summary and everything it could not place.

Values it cannot know are left EMPTY and listed under "to fill" in the summary; scripts/validate.py
rejects an empty required cell ("the cell is empty but a value is required"), so nothing
unknown slips through. This holds for title_en, source_note, names in English, and region_code
when the text does not say which jurisdiction issued the plan (then pass --region-code; agencies
are matched against the package only within that region, by their names, second nameplates and
aliases, an alias scoped to a plan only in that plan). A unit inside a body (法规科, 各所队) is
proposed as an internal_unit with a guessed parent_agency_id, and a bare unit name gets an alias
scoped to this plan. Without --plan-id the plan is called draft-<hash of the text>: rename it,
and the scopes with it.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ipplans.paths import REPO as ROOT
from ipplans.ingest.draft import InputError, OUTPUT_TABLES, draft, summary, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], epilog=__doc__.split('\n\n', 2)[2],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('source', nargs='?', type=Path, help='raw text of one plan (UTF-8 with or without BOM, or GB18030)')
    parser.add_argument('--out', type=Path, metavar='DIR', help='directory to write the drafted CSV files into')
    parser.add_argument('--package', type=Path, default=ROOT, metavar='DIR', help='package whose agencies and aliases are matched (default: this repository)')
    parser.add_argument('--plan-id', help='plan_id to use (default: draft-<hash>)')
    parser.add_argument('--region-code', help='6-digit code of the issuing jurisdiction when the text does not make it clear')
    parser.add_argument('--title-en', default='', help='English title (otherwise left empty to fill)')
    parser.add_argument('--evaluate', action='store_true', help='print precision/recall on the package sources and tests/ingest_cases/ and exit')
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    if args.evaluate:
        from ipplans.ingest.evaluate import print_evaluation  # noqa: PLC0415 (only for --evaluate)
        print_evaluation(args.package)
        return 0
    if args.source is None or args.out is None:
        print('give a SOURCE file and --out DIR (or --evaluate); see --help', file=sys.stderr)
        return 2
    if args.region_code and not re.fullmatch(r'[1-8]\d{5}', args.region_code):
        print(f'--region-code {args.region_code!r}: give a 6-digit administrative division code such as 500153', file=sys.stderr)
        return 2
    if args.plan_id and not re.fullmatch(r'[a-z0-9]+(-[a-z0-9]+)*', args.plan_id):
        print(f'--plan-id {args.plan_id!r}: use lowercase ASCII words joined by hyphens', file=sys.stderr)
        return 2
    if not (args.package / 'datapackage.json').is_file():
        print(f'{args.package}: no datapackage.json there; give the package directory with --package', file=sys.stderr)
        return 2
    try:
        result = draft(args.source, args.package, args.plan_id, args.region_code, args.title_en)
    except InputError as error:
        print(f'{args.source}: {error}', file=sys.stderr)
        return 1
    write(result, args.out, args.package)
    print('\n'.join(summary(result)))
    print(f'wrote {len(OUTPUT_TABLES)} CSV files to {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
