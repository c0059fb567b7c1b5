# ruff: noqa: E501  (embedded CSS/JS/HTML: their lines are not Python)
"""Static parts of graph.html: page template, stylesheet and viewer script.

Kept as Python strings rather than package data files so that the viewer works from any
install (wheel, editable, zipapp) without build-backend package-data configuration.
Nothing here is ever combined with graph data by string formatting: the data travels in a
`<script type="application/json">` block and the script renders it with DOM APIs only.
"""

from __future__ import annotations

# {{NAME}} slots are filled in one pass by viewer.py (inserted text is never re-scanned).
TEMPLATE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{CSP}}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="arabic-kg">
<title>{{TITLE}}</title>
<style>{{CSS}}</style>
</head>
<body>
<header id="kg-header">
 <h1 id="kg-title">{{TITLE}}</h1>
 <div id="kg-search-box" role="search">
  <input id="kg-search" type="search" dir="auto" autocomplete="off" spellcheck="false"
   placeholder="ابحث عن اسم… / search a name" aria-label="بحث عن كيان" aria-controls="kg-results">
  <ul id="kg-results" role="listbox" hidden></ul>
 </div>
 <span id="kg-stats" aria-live="polite"></span>
 <button id="kg-fit" type="button" title="عرض الشبكة كاملة">⤢ ملاءمة</button>
</header>
<aside id="kg-controls" aria-label="المرشحات ومفتاح الألوان">
 <section>
  <h2>أنواع الكيانات <small>Entities</small></h2>
  <div id="kg-entity-filters" class="kg-filter-list"></div>
 </section>
 <section>
  <h2>أنواع العلاقات <small>Relations</small></h2>
  <div id="kg-relation-filters" class="kg-filter-list"></div>
 </section>
 <section>
  <h2><label for="kg-weight">أدنى وزن (عدد الأدلة)</label>: <output id="kg-weight-value" for="kg-weight">1</output></h2>
  <input id="kg-weight" type="range" min="1" max="1" step="1" value="1" dir="ltr">
 </section>
 <section>
  <h2>الفترة الزمنية <small>Dates</small></h2>
  <div class="kg-dates">
   <label>من <input id="kg-from" type="date" dir="ltr"></label>
   <label>إلى <input id="kg-to" type="date" dir="ltr"></label>
  </div>
  <p class="kg-note">العلاقات غير المؤرخة تبقى ظاهرة.</p>
 </section>
 <section>
  <button id="kg-reset" type="button">إعادة ضبط المرشحات</button>
 </section>
 <section>
  <h2>مفتاح الخطوط <small>Lines</small></h2>
  <ul class="kg-line-legend">
   <li><span class="kg-line kg-line-solid"></span><span>علاقة مؤكدة؛ السهم للعلاقات ذات الاتجاه</span></li>
   <li><span class="kg-line kg-line-dashed"></span><span>منفية أو مخطط لها (لم تقع بعد)</span></li>
   <li><span class="kg-line kg-line-thick"></span><span>السماكة = عدد الأدلة</span></li>
   <li><span class="kg-dot"></span><span>حجم العقدة = عدد الإشارات</span></li>
  </ul>
 </section>
</aside>
<main id="kg-main">
 <div id="kg-network" role="img" aria-label="شبكة الفاعلين والعلاقات"></div>
 <div id="kg-progress" role="status">جارٍ حساب التخطيط…</div>
</main>
<aside id="kg-details" aria-live="polite" aria-label="التفاصيل">
 <p class="kg-hint">انقر على عقدة أو علاقة لعرض تفاصيلها وأدلتها.</p>
 <p class="kg-hint" dir="ltr">Click a node or an edge for its details and evidence.</p>
