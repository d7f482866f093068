"""``wirewatch train``: rebuild wirewatch's learned components from the shared data."""

from __future__ import annotations

import click

__all__ = ["train"]


@click.group("train")
def train() -> None:
    """Train wirewatch's learned components (weights are written inside the package).

    Example: wirewatch train events --data ../shared/data
    """


@train.command("events")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(exists=True, file_okay=False),
    default="../shared/data",
    show_default=True,
    help="Shared data folder (ngec_synthetic/, zero_shot_plover/, plover/).",
)
@click.option(
    "--output",
    "-o",
    default=None,
    metavar="DIR",
    help="Model folder. Default: the one shipped in the package "
    "(src/wirewatch/resources/models/event_textcat).",
)
@click.option("--epochs", default=4, show_default=True, help="Passes over the training data.")
@click.option(
    "--plv/--no-plv",
    default=True,
    show_default=True,
    help="Also train on zero_shot_plover/PLV_train.tsv (no license stated).",
)
def train_events_cmd(data_dir: str, output: str | None, epochs: int, plv: bool) -> None:
    """Train the event-type classifier used when event_classifier = "learned".

    Removes every example that is also a PLOVER gold sentence, trains a spaCy bag-of-n-grams
    textcat with a fixed seed (about a minute on 2 cores) and writes the weights, the hashes of
    the training sentences and a NOTE on the data licenses.

    Example: wirewatch train events --data ../shared/data
    """
    from wirewatch.errors import WirewatchError
    from wirewatch.train.events import MODEL_DIR, train_events

    try:
        result = train_events(
            data_dir, output or MODEL_DIR, epochs=epochs, use_plv=plv, log=click.echo
        )
    except WirewatchError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(
        f"trained on {result['n_train']} examples; development accuracy "
        f"{result['dev_accuracy']}; {result['removed_gold_overlap']} removed as PLOVER gold "
        f"overlap; {result['seconds']} s"
    )


from wirewatch.cli.train_attribution import attribution_cmd  # noqa: E402

train.add_command(attribution_cmd)
