// Event locations on the world outline shipped in static/world.json (no tiles, no network).
"use strict";

(async function () {
  const svg = document.getElementById("map");
  const detail = document.getElementById("map-detail");
  const flt = pageFilter();
  let world, places;
  try {
    [world, places] = await Promise.all([getJSON("/static/world.json"), getJSON(withQuery("/api/places", flt))]);
  } catch (e) { detail.appendChild(el("p", {class: "error"}, e.message)); return; }

  const active = new Set(places.map((p) => p.country).filter(Boolean));
  const gLand = svgEl("g", {class: "land"});
  for (const c of world.countries) {
    const path = svgEl("path", {d: c.d, class: active.has(c.iso_a3) ? "country has-events" : "country", "data-iso": c.iso_a3});
    path.appendChild(svgEl("title", {}, c.name));
    gLand.appendChild(path);
  }
  svg.appendChild(svgEl("rect", {x: 0, y: 0, width: 360, height: 180, class: "sea"}));
  svg.appendChild(gLand);

  const max = Math.max(1, ...places.map((p) => p.n_events));
  const gPts = svgEl("g", {class: "points"});
  svg.appendChild(gPts);
  const xy = (p) => [p.lon + 180, 90 - p.lat];

  function draw(scale) {
    clear(gPts);
    for (const p of places) {
      const [x, y] = xy(p);
      const r = (0.8 + 3.2 * Math.sqrt(p.n_events / max)) * scale;
      const c = svgEl("circle", {cx: x, cy: y, r, class: "place", tabindex: 0, "data-name": p.name || ""});
      c.appendChild(svgEl("title", {}, `${p.name || "?"} ${p.country || ""}: ${p.n_events} event(s)`));
      c.addEventListener("click", () => show(p, c));
      gPts.appendChild(c);
    }
  }

  function setView(x0, y0, w, h) {
    svg.setAttribute("viewBox", `${x0} ${y0} ${w} ${h}`);
    draw(Math.max(0.08, w / 360));
  }
  function world_() { setView(0, 0, 360, 180); }
  function fit() {
    if (!places.length) return world_();
    const xs = places.map((p) => xy(p)[0]), ys = places.map((p) => xy(p)[1]);
    let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    let w = Math.max(40, (x1 - x0) * 1.4), h = Math.max(20, (y1 - y0) * 1.4);
    if (w / h > 2) h = w / 2; else w = h * 2;
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    setView(Math.max(0, Math.min(360 - w, cx - w / 2)), Math.max(0, Math.min(180 - h, cy - h / 2)), Math.min(w, 360), Math.min(h, 180));
  }
  document.getElementById("map-world").addEventListener("click", world_);
  document.getElementById("map-fit").addEventListener("click", fit);
  fit();

  async function show(p, c) {
    svg.querySelectorAll(".place.selected").forEach((x) => x.classList.remove("selected"));
    c.classList.add("selected");
    clear(detail);
    detail.appendChild(el("h2", {}, p.name || "(unnamed place)"));
    detail.appendChild(el("p", {}, [p.admin1, p.country, `${p.lat}, ${p.lon}`].filter(Boolean).join(" · ")));
    detail.appendChild(el("ul", {class: "types"}, Object.entries(p.types).sort((a, b) => b[1] - a[1])
      .map(([t, n]) => el("li", {}, el("span", {class: "ptype"}, t), " " + n))));
    const params = Object.assign({}, flt, {place: p.name || "", country: p.country || ""});
    detail.appendChild(el("p", {}, el("a", {href: withQuery("/events", params)}, "Open in the events table")));
    try {
      const page = await getJSON(withQuery("/api/events", Object.assign({per_page: 50}, params)));
      detail.appendChild(eventList(page.items));
    } catch (err) { detail.appendChild(el("p", {class: "error"}, err.message)); }
  }
})();
