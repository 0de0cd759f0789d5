"""Deterministic generators for sample input folders in the exact published file formats."""
