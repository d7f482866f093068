"""Export the actor network as GraphML (directed: source actor -> target actor).

Nodes are actors, identified as in event deduplication (``wirewatch.store.dedup.actor_key``:
``COUNTRY|SECTOR`` when either code is known, else the normalised name), with attributes
``label`` (the most frequent name), ``country``, ``sector`` and ``n_events`` (events in which the
actor is source or target). Edges are dyads with ``n_events`` (number of events from source to
target), ``goldstein_mean`` (mean Goldstein score of those with one) and ``plover_types``
(the dyad's PLOVER types, most frequent first, ``;``-separated). By default events are counted
once per deduplicated cluster.

Source: GraphML Primer (Brandes et al., graphdrawing.org), ``http://graphml.graphdrawing.org/xmlns``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from typing import IO, Any

from wirewatch.export._frame import Level, event_rows
from wirewatch.store.db import Store
from wirewatch.store.dedup import actor_key

__all__ = ["GRAPHML_NS", "actor_network", "write_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

_NODE_KEYS = (("label", "string"), ("country", "string"), ("sector", "string"), ("n_events", "int"))
_EDGE_KEYS = (("n_events", "int"), ("goldstein_mean", "double"), ("plover_types", "string"))


def actor_network(
    store: Store, level: Level = "clusters"
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], dict[str, Any]]]:
    """Nodes ``{key: attrs}`` and edges ``{(source key, target key): attrs}``."""
    names: dict[str, Counter] = defaultdict(Counter)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in event_rows(store, level, factual_only=True):
        ends: list[str | None] = []
        for side in ("source_actor", "target_actor"):
            name, country, sector = (r[f"{side}_name"], r[f"{side}_country"], r[f"{side}_sector"])
            if not (name or country or sector):
                ends.append(None)
                continue
            key = actor_key(name, country, sector)
            node = nodes.setdefault(key, {"country": country, "sector": sector, "n_events": 0})
            node["n_events"] += 1
            if name:
                names[key][name] += 1
            ends.append(key)
        src, tgt = ends
        if src is None or tgt is None:
            continue
        e = edges.setdefault((src, tgt), {"n_events": 0, "_g": [], "_t": Counter()})
        e["n_events"] += 1
        if r["goldstein"] is not None:
            e["_g"].append(r["goldstein"])
        e["_t"][r["plover_type"]] += 1
    for key, node in nodes.items():
        node["label"] = names[key].most_common(1)[0][0] if names[key] else key
    for e in edges.values():
        g = e.pop("_g")
        e["goldstein_mean"] = round(sum(g) / len(g), 3) if g else None
        e["plover_types"] = ";".join(t for t, _ in e.pop("_t").most_common())
    return nodes, edges


def write_graphml(store: Store, out: IO[str], level: Level = "clusters") -> tuple[int, int]:
    """Write the actor network as GraphML. Returns (number of nodes, number of edges)."""
    nodes, edges = actor_network(store, level)
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    for name, typ in _NODE_KEYS:
        ET.SubElement(
            root, "key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": typ}
        )
    for name, typ in _EDGE_KEYS:
        ET.SubElement(
            root, "key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": typ}
        )
    graph = ET.SubElement(root, "graph", {"id": "actors", "edgedefault": "directed"})
    ids = {key: f"a{i}" for i, key in enumerate(sorted(nodes))}
    for key in sorted(nodes):
        el = ET.SubElement(graph, "node", {"id": ids[key]})
        for name, _ in _NODE_KEYS:
            if nodes[key].get(name) is not None:
                ET.SubElement(el, "data", {"key": f"n_{name}"}).text = str(nodes[key][name])
    for i, (s, t) in enumerate(sorted(edges)):
        el = ET.SubElement(graph, "edge", {"id": f"d{i}", "source": ids[s], "target": ids[t]})
        for name, _ in _EDGE_KEYS:
            if edges[(s, t)].get(name) is not None:
                ET.SubElement(el, "data", {"key": f"e_{name}"}).text = str(edges[(s, t)][name])
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
    return len(nodes), len(edges)
