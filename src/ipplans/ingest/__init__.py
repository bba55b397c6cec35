"""Ingest: draft a plan's rows from its raw text (draft), score the drafts (evaluate)."""