</aside>
<footer id="kg-footer"><span dir="ltr">made with arabic-kg</span> · صُنع باستخدام arabic-kg</footer>
<script type="application/json" id="kg-data">{{DATA}}</script>
<script>{{VIS_JS}}</script>
<script>{{APP_JS}}</script>
</body>
</html>
"""

# Local font stacks only: the page may not load web fonts (offline, and CSP forbids it).
CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:grid;grid-template-columns:250px minmax(0,1fr) 340px;grid-template-rows:48px minmax(0,1fr) 24px;
 grid-template-areas:"head head head" "controls main details" "foot foot foot";
 font-family:Tahoma,"Noto Sans Arabic","Noto Naskh Arabic","DejaVu Sans","Segoe UI",Arial,sans-serif;
 font-size:13px;color:#1d1d1f;background:#f6f6f4}
#kg-header{grid-area:head;display:flex;align-items:center;gap:12px;padding:0 12px;background:#26323f;color:#fff}
#kg-header h1{font-size:16px;margin:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:260px}
#kg-search-box{position:relative;flex:1;max-width:420px}
#kg-search{width:100%;padding:6px 10px;border-radius:4px;border:1px solid #8a96a3;font:inherit}
#kg-results{position:absolute;inset-inline:0;top:100%;z-index:20;margin:2px 0 0;padding:0;list-style:none;
 background:#fff;color:#1d1d1f;border:1px solid #b9c0c8;border-radius:4px;max-height:320px;overflow:auto;
 box-shadow:0 4px 12px rgba(0,0,0,.2)}
#kg-results button{display:flex;width:100%;gap:8px;align-items:center;padding:6px 10px;border:0;background:none;
 font:inherit;text-align:start;cursor:pointer}
#kg-results button:hover,#kg-results button:focus{background:#e8eef5}
#kg-results .kg-en{color:#5b6570;font-size:12px}
#kg-stats{font-size:12px;opacity:.9;white-space:nowrap}
#kg-header button,#kg-controls button{font:inherit;padding:5px 10px;border-radius:4px;border:1px solid #8a96a3;
 background:#fff;color:#1d1d1f;cursor:pointer}
#kg-controls{grid-area:controls;overflow:auto;padding:8px 12px;background:#fff;border-inline-end:1px solid #dcdcd8}
#kg-controls section{margin-bottom:12px}
#kg-controls h2{font-size:13px;margin:6px 0}
#kg-controls h2 small{font-weight:normal;color:#6b7480}
.kg-filter-list label{display:flex;align-items:center;gap:6px;padding:2px 0;cursor:pointer}
.kg-filter-list .kg-count{margin-inline-start:auto;color:#6b7480;font-size:11px}
.kg-swatch{display:inline-block;width:12px;height:12px;border-radius:50%;flex:none;border:1px solid rgba(0,0,0,.25)}
.kg-swatch-line{width:20px;height:0;border-radius:0;border:0;border-top:3px solid}
#kg-weight{width:100%}
.kg-dates{display:flex;flex-direction:column;gap:4px}
.kg-dates label{display:flex;justify-content:space-between;gap:6px;align-items:center}
.kg-note{color:#6b7480;font-size:11px;margin:4px 0 0}
.kg-line-legend{list-style:none;margin:0;padding:0}
.kg-line-legend li{display:flex;gap:8px;align-items:center;margin:3px 0}
.kg-line{display:inline-block;width:28px;flex:none;border-top:2px solid #555}
.kg-line-dashed{border-top-style:dashed}
.kg-line-thick{border-top-width:5px}
.kg-dot{display:inline-block;width:14px;height:14px;border-radius:50%;background:#9aa5b1;flex:none;margin-inline:7px}
#kg-main{grid-area:main;position:relative;min-width:0;min-height:0}
#kg-network{position:absolute;inset:0;background:#fcfcfb}
#kg-progress{position:absolute;top:10px;inset-inline-start:10px;padding:4px 10px;background:rgba(38,50,63,.85);
 color:#fff;border-radius:4px;font-size:12px}
#kg-progress[hidden]{display:none}
#kg-details{grid-area:details;overflow:auto;padding:10px 14px;background:#fff;border-inline-start:1px solid #dcdcd8}
#kg-details h2{font-size:18px;margin:4px 0;overflow-wrap:anywhere}
#kg-details h3{font-size:14px;margin:14px 0 6px;border-bottom:1px solid #e4e4e0;padding-bottom:3px}
#kg-details .kg-sub{color:#5b6570;margin:0 0 6px}
#kg-details dl{display:grid;grid-template-columns:auto 1fr;gap:3px 10px;margin:6px 0}
#kg-details dt{color:#5b6570}
#kg-details dd{margin:0;overflow-wrap:anywhere;text-align:right}
#kg-details ul{margin:0;padding-inline-start:18px}
#kg-details li{margin:4px 0;overflow-wrap:anywhere}
#kg-details a{color:#1a5fb4}
.kg-badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px}
.kg-evidence{margin:8px 0;padding:6px 8px;background:#f7f6f1;border-inline-start:3px solid #bbb;border-radius:3px}
.kg-evidence blockquote{margin:0 0 4px;line-height:1.7}
.kg-evidence mark{background:#ffe58a;padding:0 1px}
.kg-meta{color:#5b6570;font-size:12px}
.kg-link-button{border:0;background:none;color:#1a5fb4;cursor:pointer;padding:0;font:inherit;text-decoration:underline}
.kg-hint{color:#6b7480}
.kg-unsafe{color:#8a5a00}
#kg-footer{grid-area:foot;display:flex;align-items:center;justify-content:center;font-size:11px;color:#6b7480;
 background:#f0f0ec;border-top:1px solid #dcdcd8}
div.vis-tooltip{position:absolute;visibility:hidden;padding:5px 8px;white-space:pre-line;max-width:360px;
 font-family:inherit;font-size:12px;color:#1d1d1f;background:#fffef5;border:1px solid #a9a48c;border-radius:3px;
 box-shadow:2px 2px 8px rgba(0,0,0,.2);pointer-events:none;z-index:10;direction:rtl;unicode-bidi:plaintext}
@media (max-width:900px){
 body{grid-template-columns:1fr;grid-template-rows:auto 55vh auto auto 24px;
  grid-template-areas:"head" "main" "details" "controls" "foot"}
 #kg-header{flex-wrap:wrap;padding:6px}
}
"""

