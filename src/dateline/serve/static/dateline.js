// dateline pages: hover links between side lists and the text, the analyze box, the actor network layout.
// Plain JavaScript, no library; every page works without it except the network drawing and the analyze box.
"use strict";

// ---- hover a list item (data-key="e3") to light up its spans in the text (data-keys="a1 e3") ----------------
function lightUp(key, on) {
  document.querySelectorAll('[data-keys~="' + key + '"]').forEach(function (el) {
    el.classList.toggle("lit", on);
  });
}
document.addEventListener("mouseover", function (ev) {
  var item = ev.target.closest && ev.target.closest("[data-key]");
  if (item) lightUp(item.dataset.key, true);
});
document.addEventListener("mouseout", function (ev) {
  var item = ev.target.closest && ev.target.closest("[data-key]");
  if (item) lightUp(item.dataset.key, false);
});

// ---- the analyze box: POST the text, show the returned analysis (HTML rendered by the server) ----------------
function setUpAnalyze() {
  var form = document.getElementById("analyze-form");
  if (!form) return;
  var status = document.getElementById("analyze-status");
  var result = document.getElementById("analyze-result");
  var button = document.getElementById("analyze-submit");
  document.getElementById("analyze-example").addEventListener("click", function () {
    fetch("/analyze/example").then(function (r) { return r.text(); }).then(function (text) {
      form.elements.text.value = text;
    });
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var body = { text: form.elements.text.value };
    if (form.elements.title.value) body.title = form.elements.title.value;
    if (form.elements.published.value) body.published = form.elements.published.value;
    status.textContent = "Analyzing…";
    button.disabled = true;
    var started = performance.now();
    fetch("/analyze", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/html" },
      body: JSON.stringify(body),
    })
      .then(function (r) {
        if (r.ok) return r.text();
        return r.json().then(function (e) {
          throw new Error(e.error ? e.error.code + ": " + e.error.message : "HTTP " + r.status);
        });
      })
      .then(function (html) {
        result.innerHTML = html;
        status.textContent = "Done in " + ((performance.now() - started) / 1000).toFixed(1) + " s.";
      })
      .catch(function (err) {
        result.innerHTML = "";
        status.textContent = err.message;
        status.classList.add("bad");
      })
      .finally(function () { button.disabled = false; });
  });
}

// ---- actor network: a Fruchterman-Reingold layout, computed once, then drawn as SVG -------------------------
var SVG = "http://www.w3.org/2000/svg";

function el(name, attrs, parent) {
  var node = document.createElementNS(SVG, name);
  Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  if (parent) parent.appendChild(node);
  return node;
}

function goldsteinColour(g) {
  // -10 red .. 0 grey .. +10 green
  var t = Math.max(-1, Math.min(1, (g || 0) / 6));
  var grey = [150, 150, 150], red = [192, 57, 43], green = [47, 125, 59];
  var to = t < 0 ? red : green, a = Math.abs(t);
  var c = grey.map(function (v, i) { return Math.round(v + (to[i] - v) * a); });
  return "rgb(" + c.join(",") + ")";
}

function layout(nodes, edges, width, height) {
  var n = nodes.length, k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.75;
  var index = {};
  nodes.forEach(function (v, i) {
    index[v.id] = i;
    var angle = (2 * Math.PI * i) / n; // deterministic start: a circle, biggest nodes first
    v.x = width / 2 + (width / 3) * Math.cos(angle);
    v.y = height / 2 + (height / 3) * Math.sin(angle);
  });
  var links = edges.map(function (e) {
    return { s: index[e.source], t: index[e.target], w: Math.log(1 + e.events) };
  });
  var temperature = width / 8;
  for (var step = 0; step < 300; step++) {
    var dx = new Float64Array(n), dy = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      for (var j = i + 1; j < n; j++) {
        var x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
        var d2 = Math.max(x * x + y * y, 0.01), f = (k * k) / d2;
        dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f;
      }
    }
    links.forEach(function (l) {
      var a = nodes[l.s], b = nodes[l.t];
      var x = a.x - b.x, y = a.y - b.y, d = Math.max(Math.sqrt(x * x + y * y), 0.01);
      var f = (d / k) * (0.5 + 0.5 * l.w / (1 + l.w));
      dx[l.s] -= x * f; dy[l.s] -= y * f; dx[l.t] += x * f; dy[l.t] += y * f;
    });
    for (var m = 0; m < n; m++) {
      dx[m] += (width / 2 - nodes[m].x) * 0.05 * n; // gravity keeps loose groups on screen
      dy[m] += (height / 2 - nodes[m].y) * 0.05 * n;
      var len = Math.max(Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]), 0.01), move = Math.min(len, temperature);
      nodes[m].x += (dx[m] / len) * move;
      nodes[m].y += (dy[m] / len) * move;
    }
    temperature *= 0.985;
  }
  fit(nodes, width, height, 40);
}

