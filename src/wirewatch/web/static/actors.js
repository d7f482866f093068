// The actor network: a deterministic force layout drawn in plain SVG.
"use strict";

(async function () {
  const svg = document.getElementById("network");
  const detail = document.getElementById("network-detail");
  const W = 1000, H = 700;
  const QUAD_COLOUR = {0: "#9aa0a6", 1: "#2b8cbe", 2: "#1a9850", 3: "#f39c12", 4: "#d73027"};

  let net;
  try { net = await getJSON("/api/actors"); } catch (e) { detail.appendChild(el("p", {class: "error"}, e.message)); return; }
  if (!net.nodes.length) { svg.appendChild(svgEl("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty"}, "No actors with events.")); return; }

  const nodes = net.nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / net.nodes.length;
    return Object.assign({}, n, {x: W / 2 + 250 * Math.cos(a), y: H / 2 + 250 * Math.sin(a)});
  });
  const idx = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = net.edges.filter((e) => idx.has(e.source) && idx.has(e.target));

  // Fruchterman-Reingold, fixed iterations: the same store always gives the same picture.
  const k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.6;
  let temp = W / 8;
  for (let it = 0; it < 300; it++) {
    const disp = nodes.map(() => [0, 0]);
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
        let d = Math.hypot(dx, dy) || 0.01;
        const f = (k * k) / d;
        disp[i][0] += (dx / d) * f; disp[i][1] += (dy / d) * f;
        disp[j][0] -= (dx / d) * f; disp[j][1] -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const i = idx.get(e.source), j = idx.get(e.target);
      if (i === j) continue;
      const dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
      const d = Math.hypot(dx, dy) || 0.01;
      const f = (d * d) / k;
      disp[i][0] -= (dx / d) * f; disp[i][1] -= (dy / d) * f;
      disp[j][0] += (dx / d) * f; disp[j][1] += (dy / d) * f;
    }
    nodes.forEach((n, i) => {
      disp[i][0] += (W / 2 - n.x) * 0.02 * k / 10;
      disp[i][1] += (H / 2 - n.y) * 0.02 * k / 10;
      const d = Math.hypot(disp[i][0], disp[i][1]) || 0.01;
      n.x += (disp[i][0] / d) * Math.min(d, temp);
      n.y += (disp[i][1] / d) * Math.min(d, temp);
    });
    temp *= 0.985;
  }
  // fit the drawing to the box, leaving room for labels
  const MX = 140, MY = 40;
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const sx = x1 > x0 ? (W - 2 * MX) / (x1 - x0) : 0, sy = y1 > y0 ? (H - 2 * MY) / (y1 - y0) : 0;
  const s = Math.min(sx || sy || 1, sy || sx || 1);
  for (const n of nodes) {
    n.x = W / 2 + (n.x - (x0 + x1) / 2) * s;
    n.y = H / 2 + (n.y - (y0 + y1) / 2) * s;
  }

  const radius = (n) => 6 + 2.2 * Math.sqrt(n.n_events);
  const defs = svgEl("defs", {});
  for (const [q, c] of Object.entries(QUAD_COLOUR)) {
    defs.appendChild(svgEl("marker", {id: "arrow-q" + q, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse"},
      svgEl("path", {d: "M0,0 L10,5 L0,10 z", fill: c})));
  }
  svg.appendChild(defs);
  const gEdges = svgEl("g", {class: "edges"});
  const gNodes = svgEl("g", {class: "nodes"});
  svg.appendChild(gEdges);
  svg.appendChild(gNodes);

  const pairs = new Set(edges.map((e) => e.source + "\u0000" + e.target));
  for (const e of edges) {
    const a = nodes[idx.get(e.source)], b = nodes[idx.get(e.target)];
    const q = e.quad_class || 0;
    const width = 1.5 + 2 * Math.sqrt(e.count);
    let d;
    if (a === b) {
      const r = radius(a);
      d = `M${a.x + r * 0.7},${a.y - r * 0.7} C${a.x + 40},${a.y - 60} ${a.x - 40},${a.y - 60} ${a.x - r * 0.7},${a.y - r * 0.7}`;
    } else {
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
      const ra = radius(a), rb = radius(b) + 3;
      const x1 = a.x + (dx / len) * ra, y1 = a.y + (dy / len) * ra;
      const x2 = b.x - (dx / len) * rb, y2 = b.y - (dy / len) * rb;
      const bend = pairs.has(e.target + "\u0000" + e.source) ? 0.15 : 0;
      const mx = (x1 + x2) / 2 - dy * bend, my = (y1 + y2) / 2 + dx * bend;
      d = `M${x1},${y1} Q${mx},${my} ${x2},${y2}`;
    }
    const g = svgEl("g", {class: "edge", "data-source": e.source, "data-target": e.target, tabindex: 0, role: "button"});
    g.appendChild(svgEl("path", {d, class: "edge-line", fill: "none", stroke: QUAD_COLOUR[q], "stroke-width": width, "stroke-opacity": 0.75, "marker-end": `url(#arrow-q${q})`}));
    g.appendChild(svgEl("path", {d, class: "edge-hit", fill: "none", stroke: "transparent", "stroke-width": Math.max(14, width + 8)}));
    g.appendChild(svgEl("title", {}, `${a.name} → ${b.name}: ${e.count} event(s), QuadClass ${q || "?"}`));
    const open = () => showEdge(e, a, b, g);
    g.addEventListener("click", open);
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
    gEdges.appendChild(g);
  }
  for (const n of nodes) {
    const g = svgEl("g", {class: "node", "data-id": n.id, transform: `translate(${n.x},${n.y})`});
    g.appendChild(svgEl("circle", {r: radius(n)}));
    g.appendChild(svgEl("text", {y: -radius(n) - 4, "text-anchor": "middle"}, n.name));
    g.appendChild(svgEl("title", {}, `${n.name} ${n.country || ""} ${n.sector || ""}: ${n.n_events} event(s)`));
    g.addEventListener("click", () => showNode(n, g));
    gNodes.appendChild(g);
  }

  function mark(g) {
    svg.querySelectorAll(".selected").forEach((x) => x.classList.remove("selected"));
    g.classList.add("selected");
  }

  async function showEdge(e, a, b, g) {
    mark(g);
    clear(detail);
    detail.appendChild(el("h2", {}, a.name + " → " + b.name));
    detail.appendChild(el("p", {}, `${e.count} event(s): ${e.cooperation} cooperation, ${e.conflict} conflict`));
    detail.appendChild(el("p", {class: "quadcounts"}, Object.entries(e.quad_counts).filter(([, n]) => n)
      .map(([q, n]) => el("span", {class: "quad q" + q}, `${q} ${QUAD_LABEL[q]}: ${n}`))));
    const params = {source_actor: e.source, target_actor: e.target};
    detail.appendChild(el("p", {}, el("a", {href: withQuery("/events", params)}, "Open in the events table")));
    const list = el("div", {id: "edge-events"}, el("p", {class: "muted"}, "loading…"));
    detail.appendChild(list);
    try {
      const page = await getJSON(withQuery("/api/events", Object.assign({per_page: 100}, params)));
      clear(list);
      list.appendChild(eventList(page.items));
      if (page.total > page.items.length) list.appendChild(el("p", {class: "muted"}, `${page.total - page.items.length} more in the events table`));
    } catch (err) { clear(list); list.appendChild(el("p", {class: "error"}, err.message)); }
  }

  function showNode(n, g) {
    mark(g);
    clear(detail);
    detail.appendChild(el("h2", {}, n.name));
    detail.appendChild(el("p", {}, [n.country, n.sector].filter(Boolean).join(" · ") || "no codes"));
    detail.appendChild(el("p", {}, `${n.n_events} event(s) as source or target.`));
    detail.appendChild(el("p", {}, el("a", {href: withQuery("/events", {source_actor: n.id})}, "Events as source"), " · ",
                                    el("a", {href: withQuery("/events", {target_actor: n.id})}, "Events as target")));
  }
})();
