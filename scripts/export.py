"""Stand-in for `ipplans export` (the code is in src/ipplans/export)."""
import sys

from ipplans.export import main

if __name__ == '__main__':
    sys.exit(main())
