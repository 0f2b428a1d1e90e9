/** The inline style and script of the HTML report; the page's CSP allows exactly these by hash. */

export const HTML_STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --card: #f6f8fa;
  --critical: #a40e26; --high: #bc4c00; --medium: #9a6700; --low: #0969da; --info: #59636e; --pass: #1a7f37; --fail: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --card: #151b23;
  --critical: #ff7b72; --high: #ffa657; --medium: #d29922; --low: #58a6ff; --info: #9198a1; --pass: #3fb950; --fail: #f85149; } }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--fg); }
main { max-width: 1280px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.gate { border: 2px solid; border-radius: 8px; padding: 12px 16px; font-weight: 600; }
.gate.pass { border-color: var(--pass); color: var(--pass); } .gate.fail { border-color: var(--fail); color: var(--fail); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px; min-width: 110px; }
.card b { display: block; font-size: 22px; }
.notes li { margin: 4px 0; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0 12px; position: sticky; top: 0;
  background: var(--bg); padding: 8px 0; border-bottom: 1px solid var(--line); }
.filters input[type=search] { min-width: 260px; }
select, input { font: inherit; padding: 4px 6px; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
#f-count { color: var(--muted); margin-left: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; text-transform: uppercase; color: var(--muted); }
td.loc, td.rule { word-break: break-all; }
code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px; overflow-x: auto; white-space: pre-wrap; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; color: #fff; font-size: 12px; font-weight: 600; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
.sev-low { background: var(--low); } .sev-info { background: var(--info); }
tr.suppressed td { opacity: .6; }
.title { color: var(--muted); }
.status { white-space: nowrap; }
details summary { cursor: pointer; color: var(--low); }
`;

export const HTML_SCRIPT = `
(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var sev = byId('f-severity'), an = byId('f-analyzer'), txt = byId('f-text'), sup = byId('f-suppressed');
  var count = byId('f-count'), none = byId('no-match');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var maxRank = sev.value === '' ? 99 : Number(sev.value);
    var a = an.value, q = txt.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r, i) {
      var ok = Number(r.dataset.rank) <= maxRank && (a === '' || r.dataset.analyzer === a) &&
        (sup.checked || r.dataset.suppressed === '0') && (q === '' || texts[i].indexOf(q) !== -1);
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' findings shown';
    none.hidden = shown !== 0;
  }
  [sev, an, txt, sup].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
  apply();
})();
`;
