"""Training commands for wirewatch's learned components (``wirewatch train ...``)."""
