/* kg network page: a small canvas renderer for a precomputed layout.
   Every string from the reports reaches the page through JSON.parse of the data block and is shown with
   textContent or canvas fillText, never as HTML. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var NODES = D.nodes, EDGES = D.edges, N = NODES.id.length, E = EDGES.s.length;
  var $ = function (id) { return document.getElementById(id); };
  var canvas = $("kg-canvas"), ctx = canvas.getContext("2d"), tip = $("kg-tip");
  var S = { types: new Set(D.types.map(function (_, i) { return i; })),
            preds: new Set(D.predicates.map(function (_, i) { return i; })),
            statuses: new Set([0, 1, 2]), fund: -1, year: -1, isolated: false,
            focus: D.focus == null ? -1 : D.focus, depth: 1, selected: -1, hover: -1, hits: [] };
  var T = { k: 1, x: 0, y: 0 };  // screen = world * k + (x, y)
  var nodeOn = new Uint8Array(N), edgeOn = new Uint8Array(E), near = new Uint8Array(N);
  var adj = []; for (var i = 0; i < N; i++) adj.push([]);
  for (var e = 0; e < E; e++) { adj[EDGES.s[e]].push(e); adj[EDGES.t[e]].push(e); }
  var stats = { visibleNodes: 0, visibleEdges: 0, drawnNodes: 0, drawnEdges: 0, drawnLabels: 0,
                hiddenIsolated: 0, frames: 0 };
  var dirty = true, W = 0, H = 0, dpr = window.devicePixelRatio || 1;

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text != null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function has(list, v) { return list.indexOf(v) >= 0; }

  /* ---- what is shown ---- */
  function recompute() {
    var nv = 0, ev = 0, iso = 0, e, n;
    for (n = 0; n < N; n++) {
      nodeOn[n] = S.types.has(NODES.type[n]) && (S.fund < 0 || has(NODES.funds[n], S.fund)) &&
        (S.year < 0 || has(NODES.years[n], S.year)) && (!D.compare || S.statuses.has(NODES.status[n])) ? 1 : 0;
    }
    var deg = new Uint32Array(N);
    for (e = 0; e < E; e++) {
      var a = EDGES.s[e], b = EDGES.t[e];
      edgeOn[e] = nodeOn[a] && nodeOn[b] && S.preds.has(EDGES.p[e]) &&
        (S.year < 0 || EDGES.years[e].length === 0 || has(EDGES.years[e], S.year)) &&
        (!D.compare || S.statuses.has(EDGES.status[e])) ? 1 : 0;
      if (edgeOn[e]) { deg[a]++; deg[b]++; }
    }
    for (n = 0; n < N; n++) {
      if (nodeOn[n] && deg[n] === 0 && n !== S.focus && !S.isolated) { nodeOn[n] = 0; iso++; }
    }
    if (S.focus >= 0) {  // only the focused node's neighbourhood, over the relations shown
      var dist = new Int32Array(N).fill(-1), queue = [S.focus];
      dist[S.focus] = 0; nodeOn[S.focus] = 1;
      while (queue.length) {
        var u = queue.shift();
        if (dist[u] >= S.depth) continue;
        adj[u].forEach(function (e) {
          if (!edgeOn[e]) return;
          var v = EDGES.s[e] === u ? EDGES.t[e] : EDGES.s[e];
          if (dist[v] < 0) { dist[v] = dist[u] + 1; queue.push(v); }
        });
      }
      for (n = 0; n < N; n++) if (dist[n] < 0) nodeOn[n] = 0;
      for (e = 0; e < E; e++) if (edgeOn[e] && !(nodeOn[EDGES.s[e]] && nodeOn[EDGES.t[e]])) edgeOn[e] = 0;
    }
    for (n = 0; n < N; n++) nv += nodeOn[n];
    for (e = 0; e < E; e++) ev += edgeOn[e];
    stats.visibleNodes = nv; stats.visibleEdges = ev; stats.hiddenIsolated = iso;
    $("kg-isolated-n").textContent = String(S.isolated ? countIsolated() : iso);
    var cap = nv + " of " + N + " nodes, " + ev + " of " + E + " relations shown";
    if (iso) cap += "; " + iso + " unconnected hidden";
    if (S.focus >= 0) cap += "; focus: " + NODES.label[S.focus] + " (depth " + S.depth + ")";
    $("kg-caption").textContent = D.caption + " — " + cap;
    markNear();
    dirty = true;
  }
  function countIsolated() {
    var c = 0;
    for (var n = 0; n < N; n++) if (nodeOn[n] && !adj[n].some(function (e) { return edgeOn[e]; })) c++;
    return c;
  }
  function markNear() {
    near.fill(0);
    if (S.selected < 0) return;
    near[S.selected] = 1;
    adj[S.selected].forEach(function (e) { if (edgeOn[e]) { near[EDGES.s[e]] = 1; near[EDGES.t[e]] = 1; } });
  }

  /* ---- drawing ---- */
  function radius(n) { return NODES.size[n] * Math.min(Math.max(Math.sqrt(T.k), 0.6), 3); }
  function shapePath(c, shape, x, y, r) {
    if (shape === "dot") { c.moveTo(x + r, y); c.arc(x, y, r, 0, 2 * Math.PI); }
    else if (shape === "square") { c.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); }
    else if (shape === "diamond") { c.moveTo(x, y - r * 1.15); c.lineTo(x + r * 1.15, y); c.lineTo(x, y + r * 1.15); c.lineTo(x - r * 1.15, y); c.closePath(); }
    else { c.moveTo(x, y - r * 1.2); c.lineTo(x + r * 1.1, y + r * 0.8); c.lineTo(x - r * 1.1, y + r * 0.8); c.closePath(); }
  }
  function sx(n) { return NODES.x[n] * T.k + T.x; }
  function sy(n) { return NODES.y[n] * T.k + T.y; }
  function edgeColour(e) { return D.compare ? D.statuses[EDGES.status[e]].colour : D.predicates[EDGES.p[e]].colour; }

  function draw() {
    dirty = false; stats.frames++;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    var dim = S.selected >= 0, byColour = {}, e, n, drawnEdges = 0, drawnNodes = 0;
    for (e = 0; e < E; e++) {
      if (!edgeOn[e]) continue;
      var a = EDGES.s[e], b = EDGES.t[e], x1 = sx(a), y1 = sy(a), x2 = sx(b), y2 = sy(b);
      if ((x1 < 0 && x2 < 0) || (x1 > W && x2 > W) || (y1 < 0 && y2 < 0) || (y1 > H && y2 > H)) continue;
      var key = edgeColour(e) + "|" + (dim && !(a === S.selected || b === S.selected) ? 0.12 : 0.55) + "|" +
        Math.min(1 + Math.log2(EDGES.w[e]), 5).toFixed(1);
      (byColour[key] = byColour[key] || []).push(x1, y1, x2, y2);
      drawnEdges++;
    }
    Object.keys(byColour).forEach(function (key) {
      var parts = key.split("|"), xs = byColour[key];
      ctx.strokeStyle = parts[0]; ctx.globalAlpha = +parts[1]; ctx.lineWidth = +parts[2];
      ctx.beginPath();
      for (var i = 0; i < xs.length; i += 4) { ctx.moveTo(xs[i], xs[i + 1]); ctx.lineTo(xs[i + 2], xs[i + 3]); }
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    D.types.forEach(function (t, ti) {
      [false, true].forEach(function (faded) {
        ctx.beginPath();
        var any = false;
        for (var n = 0; n < N; n++) {
          if (!nodeOn[n] || NODES.type[n] !== ti || (dim && !near[n]) !== faded) continue;
          var x = sx(n), y = sy(n), r = radius(n);
          if (x < -r || y < -r || x > W + r || y > H + r) continue;
          shapePath(ctx, t.shape, x, y, r); any = true; drawnNodes++;
        }
        if (!any) return;
        ctx.globalAlpha = faded ? 0.25 : 1; ctx.fillStyle = t.colour; ctx.fill();
        ctx.lineWidth = 1; ctx.strokeStyle = "#fff"; ctx.stroke();
      });
    });
    ctx.globalAlpha = 1;
    if (D.compare) {  // a ring in the status colour: new, kept, gone
      D.statuses.forEach(function (st, si) {
        ctx.beginPath();
        for (var n = 0; n < N; n++) {
          if (!nodeOn[n] || NODES.status[n] !== si) continue;
          shapePath(ctx, D.types[NODES.type[n]].shape, sx(n), sy(n), radius(n) + 2.5);
        }
        ctx.lineWidth = 2.5; ctx.strokeStyle = st.colour; ctx.stroke();
      });
    }
    [S.selected, S.hover].forEach(function (n) {
      if (n < 0 || !nodeOn[n]) return;
      ctx.beginPath(); shapePath(ctx, D.types[NODES.type[n]].shape, sx(n), sy(n), radius(n) + 4);
      ctx.lineWidth = 3; ctx.strokeStyle = "#111"; ctx.stroke();
    });
    stats.drawnEdges = drawnEdges; stats.drawnNodes = drawnNodes;
    drawLabels(dim);
  }

  function drawLabels(dim) {
    var budget = Math.min(400, Math.round(D.labelCount * Math.max(1, T.k * T.k))), boxes = [], drawn = 0;
    ctx.font = "12px system-ui, sans-serif"; ctx.textBaseline = "middle"; ctx.lineJoin = "round";
    var wanted = [];  // always named: the selected and hovered node, search hits
    if (S.selected >= 0) wanted.push(S.selected);
    if (S.hover >= 0) wanted.push(S.hover);
    S.hits.forEach(function (n) { wanted.push(n); });
    var order = wanted.concat(dim ? D.rank.filter(function (n) { return near[n]; }) : [], D.rank);
    var seen = new Uint8Array(N);
    for (var i = 0; i < order.length && (i < wanted.length || drawn < budget); i++) {
      var m = order[i];
      if (seen[m] || !nodeOn[m] || (dim && !near[m])) continue;
      seen[m] = 1;
      var x = sx(m) + radius(m) + 3, y = sy(m);
      if (x < 0 || y < 0 || x > W || y > H) continue;
      var text = NODES.label[m].length > 40 ? NODES.label[m].slice(0, 39) + "…" : NODES.label[m];
      var w = ctx.measureText(text).width, box = [x, y - 8, x + w, y + 8];
      if (i >= wanted.length && boxes.some(function (b) { return b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]; })) continue;
      boxes.push(box);
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,.9)"; ctx.strokeText(text, x, y);
      ctx.fillStyle = "#111"; ctx.fillText(text, x, y);
      drawn++;
    }
    stats.drawnLabels = drawn;
  }

  function frame() { if (dirty) draw(); window.requestAnimationFrame(frame); }

  function resize() {
    var r = canvas.parentNode.getBoundingClientRect(), w0 = W, h0 = H;
    W = Math.max(r.width, 100); H = Math.max(r.height, 100);
    if (w0) { T.x += (W - w0) / 2; T.y += (H - h0) / 2; }  // keep what was in the middle in the middle
    canvas.width = W * dpr; canvas.height = H * dpr;
    dirty = true;
  }
  function fit() {
    tip.hidden = true;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (var n = 0; n < N; n++) {
      if (!nodeOn[n]) continue;
      x0 = Math.min(x0, NODES.x[n]); x1 = Math.max(x1, NODES.x[n]); y0 = Math.min(y0, NODES.y[n]); y1 = Math.max(y1, NODES.y[n]);
    }
    if (x0 === Infinity) { T.k = 1; T.x = W / 2; T.y = H / 2; dirty = true; return; }
    var k = Math.min((W - 80) / Math.max(x1 - x0, 1), (H - 60) / Math.max(y1 - y0, 1));
    T.k = Math.min(Math.max(k, 0.02), 4);
    T.x = W / 2 - (x0 + x1) / 2 * T.k; T.y = H / 2 - (y0 + y1) / 2 * T.k;
    dirty = true;
  }
  function nodeAt(px, py) {
    var best = -1, bestD = Infinity;
    for (var n = 0; n < N; n++) {
      if (!nodeOn[n]) continue;
      var dx = sx(n) - px, dy = sy(n) - py, d = dx * dx + dy * dy, r = radius(n) + 3;
      if (d <= r * r && d < bestD) { best = n; bestD = d; }
    }
    return best;
  }

  /* ---- side panel ---- */
  function docText(i) {
    var d = D.documents[i];
    return d.title + (d.year ? " (" + d.year + ")" : "") + " — " + d.name;
  }
  function fillList(id, items) {
    var ul = $(id); ul.textContent = "";
    if (!items.length) ul.appendChild(el("li", "—"));
    items.forEach(function (x) { ul.appendChild(typeof x === "string" ? el("li", x) : x); });
  }
  function showPanel(n) {
    var panel = $("kg-panel");
    if (n < 0) { panel.hidden = true; return; }
    panel.hidden = false;
    $("kg-name").textContent = NODES.label[n];
    var t = D.types[NODES.type[n]];
    $("kg-type").textContent = t.name + " (" + t.sv + "), " + NODES.degree[n] + " relations" +
      (D.compare ? ", " + D.statuses[NODES.status[n]].name : "");
    fillList("kg-aliases", NODES.aliases[n].slice());
    fillList("kg-docs", NODES.docs[n].map(docText));
    var items = adj[n].slice(0, 200).map(function (e) {
      var out = EDGES.s[e] === n, other = out ? EDGES.t[e] : EDGES.s[e];
      var li = el("li"), head = el("span", (out ? "→ " : "← ") + D.predicates[EDGES.p[e]].name + " ");
      var link = el("a", NODES.label[other]);
      link.href = "#"; link.addEventListener("click", function (ev) { ev.preventDefault(); select(other, true); });
      li.appendChild(head); li.appendChild(link);
      if (EDGES.w[e] > 1) li.appendChild(el("span", " ×" + EDGES.w[e], "kg-src"));
      if (EDGES.via[e].length) li.appendChild(el("span", "via " + EDGES.via[e].join(", "), "kg-quote"));
      EDGES.quotes[e].slice(0, 5).forEach(function (q) {
        li.appendChild(el("span", "“" + q[2] + "”", "kg-quote"));
        li.appendChild(el("span", D.documents[q[0]].name + ", line " + q[1], "kg-src"));
      });
      return li;
    });
    fillList("kg-edges", items);
  }
  function select(n, centre) {
    S.selected = n; markNear(); showPanel(n);
    if (centre && n >= 0) { T.x = W / 2 - NODES.x[n] * T.k; T.y = H / 2 - NODES.y[n] * T.k; }
    dirty = true;
  }
  function focus(n, depth) {
    S.focus = n; if (depth) S.depth = depth;
    recompute(); if (n >= 0) select(n, false); fit();
  }

  /* ---- search ---- */
  var folded = NODES.label.map(function (l, i) { return [l].concat(NODES.aliases[i]).join("\n").toLowerCase(); });
  function search(q) {
    q = q.trim().toLowerCase();
    var hits = [];
    if (q) for (var n = 0; n < N && hits.length < 50; n++) if (folded[n].indexOf(q) >= 0) hits.push(n);
    hits.sort(function (a, b) {
      return (NODES.label[b].toLowerCase() === q) - (NODES.label[a].toLowerCase() === q) || NODES.degree[b] - NODES.degree[a];
    });
    S.hits = hits.slice(0, 20);
    var ul = $("kg-results"); ul.textContent = "";
    S.hits.forEach(function (n) {
      var li = el("li", NODES.label[n] + " · " + D.types[NODES.type[n]].name + (nodeOn[n] ? "" : " (hidden)"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(n); });
      ul.appendChild(li);
    });
    ul.hidden = !q;
    if (q && !hits.length) ul.appendChild(el("li", "no match"));
    dirty = true;
    return S.hits.map(function (n) { return NODES.label[n]; });
  }
  function pick(n) {
    if (!nodeOn[n]) {  // bring a hidden node back: its type, no other filter, and unconnected ones
      S.types.add(NODES.type[n]); S.fund = -1; S.year = -1; S.isolated = true; S.focus = -1; syncControls(); recompute();
    }
    $("kg-results").hidden = true;
    select(n, true);
  }

  /* ---- controls ---- */
  function swatch(draw) {
    var c = el("canvas"); c.width = 18; c.height = 14; c.setAttribute("aria-hidden", "true");
    draw(c.getContext("2d")); return c;
  }
  function checkbox(parent, text, checked, onchange, icon, testid) {
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = checked; box.dataset.kg = testid;
    box.addEventListener("change", function () { onchange(box.checked); recompute(); });
    label.appendChild(box); if (icon) label.appendChild(icon); label.appendChild(el("span", text));
    parent.appendChild(label);
  }
  function toggle(set, v) { return function (on) { if (on) set.add(v); else set.delete(v); }; }
  function buildControls() {
    D.types.forEach(function (t, i) {
      checkbox($("kg-types"), t.name + " (" + t.count + ")", true, toggle(S.types, i), swatch(function (c) {
        c.beginPath(); shapePath(c, t.shape, 9, 7, 5); c.fillStyle = t.colour; c.fill();
      }), "type-" + t.name);
    });
    D.predicates.forEach(function (p, i) {
      checkbox($("kg-predicates"), p.name + " (" + p.count + ")", true, toggle(S.preds, i), swatch(function (c) {
        // comparing years, a line's colour is its status, so the relation swatches are neutral
        c.strokeStyle = D.compare ? "#bbb" : p.colour; c.lineWidth = 3; c.beginPath(); c.moveTo(1, 7); c.lineTo(17, 7); c.stroke();
      }), "predicate-" + p.name);
    });
    if (D.compare) {
      $("kg-status-box").hidden = false;
      D.statuses.forEach(function (st, i) {
        checkbox($("kg-statuses"), st.name + " (" + st.count + ")", true, toggle(S.statuses, i), swatch(function (c) {
          c.strokeStyle = st.colour; c.lineWidth = 3; c.beginPath(); c.arc(9, 7, 5, 0, 2 * Math.PI); c.stroke();
        }), "status-" + st.name);
      });
    }
    D.funds.forEach(function (f, i) { var o = el("option", f); o.value = String(i); $("kg-fund").appendChild(o); });
    D.years.forEach(function (y) { var o = el("option", y); o.value = String(y); $("kg-year").appendChild(o); });
    $("kg-fund").addEventListener("change", function () { S.fund = +this.value; recompute(); });
    $("kg-year").addEventListener("change", function () { S.year = +this.value; recompute(); });
    $("kg-isolated").addEventListener("change", function () { S.isolated = this.checked; recompute(); });
    $("kg-search").addEventListener("input", function () { search(this.value); });
    $("kg-search").addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && S.hits.length) pick(S.hits[0]);
      if (ev.key === "Escape") { this.value = ""; search(""); }
    });
    $("kg-search").addEventListener("blur", function () { $("kg-results").hidden = true; });
    $("kg-reset").addEventListener("click", reset);
    $("kg-close").addEventListener("click", function () { select(-1); });
    $("kg-focus").addEventListener("click", function () { focus(S.selected, +$("kg-depth").value); });
  }
  function syncControls() {
    $("kg-fund").value = String(S.fund); $("kg-year").value = String(S.year); $("kg-isolated").checked = S.isolated;
    document.querySelectorAll("#kg-types input").forEach(function (b, i) { b.checked = S.types.has(i); });
  }
  function reset() {
    S.types = new Set(D.types.map(function (_, i) { return i; }));
    S.preds = new Set(D.predicates.map(function (_, i) { return i; }));
    S.statuses = new Set([0, 1, 2]); S.fund = -1; S.year = -1; S.isolated = false; S.focus = -1; S.hits = [];
    document.querySelectorAll("#kg-filters input[type=checkbox]").forEach(function (b) { b.checked = b.id !== "kg-isolated"; });
    syncControls(); select(-1); recompute(); fit();
  }

  /* ---- mouse ---- */
  var drag = null;
  canvas.addEventListener("mousedown", function (ev) { drag = { x: ev.offsetX, y: ev.offsetY, tx: T.x, ty: T.y, moved: false }; });
  window.addEventListener("mouseup", function () { drag = null; canvas.style.cursor = "grab"; });
  canvas.addEventListener("mousemove", function (ev) {
    if (drag) {
      var dx = ev.offsetX - drag.x, dy = ev.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      T.x = drag.tx + dx; T.y = drag.ty + dy; canvas.style.cursor = "grabbing"; dirty = true; return;
    }
    var n = nodeAt(ev.offsetX, ev.offsetY);
    if (n !== S.hover) { S.hover = n; dirty = true; }
    if (n < 0) { tip.hidden = true; return; }
    var t = D.types[NODES.type[n]];
    tip.textContent = NODES.label[n] + "\n" + t.name + " · " + NODES.degree[n] + " relations" +
      (NODES.aliases[n].length ? "\nalso: " + NODES.aliases[n].slice(0, 4).join(", ") : "");
    tip.style.left = (ev.offsetX + 14) + "px"; tip.style.top = (ev.offsetY + 10) + "px"; tip.hidden = false;
  });
  canvas.addEventListener("mouseleave", function () { tip.hidden = true; S.hover = -1; dirty = true; });
  canvas.addEventListener("click", function (ev) {
    if (drag && drag.moved) return;
    select(nodeAt(ev.offsetX, ev.offsetY), false);
  });
  canvas.addEventListener("dblclick", function (ev) {
    var n = nodeAt(ev.offsetX, ev.offsetY);
    if (n >= 0) focus(n, +$("kg-depth").value);
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var f = Math.exp(-ev.deltaY * 0.0015), k = Math.min(Math.max(T.k * f, 0.01), 40);
    T.x = ev.offsetX - (ev.offsetX - T.x) * k / T.k; T.y = ev.offsetY - (ev.offsetY - T.y) * k / T.k; T.k = k;
    dirty = true;
  }, { passive: false });
  window.addEventListener("resize", function () { resize(); });
  if (window.ResizeObserver) new ResizeObserver(function () { resize(); }).observe(canvas.parentNode);  // the panel opening

  /* ---- start ---- */
  document.title = D.pageTitle;
  $("kg-title").textContent = D.pageTitle;
  buildControls(); resize(); recompute(); fit();
  if (S.focus >= 0) select(S.focus, false);
  draw();
  window.requestAnimationFrame(frame);
  // for tests and scripting: read the state, and drive the page as a person would
  window.kgView = {
    stats: stats, state: S, data: D,
    visibleLabels: function () { var out = []; for (var n = 0; n < N; n++) if (nodeOn[n]) out.push(NODES.label[n]); return out; },
    indexOf: function (label) { return NODES.label.indexOf(label); },
    screenPos: function (n) { var r = canvas.getBoundingClientRect(); return [r.left + sx(n), r.top + sy(n)]; },
    select: select, focus: focus, search: search, reset: reset,
    redraw: function () { draw(); return stats; }
  };
  document.body.dataset.ready = "true";
})();
