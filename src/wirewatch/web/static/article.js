// The article page: the text with entities, quotes and events highlighted; clicking a record
// shows its fields, and every span-valued field jumps to its words (offsets are code points).
"use strict";

(function () {
  const main = document.getElementById("main");
  const textEl = document.getElementById("article-text");
  const listEl = document.getElementById("record-list");
  const detailEl = document.getElementById("record-detail");
  const articleId = main.dataset.articleId;

  const PRIORITY = {evt: 0, src: 1, cue: 2, ent: 3, stance: 4, quote: 5};
  const REF_KEYS = new Set(["entity_id", "asserted_by", "from_entity", "to_entity", "continued_from"]);

  let rec = null;
  let segs = [];          // [{s, e, node, anchors: []}]
  let byId = new Map();   // id -> {type, obj}
  let currentTab = "events";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function isSpan(v) {
    return !!v && typeof v === "object" && Number.isInteger(v.start_char) && Number.isInteger(v.end_char);
  }

  // Every span-valued field anywhere under v (a record, a list of records, a field value).
  function allSpans(v, out) {
    if (Array.isArray(v)) v.forEach((x) => allSpans(x, out));
    else if (v && typeof v === "object") {
      if (isSpan(v)) out.push([v.start_char, v.end_char]);
      for (const x of Object.values(v)) if (x && typeof x === "object") allSpans(x, out);
    }
    return out;
  }

  const asList = (v) => (Array.isArray(v) ? v : []);
  function entityName(id) {
    const r = byId.get(id);
    return r ? r.obj.name : id;
  }

  // A quote's content as read: its pieces joined by " … " when the source and cue stand inside
  // it (content_parts), else the content span's text.
  function contentText(o) {
    const parts = asList(o.content_parts);
    if (parts.length) return parts.map((p) => p.text).join(" … ");
    return o.content ? o.content.text : "?";
  }

  // An event actor's name; "(implied)" after one the text does not name (ActorRef.implied:
  // the protesters a "protests" implies).
  function actorName(a) {
    if (!a) return "?";
    return a.implied ? a.name + " (implied)" : a.name;
  }

  function label(type, o) {
    if (type === "events") {
      return [o.plover_type + (o.plover_mode ? "/" + o.plover_mode : ""), "“" + (o.trigger ? o.trigger.text : "?") + "”",
              actorName(o.source_actor) + " → " + actorName(o.target_actor),
              o.negated ? "(negated)" : "", o.hypothetical ? "(hypothetical)" : ""].filter(Boolean).join(" ");
    }
    if (type === "quotes") {
      const who = o.source ? (o.source.name || o.source.text) : "(unattributed)";
      return who + ": “" + contentText(o) + "”";
    }
    if (type === "entities") return o.name + " · " + o.entity_type + (o.country ? " · " + o.country : "") + (o.sector ? " " + o.sector : "");
    if (type === "stances") return entityName(o.from_entity) + " " + o.relation + "s with " + entityName(o.to_entity);
    return o.id;
  }

  // The highlighted spans of one record: {s, e, kind, type, id, extra}.
  function anchorsOf(type, o) {
    const a = [];
    const add = (span, kind, extra) => { if (isSpan(span)) a.push({s: span.start_char, e: span.end_char, kind, type, id: o.id, extra}); };
    if (type === "entities") asList(o.mentions).forEach((m) => add(m, "ent", o.entity_type));
    if (type === "quotes") {
      // a discontinuous content is highlighted piece by piece, so its source and cue are not
      if (asList(o.content_parts).length) asList(o.content_parts).forEach((p) => add(p, "quote"));
      else add(o.content, "quote");
      add(o.source, "src"); add(o.cue, "cue");
    }
    if (type === "events") add(o.trigger, "evt");
    if (type === "stances") add(o.cue, "stance");
    return a;
  }

  const KIND_NAME = {ent: "entity", quote: "quote", src: "speaker", cue: "cue", evt: "event", stance: "stance"};

  // Cut the text at every span boundary of every record (highlighted or only a field, so any
  // field's evidence is a whole number of segments) and sweep left to right keeping the set of
  // highlighted spans open at each point. Spans may nest, overlap, coincide (two events on one
  // trigger) or share ends; each segment carries every record covering it. O(n log n).
  function sweep(n, anchors, fieldSpans) {
    const clamp = (x) => Math.max(0, Math.min(n, x));
    const cuts = new Set([0, n]);
    const opens = new Map(), closes = new Map();
    for (const [s, e] of fieldSpans) { cuts.add(clamp(s)); cuts.add(clamp(e)); }
    for (const a of anchors) {
      cuts.add(a.s); cuts.add(a.e);
      if (!opens.has(a.s)) opens.set(a.s, []);
      if (!closes.has(a.e)) closes.set(a.e, []);
      opens.get(a.s).push(a);
      closes.get(a.e).push(a);
    }
    const points = Array.from(cuts).sort((x, y) => x - y);
    const open = new Set();
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i], e = points[i + 1];
      (closes.get(s) || []).forEach((a) => open.delete(a));
      (opens.get(s) || []).forEach((a) => open.add(a));
      out.push({s, e, anchors: Array.from(open)});
    }
    return out;
  }

  function build() {
    const cps = Array.from(rec.article.text);   // code points, as the offsets count them
    const n = cps.length;
    const anchors = [];
    const fieldSpans = [];
    const problems = [];
    for (const type of ["entities", "quotes", "events", "stances"]) {
      for (const o of asList(rec[type])) {
        try {
          byId.set(o.id, {type, obj: o});
          allSpans(o, fieldSpans);
          for (const a of anchorsOf(type, o)) {
            if (a.s >= 0 && a.s < a.e && a.e <= n) anchors.push(a);
            else problems.push(type + " " + o.id + ": span [" + a.s + ", " + a.e + ") is outside the text");
          }
        } catch (err) {
          problems.push(type + " " + (o && o.id) + ": " + err.message);
        }
      }
    }
    const frag = document.createDocumentFragment();
    segs = [];
    for (const g of sweep(n, anchors, fieldSpans)) {
      const cover = g.anchors;
      const classes = ["seg"];
      const kinds = new Map();
      for (const a of cover) {
        classes.push("m-" + a.kind);
        if (a.kind === "ent") classes.push("ent-" + a.extra);
        kinds.set(a.kind, (kinds.get(a.kind) || new Set()).add(a.id));
      }
      if ((kinds.get("quote") || new Set()).size > 1) classes.push("nested");
      if ((kinds.get("evt") || new Set()).size > 1) classes.push("multi");
      const ids = Array.from(new Set(cover.map((a) => a.id)));
      const title = Array.from(kinds, ([k, v]) => v.size + " " + KIND_NAME[k] + (v.size > 1 ? "s" : "")).join(", ");
      const node = el("span", {class: Array.from(new Set(classes)).join(" "), "data-s": g.s, "data-e": g.e,
                               "data-records": ids.length ? ids.join(" ") : null, title: title || null},
                      cps.slice(g.s, g.e).join(""));
      if (cover.length) {
        node.classList.add("clickable");
        node.addEventListener("click", () => onSegment(cover));
      }
      segs.push({s: g.s, e: g.e, node, anchors: cover});
      frag.appendChild(node);
    }
    clear(textEl);
    textEl.appendChild(frag);
    textEl.dataset.anchors = String(anchors.length);
    textEl.dataset.ready = "1";
    if (problems.length) {
      console.warn("wirewatch: records not highlighted:", problems);
      notice("Some spans could not be highlighted: " + problems.slice(0, 5).join("; ") +
             (problems.length > 5 ? " (and " + (problems.length - 5) + " more)" : ""));
    }
  }

  // A visible message above the text (failures must not be silent).
  function notice(message) {
    const box = document.getElementById("article-notice");
    box.appendChild(el("p", {class: "error"}, message));
    box.hidden = false;
  }

  function onSegment(cover) {
    const sorted = cover.slice().sort((x, y) => (PRIORITY[x.kind] - PRIORITY[y.kind]) || ((x.e - x.s) - (y.e - y.s)));
    const seen = new Set();
    const uniq = sorted.filter((a) => !seen.has(a.id) && seen.add(a.id));
    select(uniq[0].id, {others: uniq.slice(1)});
  }

  function showTab(tab) {
    currentTab = tab;
    document.querySelectorAll(".tabs [data-tab]").forEach((b) => b.classList.toggle("active", b.dataset.tab === tab));
    clear(listEl);
    const items = asList(rec[tab]);
    if (!items.length) listEl.appendChild(el("li", {class: "muted"}, "none"));
    for (const o of items) {
      listEl.appendChild(el("li", {},
        el("button", {type: "button", class: "rec-btn", "data-id": o.id, onclick: () => select(o.id)}, label(tab, o))));
    }
    markSelectedInList();
  }

  let selected = null;
  function markSelectedInList() {
    listEl.querySelectorAll(".rec-btn").forEach((b) => b.classList.toggle("selected", b.dataset.id === selected));
  }

  function segmentsIn(s, e) {
    return segs.filter((g) => g.s >= s && g.e <= e && g.e > g.s);
  }

  function focusSpan(s, e, field) {
    textEl.querySelectorAll(".focus").forEach((n) => n.classList.remove("focus"));
    const hit = segmentsIn(s, e);
    hit.forEach((g) => g.node.classList.add("focus"));
    textEl.dataset.focus = s + "-" + e;
    textEl.dataset.focusField = field || "";
    if (hit.length) hit[0].node.scrollIntoView({block: "center", behavior: "instant"});
  }

  function primary(type, o) {
    if (type === "events") return o.trigger;
    if (type === "quotes") return o.content;
    if (type === "entities") return asList(o.mentions)[0];
    if (type === "stances") return o.evidence;
    return null;
  }

  function select(id, opts) {
    const r = byId.get(id);
    if (!r) return;
    selected = id;
    if (r.type !== currentTab) showTab(r.type); else markSelectedInList();
    textEl.querySelectorAll(".sel").forEach((n) => n.classList.remove("sel"));
    for (const a of anchorsOf(r.type, r.obj)) segmentsIn(a.s, a.e).forEach((g) => g.node.classList.add("sel"));
    // an event or a stance puts its (first) evidence sentence in focus straight away
    const ev = r.type === "events" ? asList(r.obj.evidence)[0] : r.type === "stances" ? r.obj.evidence : null;
    if (isSpan(ev)) focusSpan(ev.start_char, ev.end_char, r.type === "events" ? "evidence.0" : "evidence");
    const p = primary(r.type, r.obj);
    if (isSpan(p)) { const hit = segmentsIn(p.start_char, p.end_char); if (hit.length) hit[0].node.scrollIntoView({block: "center", behavior: "instant"}); }
    renderDetail(r.type, r.obj, (opts && opts.others) || []);
    history.replaceState(null, "", "#" + id);
  }

  function jumpButton(span, field) {
    return el("button", {type: "button", class: "jump", "data-field": field, "data-start": span.start_char, "data-end": span.end_char,
                         title: "show in the text", onclick: () => focusSpan(span.start_char, span.end_char, field)},
      "“" + span.text + "”", el("span", {class: "offs"}, " [" + span.start_char + "–" + span.end_char + ")"));
  }

  function value(key, v, path) {
    if (v === null || v === undefined) return el("span", {class: "muted"}, "—");
    if (typeof v === "string" && REF_KEYS.has(key) && byId.has(v)) {
      return el("button", {type: "button", class: "ref", "data-ref": v, onclick: () => select(v)}, entityName(v) === v ? v : entityName(v) + " (" + v + ")");
    }
    if (Array.isArray(v)) {
      if (!v.length) return el("span", {class: "muted"}, "[]");
      return el("ol", {class: "vals"}, v.map((x, i) => el("li", {}, value(key, x, path + "." + i))));
    }
    if (isSpan(v)) {
      const rest = Object.entries(v).filter(([k]) => !["start_char", "end_char", "text"].includes(k));
      const btn = jumpButton(v, path);
      if (!rest.length) return btn;
      return el("div", {}, btn, fieldTable(Object.fromEntries(rest), path));
    }
    if (typeof v === "object") return fieldTable(v, path);
    if (typeof v === "number" && !Number.isInteger(v)) return String(Math.round(v * 1000) / 1000);
    return String(v);
  }

  function fieldTable(o, path) {
    return el("table", {class: "fields"}, el("tbody", {}, Object.entries(o).map(([k, v]) =>
      el("tr", {"data-key": k}, el("th", {}, k), el("td", {}, value(k, v, path ? path + "." + k : k))))));
  }

  function renderDetail(type, o, others) {
    clear(detailEl);
    detailEl.appendChild(el("h2", {}, type.replace(/s$/, "") + " ", el("code", {}, o.id)));
    detailEl.appendChild(el("p", {class: "summary"}, label(type, o)));
    if (others.length) {
      detailEl.appendChild(el("p", {class: "also"}, "Also here: ",
        others.map((a) => el("button", {type: "button", class: "ref", onclick: () => select(a.id)}, label(a.type, byId.get(a.id).obj)))));
    }
    const fields = Object.assign({}, o);
    delete fields.id;
    detailEl.appendChild(fieldTable(fields, ""));
  }

  document.querySelectorAll(".tabs [data-tab]").forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));

  fetch("/api/articles/" + encodeURIComponent(articleId), {headers: {Accept: "application/json"}})
    .then((r) => { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then((data) => {
      rec = data;
      build();
      showTab(asList(rec.events).length ? "events" : asList(rec.quotes).length ? "quotes" : "entities");
      const h = decodeURIComponent(location.hash.slice(1));
      if (h && byId.has(h)) select(h);
    })
    .catch((err) => {
      // Loud on purpose: a swallowed error here leaves the plain text with no highlights.
      console.error("wirewatch: the article view failed:", err);
      textEl.dataset.error = String(err && err.message);
      notice("Could not show the highlights: " + (err && err.message));
    });
})();