# The viewer. Rules: data only ever reaches the DOM through textContent/createElement (no
# innerHTML), links only for http(s) URLs checked by the URL parser, tooltips are plain strings
# (vis-network 9 puts string titles in with innerText).
APP_JS = r"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg-parsed");  // timings for the performance test and for curious users
  var $ = function (id) { return document.getElementById(id); };

  // ------------------------------------------------------------------ DOM helpers
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === undefined || value === null) return;
        if (key === "text") node.textContent = String(value);
        else if (key === "className") node.className = value;
        else if (key === "style") Object.keys(value).forEach(function (k) { node.style[k] = value[k]; });
        else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // Only absolute http(s) URLs become links; anything else (javascript:, data:, relative paths
  // that would resolve to file://) is shown as plain text.
  function safeHref(url) {
    if (typeof url !== "string") return null;
    var trimmed = url.trim();
    if (!/^https?:\/\/\S+$/i.test(trimmed)) return null;
    try {
      var parsed = new URL(trimmed);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed.href;
    } catch (e) { /* not a URL */ }
    return null;
  }
  // `href` was approved by the exporter; it is checked again here (defence in depth) and the
  // raw URL is shown as text when it is not a web link.
  function linkOrText(text, href, rawUrl) {
    var label = text || rawUrl || "—";
    var safe = safeHref(href);
    if (safe) return el("a", { href: safe, target: "_blank", rel: "noopener noreferrer nofollow", dir: "auto", text: label });
    var span = el("span", { dir: "auto", text: label });
    if (rawUrl && text) span.appendChild(el("span", { className: "kg-unsafe", dir: "ltr", text: " (" + rawUrl + ")" }));
    return span;
  }

  // ------------------------------------------------------------------ Arabic-aware search key
  var BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
  var MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/g;
  function normalize(value) {
    return String(value === undefined || value === null ? "" : value)
      .normalize("NFKD")           // أ -> ا + hamza mark, Latin é -> e + accent, presentation forms
      .replace(BIDI, "")
      .replace(MARKS, "")           // harakat, shadda, sukun, dagger alef, tatweel, accents
      .replace(/[أإآٱ]/g, "ا")
      .replace(/ى/g, "ي")
      .replace(/ة/g, "ه")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  // ------------------------------------------------------------------ data
  var nodeInfo = DATA.node_info || {};
  var edgeInfo = DATA.edge_info || {};
  var articles = DATA.articles || {};
  var entityTypes = DATA.entity_types || [];
  var relationTypes = DATA.relations || [];
  var entityStyle = {}, relationStyle = {};
  entityTypes.forEach(function (t) { entityStyle[t.type] = t; });
  relationTypes.forEach(function (t) { relationStyle[t.type] = t; });

  var adjacency = {};      // node id -> [edge id]
  var baseDegree = {};
  DATA.nodes.forEach(function (n) { adjacency[n.id] = []; baseDegree[n.id] = 0; });
  DATA.edges.forEach(function (e) {
    adjacency[e.from].push(e.id); adjacency[e.to].push(e.id);
    baseDegree[e.from] += 1; baseDegree[e.to] += 1;
  });

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = $("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  performance.mark("kg-network");
  window.kgNetwork = network;

  document.title = DATA.name || document.title;
  $("kg-title").textContent = DATA.name || "arabic-kg";

  // ------------------------------------------------------------------ layout lifecycle
  var progress = $("kg-progress");
  function markReady() {
    performance.mark("kg-ready");
    progress.hidden = true;
    window.kgReady = true;
    document.body.setAttribute("data-ready", "1");
  }
  if (DATA.nodes.length === 0) {
    progress.textContent = "لا توجد عقد لعرضها.";
    window.kgReady = true;
    document.body.setAttribute("data-ready", "1");
  } else {
    network.on("stabilizationProgress", function (p) {
      var pct = p.total ? Math.round(100 * p.iterations / p.total) : 0;
      progress.textContent = "جارٍ حساب التخطيط… " + pct + "٪";
    });
    // Physics is switched off once the bounded stabilization is done: a 2,000-node graph would
    // otherwise keep the CPU busy and the picture moving under the user's mouse.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady();
    });
  }
  $("kg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });

  // ------------------------------------------------------------------ filters + legend
  var entityOn = {}, relationOn = {};
  function filterRow(kind, item, state) {
    var swatch = el("span", { className: kind === "rel" ? "kg-swatch kg-swatch-line" : "kg-swatch" });
    if (kind === "rel") swatch.style.borderTopColor = item.color; else swatch.style.background = item.color;
    var box = el("input", { type: "checkbox", "data-type": item.type });
    box.checked = true;
    state[item.type] = true;
    box.addEventListener("change", function () { state[item.type] = box.checked; scheduleFilters(); });
    return el("label", { title: item.en }, [box, swatch, el("span", { text: item.ar }),
      el("span", { className: "kg-en", dir: "ltr", text: "(" + item.en + ")" }),
      el("span", { className: "kg-count", text: String(item.count) })]);
  }
  var entityBox = $("kg-entity-filters"), relationBox = $("kg-relation-filters");
  entityTypes.forEach(function (t) { entityBox.appendChild(filterRow("ent", t, entityOn)); });
  relationTypes.forEach(function (t) { relationBox.appendChild(filterRow("rel", t, relationOn)); });

  var stats = DATA.stats || {};
  var weight = $("kg-weight"), weightOut = $("kg-weight-value");
  weight.max = String(Math.max(1, stats.max_weight || 1));
  weight.value = "1";
  var fromInput = $("kg-from"), toInput = $("kg-to");
  [fromInput, toInput].forEach(function (input) {
    if (stats.min_date) input.min = stats.min_date;
    if (stats.max_date) input.max = stats.max_date;
  });
  weight.addEventListener("input", function () { weightOut.textContent = weight.value; scheduleFilters(); });
  fromInput.addEventListener("change", scheduleFilters);
  toInput.addEventListener("change", scheduleFilters);
  $("kg-reset").addEventListener("click", function () {
    document.querySelectorAll(".kg-filter-list input[type=checkbox]").forEach(function (box) {
      box.checked = true;
      var type = box.getAttribute("data-type");
      if (type in entityOn) entityOn[type] = true;
      if (type in relationOn) relationOn[type] = true;
    });
    weight.value = "1"; weightOut.textContent = "1";
    fromInput.value = ""; toInput.value = "";
    applyFilters();
  });

  var hiddenNode = {}, hiddenEdge = {};
  var pending = false;
  function scheduleFilters() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; applyFilters(); });
  }
  function edgeVisible(info, minWeight, from, to) {
    if (!relationOn[info.type]) return false;
    if (info.weight < minWeight) return false;
    if (info.first_date) {   // undated edges are never "outside" the range
      if (from && info.last_date < from) return false;
      if (to && info.first_date > to) return false;
    }
    var a = nodeInfo[info.from], b = nodeInfo[info.to];
    return !!(entityOn[a.type] && entityOn[b.type]);
  }
  // Hide edges that fail a filter, then nodes of an unticked type or left with no visible
  // edge (nodes that had no edge to begin with stay). Only changed items are updated, so
  // dragging the slider on 10,000 edges stays smooth; hidden items keep their positions.
  function applyFilters() {
    var minWeight = Number(weight.value) || 1;
    var from = fromInput.value || "", to = toInput.value || "";
    var degree = {};
    var edgeUpdates = [], nodeUpdates = [];
    DATA.edges.forEach(function (e) {
      var visible = edgeVisible(edgeInfo[e.id], minWeight, from, to);
      if (visible) { degree[e.from] = (degree[e.from] || 0) + 1; degree[e.to] = (degree[e.to] || 0) + 1; }
      if (!visible !== !!hiddenEdge[e.id]) { hiddenEdge[e.id] = !visible; edgeUpdates.push({ id: e.id, hidden: !visible }); }
    });
    DATA.nodes.forEach(function (n) {
      var info = nodeInfo[n.id];
      var visible = !!entityOn[info.type] && (baseDegree[n.id] === 0 || (degree[n.id] || 0) > 0);
      if (!visible !== !!hiddenNode[n.id]) { hiddenNode[n.id] = !visible; nodeUpdates.push({ id: n.id, hidden: !visible }); }
    });
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    updateStats();
  }
  function visibleCounts() {
    var n = 0, e = 0, k;
    for (k in nodeInfo) if (!hiddenNode[k]) n += 1;
    for (k in edgeInfo) if (!hiddenEdge[k]) e += 1;
    return { nodes: n, edges: e, totalNodes: DATA.nodes.length, totalEdges: DATA.edges.length };
  }
  function updateStats() {
    var c = visibleCounts();
    $("kg-stats").textContent = "عُقد " + c.nodes + "/" + c.totalNodes + " · علاقات " + c.edges + "/" + c.totalEdges;
  }
  updateStats();

  // ------------------------------------------------------------------ details panel
  var details = $("kg-details");
  function nodeName(id) {
    var info = nodeInfo[id];
    return info ? (info.label || info.label_en || id) : String(id);
  }
  function typeBadge(type) {
    var style = entityStyle[type] || { color: "#9e9e9e", ar: type, en: type };
    var badge = el("span", { className: "kg-badge", text: style.ar + " · " + style.en });
    badge.style.background = style.color;
    return badge;
  }
  function nodeButton(id) {
    return el("button", { type: "button", className: "kg-link-button", dir: "auto", text: nodeName(id),
      onclick: function () { focusNode(id); } });
  }
  function addRow(dl, term, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", { text: term }));
    dl.appendChild(el("dd", { dir: "auto" }, [typeof value === "object" ? value : String(value)]));
  }
  function articleItem(article) {
    var meta = [article.date, article.source].filter(Boolean).join(" · ");
    return el("li", null, [linkOrText(article.title || article.id, article.href, article.url),
      meta ? el("div", { className: "kg-meta", dir: "auto", text: meta }) : null]);
  }

  function showNode(id) {
    var info = nodeInfo[id];
    if (!info) return;
    clear(details);
    details.appendChild(el("h2", { dir: "auto", text: info.label || id }));
    if (info.label_en) details.appendChild(el("p", { className: "kg-sub", dir: "ltr", text: info.label_en }));
    details.appendChild(typeBadge(info.type));
    if (hiddenNode[id]) details.appendChild(el("p", { className: "kg-note", text: "مخفية حاليًا بسبب المرشحات." }));
    var dl = el("dl");
    addRow(dl, "الإشارات", info.mentions);
    addRow(dl, "المقالات", info.articles);
    addRow(dl, "العلاقات", baseDegree[id]);
    addRow(dl, "المعرّف", info.id);
    if (info.qid) addRow(dl, "Wikidata", /^Q\d+$/.test(info.qid)
      ? linkOrText(info.qid, "https://www.wikidata.org/wiki/" + info.qid, null) : info.qid);
    if (info.affiliation) addRow(dl, "الانتماء", nodeInfo[info.affiliation] ? nodeButton(info.affiliation) : info.affiliation);
    details.appendChild(dl);

    if (info.aliases && info.aliases.length) {
      details.appendChild(el("h3", { text: "أسماء أخرى" }));
      details.appendChild(el("ul", null, info.aliases.map(function (a) { return el("li", { dir: "auto", text: a }); })));
    }
    var related = adjacency[id] || [];
    if (related.length) {
      details.appendChild(el("h3", { text: "العلاقات (" + related.length + ")" }));
      var list = el("ul");
      related.slice(0, 200).forEach(function (eid) {
        var e = edgeInfo[eid];
        var other = e.from === id ? e.to : e.from;
        var rel = relationStyle[e.type] || { ar: e.type };
        var arrow = !e.directed ? "↔" : (e.from === id ? "←" : "→");
        list.appendChild(el("li", null, [
          el("button", { type: "button", className: "kg-link-button", text: rel.ar + (e.polarity === "negated" ? " (منفية)" : ""),
            onclick: function () { selectEdge(eid); } }),
          " " + arrow + " ", nodeButton(other), el("span", { className: "kg-meta", text: " ×" + e.weight })]));
      });
      details.appendChild(list);
    }
    var items = (info.article_ids || []).map(function (aid) {
      var a = articles[aid] || {};
      return { id: aid, title: a.title, date: a.date, url: a.url, href: a.href, source: a.source };
    });
    if (items.length) {
      items.sort(function (x, y) { return String(y.date || "").localeCompare(String(x.date || "")); });
      details.appendChild(el("h3", { text: "المقالات (" + items.length + ")" }));
      details.appendChild(el("ul", null, items.map(articleItem)));
    }
  }

  // The trigger word is highlighted by splitting the sentence into text nodes around it.
  function sentenceWithTrigger(text, trigger) {
    var quote = el("blockquote", { dir: "auto" });
    var at = trigger ? text.indexOf(trigger) : -1;
    if (at < 0) { quote.textContent = text; return quote; }
    quote.appendChild(document.createTextNode(text.slice(0, at)));
    quote.appendChild(el("mark", { text: trigger }));
    quote.appendChild(document.createTextNode(text.slice(at + trigger.length)));
    return quote;
  }

  function showEdge(eid) {
    var e = edgeInfo[eid];
    if (!e) return;
    var rel = relationStyle[e.type] || { ar: e.type, en: e.type, color: "#777" };
    clear(details);
    var heading = el("h2", null, [nodeButton(e.from), " " + (e.directed ? "←" : "↔") + " ", nodeButton(e.to)]);
    details.appendChild(heading);
    var badge = el("span", { className: "kg-badge", text: rel.ar + " · " + rel.en });
    badge.style.background = rel.color;
    details.appendChild(badge);
    if (hiddenEdge[eid]) details.appendChild(el("p", { className: "kg-note", text: "مخفية حاليًا بسبب المرشحات." }));
    var dl = el("dl");
    addRow(dl, "النوع", e.type);
    addRow(dl, "القطبية", e.polarity === "negated" ? "منفية (negated)" : "مثبتة (asserted)");
    addRow(dl, "الاتجاه", e.directed ? "من المصدر إلى الهدف" : "متبادلة");
    addRow(dl, "الوزن (الأدلة)", e.weight);
    addRow(dl, "المقالات", e.articles);
    addRow(dl, "أول تاريخ", e.first_date);
    addRow(dl, "آخر تاريخ", e.last_date);
    addRow(dl, "الصيغة الغالبة", e.modality);
    addRow(dl, "مؤكدة", e.modality_asserted);
    addRow(dl, "مخطط لها", e.modality_planned);
    addRow(dl, "منقولة", e.modality_reported);
    details.appendChild(dl);
    var evidence = e.evidence || [];
    details.appendChild(el("h3", { text: "الأدلة (" + evidence.length + ")" }));
    evidence.forEach(function (ev) {
      var article = articles[ev.article_id] || {};
      var date = ev.date || article.date;
      var meta = el("div", { className: "kg-meta" }, [
        linkOrText(ev.title || article.title || ev.article_id, ev.href || article.href, ev.url || article.url),
        date ? " · " + date : null]);
      details.appendChild(el("div", { className: "kg-evidence" }, [sentenceWithTrigger(ev.text || "", ev.trigger), meta]));
    });
  }

  function focusNode(id) {
    if (!nodeInfo[id]) return false;
    if (!hiddenNode[id]) {
      network.selectNodes([id], true);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    }
    showNode(id);
    return true;
  }
  function selectEdge(eid) {
    if (!edgeInfo[eid]) return;
    if (!hiddenEdge[eid]) network.setSelection({ nodes: [], edges: [eid] }, { unselectAll: true });
    showEdge(eid);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // ------------------------------------------------------------------ search
  var index = DATA.nodes.map(function (n) {
    var info = nodeInfo[n.id];
    var keys = [info.label, info.label_en, info.id].concat(info.aliases || []).map(normalize).filter(Boolean);
    return { id: n.id, keys: keys, mentions: info.mentions || 0 };
  });
  function search(query) {
    var q = normalize(query);
    if (!q) return [];
    var hits = [];
    index.forEach(function (entry) {
      var best = 9;
      entry.keys.forEach(function (key) {
        if (key === q) best = Math.min(best, 0);
        else if (key.indexOf(q) === 0) best = Math.min(best, 1);
        else if (key.indexOf(q) > 0) best = Math.min(best, 2);
      });
      if (best < 9) hits.push({ id: entry.id, score: best, mentions: entry.mentions });
    });
    hits.sort(function (a, b) { return a.score - b.score || b.mentions - a.mentions; });
    return hits.slice(0, 12).map(function (h) { return h.id; });
  }
  var searchInput = $("kg-search"), results = $("kg-results");
  function closeResults() { results.hidden = true; clear(results); }
  function pick(id) { closeResults(); focusNode(id); }
  searchInput.addEventListener("input", function () {
    clear(results);
    var ids = search(searchInput.value);
    if (!ids.length) { results.hidden = true; return; }
    ids.forEach(function (id) {
      var info = nodeInfo[id];
      var swatch = el("span", { className: "kg-swatch" });
      swatch.style.background = (entityStyle[info.type] || {}).color || "#9e9e9e";
      results.appendChild(el("li", { role: "option" }, [el("button", { type: "button", onclick: function () { pick(id); } },
        [swatch, el("span", { dir: "auto", text: info.label || id }),
          info.label_en ? el("span", { className: "kg-en", dir: "ltr", text: info.label_en }) : null])]));
    });
    results.hidden = false;
  });
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var ids = search(searchInput.value);
      if (ids.length) pick(ids[0]);
      event.preventDefault();
    } else if (event.key === "Escape") {
      closeResults();
    }
  });
  document.addEventListener("click", function (event) {
    if (!$("kg-search-box").contains(event.target)) closeResults();
  });

  window.kgViewer = {
    network: network, nodes: nodes, edges: edges, normalize: normalize, search: search,
    focusNode: focusNode, selectEdge: selectEdge, showNode: showNode, showEdge: showEdge,
    applyFilters: applyFilters, visibleCounts: visibleCounts
  };
})();
"""
