"""Rendering and export: records for JSONL/CSV, and (later) dossiers."""
