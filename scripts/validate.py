"""Stand-in for `ipplans validate` (the code is in src/ipplans/validate)."""
import sys

from ipplans.validate import main

if __name__ == '__main__':
    sys.exit(main())
