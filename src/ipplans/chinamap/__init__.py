"""A map of China drawn at build time, as SVG (the geometry: source.py, simplify.py, geometry.py)."""
