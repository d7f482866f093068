"""Reading wirewatch's tab-separated resource tables (``#`` comment header, then a column row)."""

from __future__ import annotations

from importlib import resources

__all__ = ["read_tsv"]


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of ``wirewatch/resources/<name>`` as dicts keyed by the column row.

    Args:
        name: file name inside ``wirewatch.resources``.

    Returns:
        One dict per data row (values stripped; missing trailing cells are empty strings).
    """
    text = resources.files("wirewatch.resources").joinpath(name).read_text(encoding="utf-8")
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows
