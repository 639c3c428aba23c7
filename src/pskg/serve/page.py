"""The query page of `pskg serve`: plain HTML and a little JavaScript, no external resources.

The example queries are the ``queries/*.rq`` files found when the page is requested.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from pskg.rdf.namespaces import PREFIXES

DEFAULT_QUERY = """PREFIX pskg: <https://w3id.org/pskg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?instrument ?title ?date WHERE {
  ?instrument a pskg:Instrument ; dcterms:title ?title .
  OPTIONAL { ?instrument pskg:dateSigned ?date }
} ORDER BY ?date LIMIT 100"""

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pskg SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0;display:flex;min-height:100vh;color:#222}
nav{width:15rem;background:#f3f4f6;padding:1rem;border-right:1px solid #ddd}
nav h2{font-size:1rem;margin:.2rem 0 .6rem} nav button{display:block;width:100%;text-align:left;
margin:.2rem 0;padding:.35rem .5rem;border:1px solid #ccc;background:#fff;border-radius:4px;cursor:pointer}
nav button:hover{background:#e8eefc} main{flex:1;padding:1rem;min-width:0}
textarea{width:100%;height:14rem;font:13px/1.4 ui-monospace,monospace;box-sizing:border-box}
#run{margin:.5rem 0;padding:.4rem 1.4rem;font-weight:bold;cursor:pointer}
#status{margin-left:1rem;color:#555} #status.error{color:#b00020;white-space:pre-wrap}
table{border-collapse:collapse;margin-top:.5rem;font-size:13px}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eef} tr:nth-child(even) td{background:#fafafa} pre{white-space:pre-wrap}
</style></head>
<body>
<nav><h2>Example queries</h2>
__EXAMPLE_BUTTONS__
</nav>
<main>
<h1 style="font-size:1.3rem;margin:.2rem 0 .8rem">pskg SPARQL endpoint <small style="font-weight:normal;color:#666">
(read-only; the default graph is the union of all graphs, each triple once; __TRIPLES__ triples)</small></h1>
<textarea id="query" spellcheck="false">__DEFAULT_QUERY__</textarea><br>
<button id="run" type="button">Run</button><span id="status"></span>
<div id="output"></div>
</main>
<script type="application/json" id="examples">__EXAMPLES_JSON__</script>
<script type="application/json" id="prefixes">__PREFIXES_JSON__</script>
<script>
const examples = JSON.parse(document.getElementById('examples').textContent);
const prefixes = JSON.parse(document.getElementById('prefixes').textContent);
const $ = id => document.getElementById(id);
function short(iri) {
  for (const [p, ns] of Object.entries(prefixes)) if (iri.startsWith(ns)) return p + ':' + iri.slice(ns.length);
  return '<' + iri + '>';
}
function cell(t) {
  if (!t) return '';
  if (t.type === 'uri') return short(t.value);
  if (t.type === 'bnode') return '_:' + t.value;
  return t.value + (t['xml:lang'] ? '@' + t['xml:lang'] : t.datatype ? '^^' + short(t.datatype) : '');
}
function table(data) {
  const tbl = document.createElement('table'); tbl.id = 'results';
  const head = tbl.createTHead().insertRow();
  for (const v of data.head.vars) { const th = document.createElement('th'); th.textContent = v; head.appendChild(th); }
  const body = tbl.createTBody();
  for (const b of data.results.bindings) {
    const tr = body.insertRow();
    for (const v of data.head.vars) tr.insertCell().textContent = cell(b[v]);
  }
  return tbl;
}
async function run() {
  const out = $('output'), status = $('status');
  out.textContent = ''; status.className = ''; status.textContent = 'running…';
  const t0 = performance.now();
  try {
    const r = await fetch('sparql', {method: 'POST', body: new URLSearchParams({query: $('query').value}),
      headers: {'Accept': 'application/sparql-results+json, application/n-triples;q=0.9'}});
    const text = await r.text();
    if (!r.ok) { status.className = 'error'; status.textContent = r.status + ': ' + text; return; }
    const secs = ((performance.now() - t0) / 1000).toFixed(2);
    const cut = r.headers.get('X-Result-Truncated') ? ' (truncated to the row limit)' : '';
    if ((r.headers.get('Content-Type') || '').includes('sparql-results+json')) {
      const data = JSON.parse(text);
      if ('boolean' in data) { out.innerHTML = '<p id="results">' + data.boolean + '</p>'; status.textContent = secs + ' s'; return; }
      out.appendChild(table(data));
      status.textContent = data.results.bindings.length + ' rows in ' + secs + ' s' + cut;
    } else {
      const pre = document.createElement('pre'); pre.id = 'results'; pre.textContent = text; out.appendChild(pre);
      status.textContent = secs + ' s' + cut;
    }
  } catch (e) { status.className = 'error'; status.textContent = String(e); }
}
$('run').addEventListener('click', run);
$('query').addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
document.querySelectorAll('nav button[data-example]').forEach(b =>
  b.addEventListener('click', () => { $('query').value = examples[b.dataset.example].text; $('status').textContent = b.dataset.example; }));
</script>
</body></html>
"""


def examples(queries_dir: Path | None) -> dict[str, dict[str, str]]:
    """{file name: {"title", "text"}} for every ``*.rq`` in the folder, read now (not at start-up).
    Parameterised queries come with their first ``# example:`` line's values bound."""
    if not queries_dir or not Path(queries_dir).is_dir():
        return {}
    found = {}
    for path in sorted(Path(queries_dir).glob("*.rq")):
        text = path.read_text("utf-8")
        title = next((line.split(":", 1)[1].strip() for line in text.splitlines()
                      if line.startswith("# title:")), path.stem)
        found[path.name] = {"title": title, "text": _bound(path, text)}
    return found


def _bound(path: Path, text: str) -> str:
    try:
        from pskg import query as named
        from pskg.query.compare import example_params
        nq = named.load_query(path)
        return named.inject(nq, named.bind(nq, example_params(nq.examples)))
    except Exception:  # noqa: BLE001 - no pskg.query, or a query it cannot bind: show it as written
        return text


def _script_json(value) -> str:
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def render(queries_dir: Path | None, triples: int) -> bytes:
    found = examples(queries_dir)
    buttons = "\n".join(
        f'<button type="button" class="example" id="example-{html.escape(Path(n).stem)}" '
        f'data-example="{html.escape(n)}" title="{html.escape(q["title"])}">{html.escape(Path(n).stem)}'
        f'</button>' for n, q in found.items()
    ) or "<p>(no queries/*.rq found)</p>"
    page = (PAGE.replace("__EXAMPLE_BUTTONS__", buttons)
            .replace("__TRIPLES__", f"{triples:,}")
            .replace("__DEFAULT_QUERY__", html.escape(DEFAULT_QUERY))
            .replace("__EXAMPLES_JSON__", _script_json(found))
            .replace("__PREFIXES_JSON__", _script_json({p: str(ns) for p, ns in PREFIXES.items()})))
    return page.encode("utf-8")
