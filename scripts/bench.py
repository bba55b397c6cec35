"""Stand-in for `ipplans bench` (the code is in src/ipplans/bench)."""
import sys

from ipplans.bench import main

if __name__ == '__main__':
    sys.exit(main())
