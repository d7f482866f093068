"""Tests of the PolNeAR reader and scorer (synthetic brat files; the real split when present)."""

from __future__ import annotations

import pytest

from wirewatch.eval.attribution import (
    GoldAttribution,
    _key_word,
    agreement_on_split,
    annotator_agreement,
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


# A second annotator of the same article: same Lopez attribution, but the content without the
# closing quote mark, and no attribution for "disagreed".
ANN_2 = (
    "T1\tSource 0 5\tLopez\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 32\tx\n"
    "E1\tAttribution:T1 Content:T3 Cue:T2 Source:T1\n"
)


def test_annotator_agreement_scores_each_ordered_pair_like_a_prediction(tmp_path):
    split = _split(tmp_path)
    (split / "attributions" / "art_cd34.ann").write_text(ANN_2, encoding="utf-8")
    r = annotator_agreement(load_split(split))
    assert (r["articles"], r["annotator_files"], r["pairs"]) == (1, 2, 2)
    exact = r["humans"]["exact"]
    # source: Lopez in both files (1 tp each way); cue: 'said' agrees, 'disagreed' only in one
    assert (exact["source"]["tp"], exact["source"]["fp"], exact["source"]["fn"]) == (2, 0, 0)
    assert (exact["cue"]["tp"], exact["cue"]["fp"], exact["cue"]["fn"]) == (2, 1, 1)
    assert exact["cue"]["f1"] == pytest.approx(2 / 3, abs=1e-4)  # as_dict rounds to 4 places
    assert exact["content"]["tp"] == 0  # 11-32 vs 11-33 never match exactly
    assert r["humans"]["overlap"]["content"]["tp"] == 2
    assert "wirewatch" not in r


def test_agreement_on_split_scores_wirewatch_on_the_same_files_only(tmp_path):
    split = _split(tmp_path)
    (split / "attributions" / "art_cd34.ann").write_text(ANN_2, encoding="utf-8")
    (split / "text" / "solo.txt").write_text("Nobody spoke.", encoding="utf-8")
    (split / "attributions" / "solo_ef56.ann").write_text("", encoding="utf-8")
    r = agreement_on_split(split, _FakeExtractor())
    assert r["articles"] == 1  # the one-annotator article is left out
    ours = r["wirewatch"]["exact"]
    # the fake predicts Lopez/said/11-32: it matches the second file's content, not the first's
    assert (ours["cue"]["tp"], ours["cue"]["fn"]) == (2, 1)
    assert (ours["content"]["tp"], ours["content"]["fn"]) == (1, 2)  # file 1 has two contents


def test_single_annotator_split_has_no_agreement(tmp_path):
    assert annotator_agreement(load_split(_split(tmp_path))) is None
