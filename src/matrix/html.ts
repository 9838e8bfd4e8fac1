// reports/matrix.html: one static page (inline CSS, no script, no server) that opens from disk.
import { specLink } from '../report/spec-links.js';
import { CELL_VERDICTS, columnCounts, type CellVerdict, type Matrix } from './model.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LABEL: Record<CellVerdict, string> = { pass: '✓ pass', fail: '✗ fail', skip: '– skip', 'n/a': 'n/a', inconclusive: '? inconclusive', error: '! error' };
const CLASS: Record<CellVerdict, string> = { pass: 'pass', fail: 'fail', skip: 'skip', 'n/a': 'na', inconclusive: 'inconclusive', error: 'error' };

/** A spec reference, linked to the cited section where there is a link for it. */
function ref(r: string): string {
  const url = specLink(r);
  return url ? `<a href="${esc(url)}">${esc(r)}</a>` : esc(r);
}

/** One row per profile: its target and exit code, then how many checks got each verdict. */
function summaryTable(m: Matrix): string {
  const counts = columnCounts(m);
  // inconclusive / error columns only when some run reported them.
  const shown = CELL_VERDICTS.filter((v) => !['inconclusive', 'error'].includes(v) || m.columns.some((c) => counts[c.profile]![v] > 0));
  const head = shown.map((v) => `<th class="${CLASS[v]}">${esc(LABEL[v])}</th>`).join('');
  const rows = m.columns.map((c) => {
    const n = counts[c.profile]!;
    const cells = shown.map((v) => `<td class="num${n[v] && v !== 'pass' && v !== 'n/a' ? ` ${CLASS[v]}` : ''}">${n[v]}</td>`).join('');
    const exit = c.error ? `exit ${c.exitCode}: ${esc(c.error)}` : `exit ${c.exitCode}`;
    return `<tr><th><a href="#col-${esc(c.profile)}">${esc(c.profile)}</a></th><td>${esc(c.vendor)} ${esc(c.versions)}</td><td>${esc(c.mode)} · ${esc(c.target)}</td><td>${exit}</td>${cells}</tr>`;
  });
  return `<table class="summary"><thead><tr><th>profile</th><th>CRM</th><th>target</th><th>run</th>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

const CSS = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:20px;margin:0 0 4px}p.meta{color:#59636e;margin:0 0 16px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d1d9e0;padding:4px 8px;vertical-align:top}
thead th{position:sticky;top:0;background:#f6f8fa;font-weight:600;text-align:center}
thead th small{display:block;font-weight:400;color:#59636e}
tr.area th{background:#eaeef2;text-align:left;font-size:13px;text-transform:uppercase;letter-spacing:.04em}
td.check code{font-size:12px}td.check div{color:#59636e;font-size:12px}td.refs{font-size:12px;color:#59636e;white-space:nowrap}
td.sev{font-size:12px;text-align:center}
td.cell{text-align:center;white-space:nowrap;font-size:12px;cursor:help}
td.pass{background:#dafbe1;color:#116329}td.fail{background:#ffebe9;color:#a40e26;font-weight:600}
td.skip{background:#fff8c5;color:#7d4e00}td.na{background:#f6f8fa;color:#8c959f}
td.inconclusive{background:#fff1e5;color:#953800}td.error{background:#fbefff;color:#6639ba}
table.summary{width:auto;margin:0 0 20px}table.summary th,table.summary td{text-align:left}table.summary td.num{text-align:right;min-width:3em}
td.refs a{color:#0969da;text-decoration:none}td.refs a:hover{text-decoration:underline}
tfoot td{font-size:12px;color:#59636e;text-align:center}.legend span{display:inline-block;padding:0 8px;margin-right:8px}
`;

export function renderMatrixHtml(m: Matrix): string {
  const head = m.columns
    .map((c) => `<th id="col-${esc(c.profile)}" title="${esc(`${c.vendor} ${c.versions} · ${c.mode} · ${c.target}${c.error ? ` · ${c.error}` : ''}`)}">${esc(c.profile)}<small>${esc(c.vendor)} ${esc(c.versions)}</small></th>`)
    .join('');
  const body: string[] = [];
  let area = '';
  for (const r of m.rows) {
    if (r.area !== area) {
      area = r.area;
      body.push(`<tr class="area"><th colspan="${3 + m.columns.length}">${esc(area)}</th></tr>`);
    }
    const cells = m.columns
      .map((c) => {
        const cell = r.cells[c.profile] ?? { verdict: 'skip' as const, reason: 'not run' };
        return `<td class="cell ${CLASS[cell.verdict]}" title="${esc(cell.reason ?? cell.verdict)}">${LABEL[cell.verdict]}</td>`;
      })
      .join('');
    body.push(
      `<tr id="${esc(r.id)}"><td class="check"><code>${esc(r.id)}</code><div>${esc(r.title)}</div></td>` +
        `<td class="refs">${r.specRefs.map(ref).join('<br>')}</td><td class="sev">${esc(r.severity)}</td>${cells}</tr>`,
    );
  }
  const foot = m.columns
    .map((c) => `<td>${c.summary ? `${c.summary.passed} pass · ${c.summary.failed} fail · ${c.summary.skipped} skip` : esc(c.error ?? 'no report')}</td>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crm-conformance compatibility matrix</title><style>${CSS}</style></head>
<body><h1>CRM compatibility matrix</h1>
<p class="meta">Generated ${esc(m.generatedAt)} · ${m.rows.length} checks × ${m.columns.length} profiles · hover a cell for the reason ·
<span class="legend"><span class="pass">✓ pass</span><span class="fail">✗ fail</span><span class="inconclusive">? inconclusive (could not decide)</span><span class="error">! error (could not gather evidence)</span><span class="skip">– skip (could not run here)</span><span class="na">n/a (the CRM does not have it)</span></span></p>
${summaryTable(m)}
<table><thead><tr><th>check</th><th>spec</th><th>severity</th>${head}</tr></thead>
<tbody>${body.join('\n')}</tbody>
<tfoot><tr><td colspan="3"></td>${foot}</tr></tfoot></table></body></html>
`;
}
