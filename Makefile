# The public contract: make, make test, make validate, make site, make serve (see README.md).
# Releases: make diff, make ids, make release-dry-run (docs/releasing.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: all validate site downloads serve test fix add gate bench clean diff ids release-dry-run release

all: validate site

IPPLANS := $(VENV)/bin/ipplans

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

validate: $(VENV)/.installed
	$(IPPLANS) validate . $(VALIDATE_FLAGS)

# Downloads are written into docs/downloads/ so that MkDocs copies them to site/downloads/.
downloads: $(VENV)/.installed
	$(IPPLANS) export --out docs/downloads

# SITE_URL (make site SITE_URL=https://host/sub/path/): the address the site is published at, for
# the sitemap and the 404 page's links; mkdocs.yml reads it from the environment.
site: downloads
	$(IPPLANS) site

# The built site, not `mkdocs serve`: the search index is made by Pagefind after MkDocs.
serve: site
	$(PY) -m http.server --bind 127.0.0.1 --directory site 8000

test: $(VENV)/.installed
	$(PY) -m pytest

fix: $(VENV)/.installed
	$(IPPLANS) fix .

# make add DRAFT=draft/ : merge a reviewed draft (ingest's output) into data/, then validate.
add: $(VENV)/.installed
	@test -n "$(DRAFT)" || { echo 'make add DRAFT=FOLDER: give the folder ingest wrote the draft into'; exit 2; }
	$(IPPLANS) add $(DRAFT)

# make gate [BASE=origin/main] : judge this checkout's data as CI judges a pull request, with the base
# revision's own code, schemas and descriptor, and the add-only rules against it (.ci/base-gate).
BASE ?= origin/main
gate: $(VENV)/.installed
	PYTHON=$(abspath $(PY)) bash .ci/base-gate $(BASE) .

# make diff FROM=v0.1.0 TO=. : rows added, removed and changed per table between two versions (tags,
# commits, package folders, release zips) and the version bump they need. DIFF_FLAGS=--all lists every row.
FROM ?= latest
TO ?= .
diff: $(VENV)/.installed
	$(IPPLANS) diff $(FROM) $(TO) $(DIFF_FLAGS)

# Every identifier of the latest release tag (or SINCE=REV) is still here or recorded in retired_ids;
# passes with a notice when the clone has no release tag.
SINCE ?= latest
ids: $(VENV)/.installed
	$(IPPLANS) ids . --since $(SINCE) $(IDS_FLAGS)

# The release steps without a tag: checks (what a release would refuse is a warning), every download
# and SHA256SUMS in dist/release/, the notes in dist/RELEASE_NOTES.md.
release-dry-run: $(VENV)/.installed
	$(IPPLANS) release --out dist/release --notes dist/RELEASE_NOTES.md

# What the release workflow runs on a tag: make release TAG=vX.Y.Z (every check must pass).
release: $(VENV)/.installed
	@test -n "$(TAG)" || { echo 'make release TAG=vX.Y.Z: give the tag being released'; exit 2; }
	$(IPPLANS) release --tag $(TAG) --out dist/release --notes dist/RELEASE_NOTES.md

bench: $(VENV)/.installed
	$(IPPLANS) bench

# The built site, the downloads in docs/ and the folders the site's page types generate. Runs from
# src/ without the venv (the site's code needs only the standard library to know its folders).
clean:
	PYTHONPATH=src $(PYTHON) -m ipplans site --clean
	rm -rf dist
