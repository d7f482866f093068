"""Rich tables for evaluation results (nested dicts of figures)."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

__all__ = ["render_eval"]

_PRF = ("precision", "recall", "f1")


def _is_prf(v: Any) -> bool:
    return isinstance(v, dict) and all(k in v for k in _PRF)


def render_eval(title: str, result: dict[str, Any]) -> Group:
    """Scalars as a key/value table; every dict of P/R/F1 dicts as its own table."""
    parts: list[Any] = [Text(title, style="bold")]
    scalars = Table(show_header=False)
    scalars.add_column("figure")
    scalars.add_column("value", justify="right")

    def walk(prefix: str, obj: Any) -> None:
        if isinstance(obj, dict):
            prf_rows = {k: v for k, v in obj.items() if _is_prf(v)}
            if prf_rows:
                t = Table(title=prefix or title, title_justify="left")
                for col in ("", *_PRF, "tp", "fp", "fn"):
                    t.add_column(col, justify="right" if col else "left")
                for k, v in prf_rows.items():
                    t.add_row(
                        k,
                        *(f"{v[c]:.3f}" for c in _PRF),
                        *(f"{v.get(c, 0):g}" for c in ("tp", "fp", "fn")),
                    )
                parts.append(t)
            for k, v in obj.items():
                if k in prf_rows:
                    continue
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(obj, list):
            if obj and all(isinstance(x, dict) for x in obj):
                t = Table(title=prefix, title_justify="left")
                for col in obj[0]:
                    t.add_column(str(col))
                for x in obj:
                    t.add_row(*(str(x.get(c, "")) for c in obj[0]))
                parts.append(t)
        else:
            scalars.add_row(prefix, f"{obj:.4f}" if isinstance(obj, float) else str(obj))

    walk("", result)
    parts.insert(1, scalars)
    return Group(*parts)
