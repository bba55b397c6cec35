"""Stand-in for `ipplans synthetic` (the code is in src/ipplans/synthetic)."""
import sys

from ipplans.synthetic import main

if __name__ == '__main__':
    sys.exit(main())
