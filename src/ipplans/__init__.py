"""Tools of the China local IP-protection plans data package.

One command, `ipplans` (see ipplans.cli), over importable modules: validate, fix, export,
site, ingest, bench. `scripts/*.py` are two-line stand-ins kept for the documented command lines.
"""
