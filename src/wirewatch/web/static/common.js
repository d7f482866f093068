// Helpers shared by the pages. Data is only ever written with textContent or setAttribute:
// markup is never parsed from data, so article text and extracted strings stay text.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

/** An HTML element: el("a", {href: "/x", class: "y"}, "text", otherNode). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  appendAll(node, children);
  return node;
}

/** An SVG element, same calling convention as el(). */
function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  appendAll(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, String(v));
  }
}

function appendAll(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

async function getJSON(url) {
  const r = await fetch(url, {headers: {Accept: "application/json"}});
  if (!r.ok) throw new Error(url + ": HTTP " + r.status);
  return r.json();
}

/** "/events?x=1&y=2" from a path and an object (unset values are left out). */
function withQuery(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? path + "?" + s : path;
}

/** The event-filter fields of the current page's query string. */
function pageFilter() {
  const keep = ["plover_type", "acled_event_type", "actor", "country", "date_from", "date_to",
                "place", "source_actor", "target_actor", "article_id"];
  const cur = new URLSearchParams(location.search);
  const out = {};
  for (const k of keep) if (cur.get(k)) out[k] = cur.get(k);
  return out;
}

const QUAD_LABEL = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                    4: "material conflict"};

/** A fixed colour per PLOVER type (stable across pages and runs). */
function typeColour(t) {
  const palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                   "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b", "#17becf", "#bcbd22",
                   "#7f7f7f", "#d62728"];
  let h = 0;
  for (const ch of String(t)) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return palette[h % palette.length];
}

/** A list of events (rows of /api/events) with links to their words. */
function eventList(items) {
  return el("ul", {class: "event-list"}, items.map((e) => el("li", {},
    el("a", {href: "/articles/" + encodeURIComponent(e.article_id) + "#" + encodeURIComponent(e.id),
             class: "evt-link"}, e.trigger_text),
    " ", el("span", {class: "ptype"}, e.plover_type),
    " ", el("span", {class: "muted"}, [e.date || "",
                                        e.source_actor_implied ? e.source_actor_name + " (implied)"
                                                               : e.source_actor_name || "?", "→",
                                        e.target_actor_name || "?", e.location_name || ""]
                                       .filter(Boolean).join(" ")),
    e.negated ? el("span", {class: "flag"}, "negated") : null,
  )));
}
