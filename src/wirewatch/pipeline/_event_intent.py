"""Stance events of the ``wirewatch_events`` coder: a stated intent to act is coded as AGREE
(CAMEO 03x) for cooperative events and THREATEN (13x) for conflictual ones or an ultimatum,
military preparation as MOBILIZE (150), and refusing an agreement or concession as REJECT
(12x), each a new factual event on the same trigger.

Source: CAMEO manual 1.1b3 (Schrodt 2012), codes 03x, 12x, 13x, 150.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from wirewatch.model import stable_id
from wirewatch.ontology import cameo
from wirewatch.ontology.event_lexicon import TriggerEntry
from wirewatch.pipeline._event_modality import intent_frame

# stated intent (CAMEO 03x / 13x): the type the intended event is coded as, by its own type
_THREAT_TYPES = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "THREATEN", "MOBILIZE", "REJECT", "ACCUSE"}
)
_INTENT_AGREE_CODE = {
    "AID": "033",
    "COOPERATE": "031",
    "CONSULT": "036",
    "SUPPORT": "032",
    "CONCEDE": "035",
    "RETREAT": "035",
    "AGREE": "030",
    "REQUEST": "030",
}
_INTENT_THREAT = {
    "ASSAULT": ("138", "violence"),
    "MOBILIZE": ("138", "violence"),
    "COERCE": ("132", "restrict"),
    "SANCTION": ("131", "relations"),
    "PROTEST": ("133", "relations"),
    "REJECT": ("131", "relations"),
}
_REFUSAL_HEADS = frozenset({"refuse", "decline", "fail", "reject"})


def _prepared(tok: Token) -> bool:
    """The trigger is what an actor "prepared/was preparing/readied" to do, directly or through
    one more verb ("prepared to resume shelling")."""
    cur = tok if tok.pos_ == "VERB" else tok.head
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("xcomp", "advcl", "dobj") and cur.head.lemma_.lower() in (
            "prepare",
            "ready",
            "mobilize",
            "mobilise",
        ):
            return True
        if cur.dep_ not in ("xcomp", "dobj", "advcl"):
            return False
        cur = cur.head
    return False


def _stance_events(
    tok: Token, gov: Token | None, entry: TriggerEntry, coded: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Events CAMEO codes for the actor's stance toward an unrealised event, as new factual
    events on the same trigger: a stated intent is AGREE (CAMEO 03x) for cooperative events
    and THREATEN (13x) for conflictual ones or an ultimatum ("will withdraw unless");
    refusing or not accepting an agreement or concession is REJECT (12x)."""
    if not coded:
        return []
    base = coded[0]
    ptype = entry.plover_type
    new: tuple[str, str | None, str] | None = None
    if base["hypothetical"] and not base["negated"]:
        frame = intent_frame(tok, gov)
        if frame == "intent" and ptype == "ASSAULT" and _prepared(tok):
            # "the army prepared to resume shelling": military preparation is a show of
            # force (CAMEO 150), not a stated threat
            new = ("MOBILIZE", None, "150")
        elif frame == "ultimatum" or (frame == "intent" and ptype in _THREAT_TYPES):
            code, mode = _INTENT_THREAT.get(ptype, ("130", None))
            if ptype == "THREATEN":
                code, mode = entry.cameo or "130", entry.plover_mode
            new = ("THREATEN", mode, code)
        elif frame == "intent":
            new = ("AGREE", None, _INTENT_AGREE_CODE.get(ptype, "030"))
    if ptype in ("AGREE", "CONCEDE") and (
        base["negated"] or (tok.dep_ == "xcomp" and tok.head.lemma_ in _REFUSAL_HEADS)
    ):
        new = ("REJECT", None, "127" if ptype == "AGREE" else "124")
    if new is None:
        return []
    ntype, nmode, code = new
    out = []
    for ev in coded:
        d = dict(ev)
        d.update(
            {
                "id": stable_id("evt", ev["id"], ntype),
                "plover_type": ntype,
                "plover_mode": nmode,
                "cameo_code": code,
                "quad_class": cameo.quad_class(code),
                "goldstein": cameo.goldstein(code),
                "acled_event_type": None,
                "acled_sub_event_type": None,
                "negated": False,
                "hypothetical": False,
                "counts": [],
                "confidence": round(min(0.99, ev["confidence"] + 0.1), 2),
            }
        )
        out.append(d)
    return out