function fit(nodes, width, height, pad) {
  var xs = nodes.map(function (v) { return v.x; }), ys = nodes.map(function (v) { return v.y; });
  var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
  var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
  // one scale for both axes (no distortion), capped so that a small graph is not blown up to the edges
  var scale = Math.min((width - 2 * pad) / Math.max(x1 - x0, 1), (height - 2 * pad) / Math.max(y1 - y0, 1), 1.6);
  var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  nodes.forEach(function (v) {
    v.x = width / 2 + (v.x - cx) * scale;
    v.y = height / 2 + (v.y - cy) * scale;
  });
}

function drawNetwork() {
  var svg = document.getElementById("network");
  var data = document.getElementById("network-data");
  if (!svg || !data) return;
  var graph = JSON.parse(data.textContent);
  var width = 960, height = 600;
  layout(graph.nodes, graph.edges, width, height);
  var byId = {};
  graph.nodes.forEach(function (v) { byId[v.id] = v; });
  var most = Math.max.apply(null, graph.nodes.map(function (v) { return v.events; }));
  var mostEdge = Math.max.apply(null, graph.edges.map(function (e) { return e.events; }));
  var edgeLayer = el("g", { class: "edges" }, svg), nodeLayer = el("g", { class: "nodes" }, svg);
  var lines = graph.edges.map(function (e) {
    var a = document.createElementNS(SVG, "a");
    a.setAttribute("href", "/dyad/" + encodeURIComponent(e.source) + "-" + encodeURIComponent(e.target) + "?both_ways=true");
    edgeLayer.appendChild(a);
    var line = el("line", {
      stroke: goldsteinColour(e.goldstein),
      "stroke-width": (1 + 7 * Math.sqrt(e.events / mostEdge)).toFixed(1),
      class: "edge",
    }, a);
    el("title", {}, line).textContent = e.source + " – " + e.target + ": " + e.events + " events, mean Goldstein " + e.goldstein;
    return { line: line, a: byId[e.source], b: byId[e.target] };
  });
  function place() {
    lines.forEach(function (l) {
      l.line.setAttribute("x1", l.a.x.toFixed(1)); l.line.setAttribute("y1", l.a.y.toFixed(1));
      l.line.setAttribute("x2", l.b.x.toFixed(1)); l.line.setAttribute("y2", l.b.y.toFixed(1));
    });
    graph.nodes.forEach(function (v) { v.g.setAttribute("transform", "translate(" + v.x.toFixed(1) + "," + v.y.toFixed(1) + ")"); });
  }
  graph.nodes.forEach(function (v) {
    var a = document.createElementNS(SVG, "a");
    a.setAttribute("href", "/dyad/" + encodeURIComponent(v.id) + "-*?both_ways=true");
    v.g = el("g", { class: "node" }, a);
    nodeLayer.appendChild(a);
    var r = 5 + 17 * Math.sqrt(v.events / most);
    el("circle", { r: r.toFixed(1) }, v.g);
    var label = el("text", { y: (r + 13).toFixed(1), "text-anchor": "middle" }, v.g);
    label.textContent = v.id;
    el("title", {}, v.g).textContent = v.id + (v.name ? " (" + v.name + ")" : "") + ": " + v.events + " events";
    dragOnly(svg, a, v, place);
  });
  place();
}

function dragOnly(svg, anchor, node, place) {
  // a drag moves the node and must not follow its link; a plain click still does
  var moved = false;
  anchor.addEventListener("pointerdown", function (ev) {
    moved = false;
    var pt = svg.createSVGPoint();
    function onMove(e) {
      pt.x = e.clientX; pt.y = e.clientY;
      var p = pt.matrixTransform(svg.getScreenCTM().inverse());
      node.x = p.x; node.y = p.y; moved = true;
      place();
    }
    function onUp() {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
    }
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    ev.preventDefault();
  });
  anchor.addEventListener("click", function (ev) { if (moved) ev.preventDefault(); });
}

document.addEventListener("DOMContentLoaded", function () {
  setUpAnalyze();
  drawNetwork();
});
