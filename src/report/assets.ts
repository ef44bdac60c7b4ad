/** The report's stylesheet: system fonts with common CJK fonts, print rules. @internal */
export const CSS = `
:root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa;--card:#fff;--accent:#2f5d8a;--good:#2f855a;--bad:#c53030}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",Roboto,"Helvetica Neue",Arial,sans-serif}
.masthead{background:linear-gradient(120deg,#1c3d5a,#2f5d8a);color:#fff;padding:28px 0 22px}
.wrap{max-width:1180px;margin:0 auto;padding:0 24px}
.masthead h1{margin:0 0 6px;font-size:26px;font-weight:650;letter-spacing:.01em}
.masthead .sub{margin:0;opacity:.85;font-size:14px}
.masthead .meta{margin-top:12px;display:flex;flex-wrap:wrap;gap:8px 18px;font-size:13px;opacity:.9}
.toolbar{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);backdrop-filter:blur(4px)}
.toolbar .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:6px 16px;min-height:46px}
.tabs{display:flex;flex-wrap:wrap;gap:4px;align-items:center}
.tabs .lbl{color:var(--muted);font-size:12px;margin-right:4px}
.tab{border:1px solid var(--line);background:#fff;color:var(--ink);border-radius:16px;padding:3px 12px;font:inherit;font-size:13px;cursor:pointer}
.tab[aria-pressed=true]{background:var(--accent);border-color:var(--accent);color:#fff}
.links{display:flex;flex-wrap:wrap;gap:2px 12px;font-size:13px}
.links a{color:var(--accent);text-decoration:none}
.links a:hover{text-decoration:underline}
main{padding:18px 0 40px}
section.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 22px 20px;margin:0 0 18px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
section.card>h2{margin:0 0 4px;font-size:18px;font-weight:650}
section.card h3{margin:18px 0 6px;font-size:15px;font-weight:600}
.note{color:var(--muted);font-size:12.5px;margin:2px 0 10px}
.profile-title{display:flex;align-items:baseline;gap:10px;margin:6px 0 12px}
.profile-title h2{margin:0;font-size:21px}
.profile-title .tag{font-size:12px;color:var(--muted)}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:10px 0 4px}
.kpi{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:#fbfcfd}
.kpi .k{font-size:12px;color:var(--muted)}
.kpi .v{font-size:22px;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.3}
.kpi .s{font-size:12px;color:var(--muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.grid2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:18px}
.grid-sun{display:grid;grid-template-columns:400px minmax(0,1fr);gap:18px;align-items:start}
.grid-scatter{display:grid;grid-template-columns:minmax(0,640px) minmax(0,1fr);gap:22px;align-items:start}
@media (max-width:900px){.grid2,.grid-sun,.grid-scatter{grid-template-columns:1fr}}
.chart{max-width:100%;height:auto;display:block;font-family:inherit}
.chart text{font-size:12px;fill:var(--ink)}
.chart .tick{font-size:11px;fill:var(--muted)}
.chart .grid{stroke:#edf0f3;stroke-width:1}
.chart .rank{fill:var(--muted);font-variant-numeric:tabular-nums}
.chart .val{font-variant-numeric:tabular-nums;font-weight:600}
.chart .seg-label{font-size:10px;fill:#fff;pointer-events:none}
.chart .ref{stroke:#1f2933;stroke-width:2}
.chart .bar-row:hover rect{opacity:.85}
.chart .diagonal{stroke:#9aa5b1;stroke-dasharray:4 4}
.chart .pt{fill:#4e79a7;fill-opacity:.45;stroke:#fff;stroke-width:.5}
.chart .pt.hl{fill-opacity:1;stroke:#1f2933;stroke-width:1}
.chart .pt.hl.rise{fill:#2f855a}.chart .pt.hl.fall{fill:#c53030}
.chart .pt-label{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px}
.chart .axis-label{font-size:12px;fill:var(--muted)}
.chart .cell{stroke:#fff;stroke-width:.5}
.chart .cell-label{font-size:10px;fill:#1f2933;pointer-events:none}
.chart .cell-label.dark{fill:#fff}
.chart .sep{stroke:#1f2933;stroke-width:1}
.chart .interval{stroke:#4e79a7;stroke-width:3;stroke-linecap:round;opacity:.6}
.chart .median{fill:#1c3d5a}
.chart .nominal{fill:#f28e2b}
.chart .sun{stroke:#fff;stroke-width:1}
.chart .sun:hover{opacity:.85}
.chart .sun-label{font-size:11px;fill:#fff;font-weight:600;pointer-events:none}
.chart .sun-code{font-size:9px;fill:#fff;pointer-events:none}
.chart .sun-center{fill:#1c3d5a}
.chart .sun-center-label{fill:#fff;font-size:11px;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12.5px;margin:6px 0 8px}
.legend span{display:inline-flex;align-items:center;gap:5px}
.legend i{display:inline-block;width:11px;height:11px;border-radius:2px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
th{font-weight:600;color:var(--muted);font-size:12px;background:#fafbfc;min-width:3em;overflow-wrap:normal}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.n{white-space:nowrap}
.profile-weights td:first-child{white-space:nowrap}
tbody tr:hover{background:#f7f9fb}
.scroll{max-height:560px;overflow:auto;border:1px solid var(--line);border-radius:8px}
.hscroll{max-width:100%;overflow-x:auto}
.scroll table th{position:sticky;top:0;z-index:1}
table.sortable th button{all:unset;cursor:pointer}
table.sortable th button:focus-visible{outline:2px solid var(--accent)}
table.sortable th[aria-sort=ascending] button::after{content:" ▲";font-size:9px}
table.sortable th[aria-sort=descending] button::after{content:" ▼";font-size:9px}
.tree td.node{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:430px}
.tree tr.group td{font-weight:600}
.tree tr.depth1 td{background:#f7f9fc}
.tree .code{color:var(--muted);font-size:11.5px;margin-right:6px;font-weight:400}
.dot{display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:6px;vertical-align:0}
.wbar{display:inline-flex;align-items:center;gap:6px;vertical-align:middle}
.wbar .track{position:relative;display:inline-block;width:96px;height:10px;background:#eef2f6;border-radius:5px;overflow:hidden}
.wbar .fill{position:absolute;left:0;top:0;bottom:0;border-radius:5px}
.wbar .lbl{font-size:12px;font-variant-numeric:tabular-nums;color:var(--ink);min-width:42px;text-align:right}
.badge{display:inline-block;font-size:11px;border-radius:10px;padding:0 7px;line-height:18px;white-space:nowrap}
.badge.ok{background:#e6f4ea;color:var(--good)}
.badge.bad{background:#fde8e8;color:var(--bad)}
.dir{color:var(--muted);font-size:12px;white-space:nowrap}
.up{color:var(--good)}.down{color:var(--bad)}
.unit-head{display:flex;flex-wrap:wrap;gap:12px 28px;align-items:baseline;margin:6px 0 8px}
.unit-head .big{font-size:34px;font-weight:700;font-variant-numeric:tabular-nums;color:var(--accent)}
.crumbs{color:var(--muted);font-size:13px}
.muted{color:var(--muted)}
.lv-tree{font-size:13px}.lv-kids{margin-left:18px;border-left:1px solid #e3e8ee;padding-left:8px}
.lv-row{padding:2px 0}.lv-row>summary{cursor:pointer}.lv-score{font-weight:700;font-variant-numeric:tabular-nums}
.lv-own,.lv-children,.lv-rank,.lv-rankp{color:var(--muted);font-variant-numeric:tabular-nums;margin-left:8px}.lv-rules{margin:4px 0 8px;color:var(--muted);font-size:12px}
footer{color:var(--muted);font-size:12px;padding:8px 0 30px}
.js .profile[hidden]{display:none}
.js .profile:not(.active){display:none}
.tip{position:fixed;z-index:20;max-width:420px;background:#1f2933;color:#fff;font-size:12px;padding:4px 8px;border-radius:4px;pointer-events:none}
.tip[hidden]{display:none}
.masthead .sub{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;max-width:980px}
@media print{
  body{background:#fff;font-size:11px}
  .toolbar{display:none}
  .masthead{background:none;color:var(--ink);padding:0 0 8px;border-bottom:2px solid var(--ink)}
  section.card{box-shadow:none;break-inside:avoid-page;border-color:#ccc}
  .scroll,.hscroll{max-height:none;overflow:visible;border:0}
  .scroll table th{position:static}
  a{color:inherit;text-decoration:none}
  .wrap{max-width:none;padding:0}
  .profile{break-before:page}
  .profile:first-of-type{break-before:auto}
}
`;

