"""Stand-in for `ipplans ingest` (the code is in src/ipplans/ingest/cli)."""
import sys

from ipplans.ingest.cli import main

if __name__ == '__main__':
    sys.exit(main())
