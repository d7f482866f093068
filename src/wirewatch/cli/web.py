"""``wirewatch serve``: the local web view over a store (extra ``wirewatch[web]``)."""

from __future__ import annotations

import ipaddress
import sys

import click

from wirewatch.errors import WirewatchError

__all__ = ["serve", "allowed_hosts"]

INSTALL_HINT = "install wirewatch[web] to use serve (pip install 'wirewatch[web]')"


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"wirewatch: error: {message}", err=True)
    sys.exit(code)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str) -> list[str] | None:
    """Host headers to accept: loopback names for a loopback bind, else any (``None``)."""
    if _is_loopback(host):
        return sorted({"127.0.0.1", "localhost", "[::1]", "::1", host})
    return None


@click.command()
@click.option(
    "--db", "db", metavar="PATH", required=True, help="The DuckDB store file (read-only)."
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind. Anything but loopback exposes the corpus to the network, "
    "without authentication.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Browse a store in the browser: articles with their highlighted records, events,
    the actor network, a timeline, a map and the sources; JSON API at /api, docs at /docs.

    The store is opened read-only (stop any ingest writing to it first). Needs the web extra:
    pip install 'wirewatch[web]'.

    Example: wirewatch serve --db corpus.duckdb
    """
    try:
        import fastapi  # noqa: F401
        import jinja2  # noqa: F401
        import uvicorn
    except ImportError:
        _fail(INSTALL_HINT)
        return
    from wirewatch.web import create_app

    try:
        app = create_app(db, allowed_hosts=allowed_hosts(host))
    except WirewatchError as exc:
        _fail(exc.message)
        return
    if not _is_loopback(host):
        click.echo(
            f"wirewatch: warning: --host {host} makes the store readable by anyone who can "
            "reach this machine; there is no authentication.",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"wirewatch serve: http://{shown}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