/**
 * The report's only script: profile tabs and sortable tables. It reads nothing but the page (no
 * data inside the script, so no model text can break out of it). @internal
 */
export const SCRIPT = `(function(){
var d=document;
var tabs=[].slice.call(d.querySelectorAll("[data-show-profile]"));
function show(k){[].forEach.call(d.querySelectorAll(".profile"),function(el){var on=el.getAttribute("data-profile-index")===k;el.hidden=!on;el.classList.toggle("active",on);});
tabs.forEach(function(t){t.setAttribute("aria-pressed",String(t.getAttribute("data-show-profile")===k));});
[].forEach.call(d.querySelectorAll("a[data-section]"),function(a){a.setAttribute("href","#p"+k+"-"+a.getAttribute("data-section"));});}
tabs.forEach(function(t){t.addEventListener("click",function(){show(t.getAttribute("data-show-profile"));});});
if(tabs.length)show("0");
function key(td){var v=td.getAttribute("data-sort");if(v===null)v=td.textContent.trim();return v==="–"?"":v;}
[].forEach.call(d.querySelectorAll("table.sortable"),function(table){
var ths=[].slice.call(table.tHead.rows[0].cells);
ths.forEach(function(th,col){var b=th.querySelector("button");if(!b)return;
b.addEventListener("click",function(){
var asc=th.getAttribute("aria-sort")!=="ascending";
ths.forEach(function(h){h.removeAttribute("aria-sort");});
th.setAttribute("aria-sort",asc?"ascending":"descending");
var body=table.tBodies[0];var rows=[].slice.call(body.rows);
rows.sort(function(a,b){var x=key(a.cells[col]),y=key(b.cells[col]);
if(x===""||x==="NaN")return y===""||y==="NaN"?0:1;if(y===""||y==="NaN")return -1;
var nx=Number(x),ny=Number(y);var c=isNaN(nx)||isNaN(ny)?String(x).localeCompare(String(y)):nx-ny;return asc?c:-c;});
rows.forEach(function(r){body.appendChild(r);});});});});
var tip=d.createElement("div");tip.className="tip";tip.hidden=true;d.body.appendChild(tip);
[].forEach.call(d.querySelectorAll("svg.heatmap"),function(svg){var labels=svg.querySelectorAll(".hm-label.row title");
svg.addEventListener("mousemove",function(e){var c=e.target,i=c.getAttribute&&c.getAttribute("data-i");
if(i===null||i===undefined||!labels.length){tip.hidden=true;return;}var j=c.getAttribute("data-j");
tip.textContent=labels[+i].textContent+" × "+labels[+j].textContent+": r = "+Number(c.getAttribute("data-value")).toFixed(2);
tip.style.left=(e.clientX+12)+"px";tip.style.top=(e.clientY+12)+"px";tip.hidden=false;});
svg.addEventListener("mouseleave",function(){tip.hidden=true;});});
})();`;
