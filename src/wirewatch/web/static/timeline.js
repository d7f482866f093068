// Events per period, stacked by PLOVER type, in plain SVG.
"use strict";

(async function () {
  const svg = document.getElementById("timeline");
  const legend = document.getElementById("timeline-legend");
  const flt = pageFilter();
  const W = 1000, H = 420, L = 50, R = 10, T = 10, B = 70;
  let data;
  try { data = await getJSON(withQuery("/api/timeline", flt)); } catch (e) { legend.appendChild(el("p", {class: "error"}, e.message)); return; }
  if (!data.periods.length) { svg.appendChild(svgEl("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty"}, "No dated events.")); return; }
  const n = data.periods.length;
  const totals = data.periods.map((_, i) => data.series.reduce((s, x) => s + x.counts[i], 0));
  const max = Math.max(1, ...totals);
  const plotW = W - L - R, plotH = H - T - B;
  const bw = plotW / n;
  const y = (v) => T + plotH - (v / max) * plotH;

  // axes and grid
  const ticks = 5;
  for (let t = 0; t <= ticks; t++) {
    const v = Math.round((max * t) / ticks);
    svg.appendChild(svgEl("line", {x1: L, x2: W - R, y1: y(v), y2: y(v), class: "grid-line"}));
    svg.appendChild(svgEl("text", {x: L - 6, y: y(v) + 4, "text-anchor": "end", class: "axis"}, v));
  }
  const every = Math.max(1, Math.ceil(n / 12));
  data.periods.forEach((p, i) => {
    if (i % every) return;
    const x = L + i * bw + bw / 2;
    svg.appendChild(svgEl("text", {x, y: H - B + 16, "text-anchor": "end", transform: `rotate(-40 ${x} ${H - B + 16})`, class: "axis"}, p.start));
  });
  svg.appendChild(svgEl("text", {x: W - R, y: T + 12, "text-anchor": "end", class: "axis"}, "events per " + data.unit));

  data.periods.forEach((p, i) => {
    let acc = 0;
    for (const s of data.series) {
      const v = s.counts[i];
      if (!v) continue;
      const x = L + i * bw + Math.min(2, bw * 0.1);
      const w = Math.max(1, bw - 2 * Math.min(2, bw * 0.1));
      const rect = svgEl("rect", {x, y: y(acc + v), width: w, height: y(acc) - y(acc + v), fill: typeColour(s.plover_type),
                                   class: "bar", "data-type": s.plover_type, "data-start": p.start, tabindex: 0});
      rect.appendChild(svgEl("title", {}, `${s.plover_type}: ${v} event(s), ${p.start}${p.end !== p.start ? " – " + p.end : ""}`));
      const go = () => { location.href = withQuery("/events", Object.assign({}, flt, {plover_type: s.plover_type, date_from: p.start, date_to: p.end})); };
      rect.addEventListener("click", go);
      rect.addEventListener("keydown", (ev) => { if (ev.key === "Enter") go(); });
      svg.appendChild(rect);
      acc += v;
    }
  });
  for (const s of data.series) {
    const total = s.counts.reduce((a, b) => a + b, 0);
    legend.appendChild(el("a", {class: "legend-item", href: withQuery("/events", Object.assign({}, flt, {plover_type: s.plover_type}))},
      svgSwatch(typeColour(s.plover_type)), `${s.plover_type} (${total})`));
  }

  function svgSwatch(colour) {
    return svgEl("svg", {width: 12, height: 12, class: "swatch"}, svgEl("rect", {width: 12, height: 12, fill: colour}));
  }
})();
