"""Learned tables shipped with wirewatch; each folder has a NOTE on its data license."""
