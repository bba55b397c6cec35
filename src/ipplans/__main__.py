"""`python -m ipplans` is the `ipplans` command."""
import sys

from ipplans.cli import main

sys.exit(main())
