"""Tests of the PolNeAR reader and scorer (synthetic brat files; the real split when present)."""

from __future__ import annotations

import pytest

from wirewatch.eval.attribution import (
    GoldAttribution,
    _key_word,
    evaluate_polnear,
    load_split,
    read_ann,
)

TEXT = 'Lopez said "we will win\nthe vote" today. Grant disagreed, it seems.'
ANN = (
    "T1\tSource 0 5\tLopez\n"
    "T2\tCue 6 10\tsaid\n"
    'T3\tContent 11 33\t"we will win\n'
    'the vote"\n'  # a continuation line: the span text holds a newline
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 47 56\tdisagreed\n"
    "T6\tContent 41 46;58 66\tGrant it seems\n"
    "T7\tAttribution-no-source 47 56\tdisagreed\n"
    "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n"
    "#1\tAnnotatorNotes T1\tnote\n"
)


def _split(tmp_path, ann_name="art_ab12.ann"):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / ann_name).write_text(ANN, encoding="utf-8")
    return tmp_path


def test_read_ann_handles_continuation_lines_and_discontinuous_spans(tmp_path):
    path = _split(tmp_path) / "attributions" / "art_ab12.ann"
    assert read_ann(path, TEXT) == [
        GoldAttribution(source=((0, 5),), cue=((6, 10),), content=((11, 33),)),
        GoldAttribution(source=(), cue=((47, 56),), content=((41, 46), (58, 66))),
    ]


def test_load_split_reads_annotator_suffix(tmp_path):
    (doc,) = load_split(_split(tmp_path))
    assert (doc.article, doc.annotator, len(doc.attributions)) == ("art", "ab12", 2)


class _FakeExtractor:
    """Predicts Lopez's attribution exactly and nothing else."""

    def extract(self, text):
        class Q:
            def model_dump(self):
                return {
                    "source": {"start_char": 0, "end_char": 5, "text": "Lopez"},
                    "cue": {"start_char": 6, "end_char": 10, "text": "said"},
                    "content": {"start_char": 11, "end_char": 32, "text": text[11:32]},
                }

        class R:
            quotes = [Q()]

        return R()


def test_scores_exact_and_overlap(tmp_path):
    r = evaluate_polnear(_split(tmp_path), _FakeExtractor())
    assert r["exact"]["source"]["f1"] == 1.0
    assert (r["exact"]["cue"]["tp"], r["exact"]["cue"]["fn"]) == (1, 1)
    # content 11-32 vs gold 11-33: not exact, but overlapping (Jaccard 21/22)
    assert r["exact"]["content"]["tp"] == 0 and r["overlap"]["content"]["tp"] == 1


def test_real_dev_split_reads(shared_data):
    docs = load_split(shared_data / "polnear" / "dev")
    assert len(docs) == 94 and len({d.article for d in docs}) == 84
    for d in docs:
        for a in d.attributions:
            for frags in (a.source, a.cue, a.content):
                assert all(0 <= s <= e <= len(d.text) for s, e in frags)


@pytest.mark.parametrize(
    "name,key",
    [
        ("Sen. Ted Cruz's", "cruz"),
        ("Jeb Bush, the former Florida governor", "bush"),
        ("Sen. Ted Cruz (R-Texas)", "cruz"),
        ("the former Florida governor", "florida"),
        ("officials", None),
    ],
)
def test_pronoun_key_word_reads_the_name_before_an_appositive(name, key):
    assert _key_word(name) == key
