// Three views of one Comparison: a console table, Markdown (pull-request comment or
// $GITHUB_STEP_SUMMARY) and a static HTML page (reports/compare.html, no scripts, no fetches).
import type { ConformanceReport } from '../report/model.js';
import { specLink } from '../report/spec-links.js';
import { SECTIONS, verdictLine, type CheckChange, type Comparison } from './compare.js';

const arrow = (c: CheckChange) => `${c.before ?? '—'} → ${c.after ?? '—'}`;

function sideName(r: ConformanceReport): string {
  const t = r.target;
  const mode = t.kind === 'embedded' ? ` ${t.mode ?? 'conformant'}${t.faults?.length ? ` +${t.faults.join(',')}` : ''}` : '';
  return `${t.profile} (${t.kind}${mode}) ${r.startedAt.slice(0, 16).replace('T', ' ')}`;
}

function note(c: CheckChange): string {
  const why = c.kind === 'failing-differently' ? `before: ${c.beforeReason ?? '(no reason given)'} — now: ${c.reason ?? '(no reason given)'}` : c.reason;
  return [c.baselineNote, why && c.baseline !== 'stale' ? why : undefined].filter(Boolean).join(' — ');
}

/** Rows to show: every change except the unchanged ones. */
function sections(c: Comparison) {
  return SECTIONS.map((s) => ({ ...s, rows: c.changes.filter((x) => x.kind === s.kind) })).filter((s) => s.rows.length);
}

export function renderConsole(c: Comparison): string {
  const lines = [`before: ${c.before.file}  ${sideName(c.before.report)}`, `after:  ${c.after.file}  ${sideName(c.after.report)}`, ''];
  const rows = sections(c).flatMap((s) => s.rows.map((r) => [s.kind, r.id, r.severity, arrow(r), note(r)]));
  for (const r of c.stale) rows.push(['stale', r.id, r.severity, arrow(r), r.baselineNote ?? '']);
  if (rows.length) {
    const head = ['change', 'check', 'severity', 'before → after', 'note'];
    const widths = head.slice(0, 4).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    // Both reasons of a changed failure matter: its note may run longer.
    const width = (kind: string) => (kind === 'failing-differently' ? 300 : 140);
    const cut = (v: string, kind: string) => (v.length > width(kind) ? `${v.slice(0, width(kind) - 1)}…` : v);
    const fmt = (r: string[]) => r.map((v, i) => (i < 4 ? v.padEnd(widths[i]!) : cut(v, r[0]!))).join('  ').trimEnd();
    lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt), '');
  } else lines.push('no differences', '');
  lines.push(verdictLine(c));
  return `${lines.join('\n')}\n`;
}

/** One Markdown table cell: no pipes, no newlines, no raw HTML. */
const md = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');

function refsMarkdown(refs: readonly string[]): string {
  return refs.map((r) => (specLink(r) ? `[${md(r)}](${specLink(r)})` : md(r))).join(', ');
}

export function renderMarkdown(c: Comparison): string {
  const out = [
    `## crm-conformance upgrade gate: ${c.exitCode ? '❌ FAIL' : '✅ PASS'}`,
    '',
    `**Before:** \`${md(sideName(c.before.report))}\` · **After:** \`${md(sideName(c.after.report))}\``,
    '',
    verdictLine(c),
    '',
  ];
  const table = (title: string, blurb: string, rows: CheckChange[]) => {
    out.push(`### ${title} (${rows.length})`, '', `_${blurb}_`, '', '| check | severity | before → after | spec | note |', '| --- | --- | --- | --- | --- |');
    for (const r of rows) out.push(`| \`${r.id}\` | ${r.severity} | ${arrow(r)} | ${refsMarkdown(r.specRefs)} | ${md(note(r) || r.title)} |`);
    out.push('');
  };
  for (const s of sections(c)) table(s.title, s.blurb, s.rows);
  if (c.stale.length) table('Stale baseline entries', 'the check passes now or the entry expired: remove or renew the entry', c.stale);
  return `${out.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function refsHtml(refs: readonly string[]): string {
  return refs.map((r) => (specLink(r) ? `<a href="${esc(specLink(r)!)}">${esc(r)}</a>` : esc(r))).join(', ');
}

const CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg); background: #fff; }
header { display: flex; align-items: center; gap: 16px; border-bottom: 1px solid var(--line); padding-bottom: 12px; margin-bottom: 16px; }
h1 { font-size: 20px; margin: 0; }
h2 { font-size: 16px; margin: 24px 0 4px; }
.badge { font-weight: 700; padding: 2px 10px; border-radius: 12px; color: #fff; }
.badge.pass { background: #1a7f37; } .badge.fail { background: #cf222e; }
.sides { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; background: var(--bg); }
.counts b { font-variant-numeric: tabular-nums; }
.blurb { color: var(--muted); margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--bg); font-weight: 600; }
col.id { width: 30%; } col.sev { width: 8%; } col.vv { width: 12%; } col.spec { width: 14%; }
code { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
tr.regression td:first-child { border-left: 4px solid #cf222e; }
tr.accepted td:first-child { border-left: 4px solid #9a6700; }
tr.failing-differently td:first-child { border-left: 4px solid #bc4c00; }
tr.fix td:first-child { border-left: 4px solid #1a7f37; }
tr.stale td:first-child { border-left: 4px solid #8250df; }
a { color: #0969da; }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
`;

export function renderHtml(c: Comparison): string {
  const table = (kind: string, title: string, blurb: string, rows: CheckChange[]) =>
    `<section id="${kind}"><h2>${esc(title)} (${rows.length})</h2><p class="blurb">${esc(blurb)}</p>
<table><colgroup><col class="id"><col class="sev"><col class="vv"><col class="spec"><col></colgroup>
<thead><tr><th>check</th><th>severity</th><th>before → after</th><th>spec</th><th>note</th></tr></thead><tbody>
${rows
  .map(
    (r) =>
      `<tr class="${kind}"><td><code>${esc(r.id)}</code><br>${esc(r.title)}</td><td>${r.severity}</td><td>${esc(arrow(r))}</td><td>${refsHtml(r.specRefs)}</td><td>${esc(note(r))}</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`;
  const n = c.counts;
  const counts: [string, number][] = [
    ['regressions', n.regression],
    ['accepted', n.accepted],
    ['fixed', n.fix],
    ['failing differently', n['failing-differently']],
    ['new', n.new],
    ['removed', n.removed],
    ['changed skips', n['skip-changed']],
    ['still failing', n['still-failing']],
    ['stale baseline entries', c.stale.length],
    ['unchanged', n.unchanged],
  ];
  const body = [
    ...sections(c).map((s) => table(s.kind, s.title, s.blurb, s.rows)),
    ...(c.stale.length ? [table('stale', 'Stale baseline entries', 'the check passes now or the entry expired: remove or renew the entry', c.stale)] : []),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>crm-conformance compare: ${c.exitCode ? 'FAIL' : 'PASS'}</title><style>${CSS}</style></head>
<body>
<header><h1>crm-conformance upgrade gate</h1><span class="badge ${c.exitCode ? 'fail' : 'pass'}">${c.exitCode ? 'FAIL' : 'PASS'}</span></header>
<div class="sides"><span>before</span><span>${esc(sideName(c.before.report))}</span><span>after</span><span>${esc(sideName(c.after.report))}</span></div>
<ul class="counts">${counts.map(([k, v]) => `<li><b>${v}</b> ${k}</li>`).join('')}</ul>
${body.length ? body.join('\n') : '<p>No differences.</p>'}
<footer>${esc(verdictLine(c))}</footer>
</body></html>
`;
}
