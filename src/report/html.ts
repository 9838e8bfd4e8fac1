// The HTML report (reports/html/index.html): one static page from the verdicts, readable at a
// glance: a failed check is red whatever Playwright's test status was, inconclusive and error are
// their own colours, every check shows its severity, the RFC keyword it rests on, its spec
// references (linked) and, when it did not pass, its reason, what to fix, and its evidence files.
import { VERDICTS, type CheckResult, type ConformanceReport, type Verdict } from './model.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const LABEL: Record<Verdict, string> = { pass: 'pass', fail: 'FAIL', inconclusive: 'inconclusive', error: 'error', skip: 'skip' };

export interface HtmlOptions {
  /** The URL of a spec reference ("RFC 6749 §5.2"), when one is known. */
  specUrl?: (ref: string) => string | undefined;
  /** One line shown above everything (e.g. "most checks could not gather evidence …"). */
  banner?: string;
}

function specRefs(c: CheckResult, url: HtmlOptions['specUrl']): string {
  return c.specRefs
    .map((r) => {
      const u = url?.(r);
      return u ? `<a href="${esc(u)}" rel="noreferrer">${esc(r)}</a>` : esc(r);
    })
    .join(', ');
}

function details(c: CheckResult): string {
  const parts: string[] = [];
  if (c.reason) parts.push(`<div class="reason">${esc(c.reason)}</div>`);
  if (c.fix) parts.push(`<div class="fix"><b>fix:</b> ${esc(c.fix)}</div>`);
  if (c.baseline) parts.push(`<div class="note"><b>baseline ${esc(c.baseline)}:</b> ${esc(c.baselineNote ?? '')}</div>`);
  for (const n of c.notes ?? []) parts.push(`<div class="note">${esc(n)}</div>`);
  for (const a of c.attachments ?? []) {
    // Attachment paths are relative to the reports folder; this page lives in its html/ folder.
    const href = `../${a.path}`;
    parts.push(
      a.contentType.startsWith('image/')
        ? `<div class="att"><a href="${esc(href)}"><img src="${esc(href)}" alt="${esc(a.name)}" loading="lazy"></a></div>`
        : `<div class="att"><a href="${esc(href)}">${esc(a.name)}</a></div>`,
    );
  }
  return parts.join('');
}

function row(c: CheckResult, url: HtmlOptions['specUrl']): string {
  const cls = c.verdict === 'skip' && c.notApplicable ? 'na' : c.verdict;
  const label = c.verdict === 'skip' && c.notApplicable ? 'n/a' : LABEL[c.verdict];
  const sev = `${c.severity}${c.keyword ? ` <span class="kw">${esc(c.keyword)}</span>` : ''}`;
  return (
    `<tr class="v-${c.verdict}" id="${esc(c.id)}"><td><span class="badge ${cls}">${label}</span></td>` +
    `<td><code>${esc(c.id)}</code><div class="title">${esc(c.title)}</div>${details(c)}</td>` +
    `<td class="sev ${c.severity}">${sev}</td><td class="refs">${specRefs(c, url)}</td></tr>`
  );
}

export function toHtml(report: ConformanceReport, opts: HtmlOptions = {}): string {
  const s = report.summary;
  const count = (v: Verdict) => report.checks.filter((c) => c.verdict === v).length;
  const na = report.checks.filter((c) => c.verdict === 'skip' && c.notApplicable).length;
  const bySev = Object.entries(s.failedBySeverity ?? {})
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const tiles = VERDICTS.map((v) => {
    const n = count(v);
    const extra = v === 'fail' && n ? ` <small>(${esc(bySev)})</small>` : v === 'skip' && na ? ` <small>(${na} n/a)</small>` : '';
    return `<button class="tile ${v}" data-show="${v}"><b>${n}</b> ${v === 'error' ? 'errors' : v === 'skip' ? 'skipped' : v === 'fail' ? 'failed' : v === 'pass' ? 'passed' : v}${extra}</button>`;
  }).join('');
  const areas = [...new Set(report.checks.map((c) => c.area))];
  const body = areas
    .map((a) => `<tbody><tr class="area"><th colspan="4">${esc(a)}</th></tr>${report.checks.filter((c) => c.area === a).map((c) => row(c, opts.specUrl)).join('')}</tbody>`)
    .join('');
  const t = report.target;
  const target = `${t.profile} — ${t.kind}${t.mode ? ` (${t.mode}${t.faults?.length ? ` + ${t.faults.join(', ')}` : ''})` : ''} at ${t.baseUrl}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crm-conformance: ${esc(t.profile)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#1f2328}h1{font-size:1.3em;margin:0 0 .2em}.meta{color:#59636e}
.banner{background:#fff8c5;border:1px solid #d4a72c;padding:.6em .8em;margin:1em 0;border-radius:6px}
.tiles{display:flex;gap:.5em;flex-wrap:wrap;margin:1em 0}.tile{border:1px solid #d1d9e0;border-radius:6px;padding:.5em .8em;background:#fff;cursor:pointer;font:inherit}
.tile b{font-size:1.3em}.tile.fail b{color:#cf222e}.tile.pass b{color:#1a7f37}.tile.inconclusive b{color:#9a6700}.tile.error b{color:#8250df}.tile.skip b{color:#59636e}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eaeef2;padding:.35em .5em;vertical-align:top;text-align:left}
tr.area th{background:#f6f8fa;font-size:1.05em;text-transform:uppercase;letter-spacing:.04em}
.badge{display:inline-block;min-width:6.5em;text-align:center;border-radius:1em;padding:.05em .6em;color:#fff;font-weight:600;font-size:.85em}
.badge.pass{background:#1a7f37}.badge.fail{background:#cf222e}.badge.inconclusive{background:#bf8700}.badge.error{background:#8250df}.badge.skip{background:#6e7781}.badge.na{background:#afb8c1}
.title{color:#424a53}.reason{margin-top:.2em}.v-fail .reason{color:#a40e26}.fix{color:#6639ba}.note{color:#59636e}.att img{max-width:420px;border:1px solid #d1d9e0;margin-top:.3em}
.sev{white-space:nowrap}.sev.must{font-weight:600}.kw{font-size:.8em;color:#59636e;border:1px solid #d1d9e0;border-radius:4px;padding:0 .3em}.refs{font-size:.9em}
body.only-pass tr[class^=v-]:not(.v-pass),body.only-fail tr[class^=v-]:not(.v-fail),body.only-inconclusive tr[class^=v-]:not(.v-inconclusive),
body.only-error tr[class^=v-]:not(.v-error),body.only-skip tr[class^=v-]:not(.v-skip){display:none}
</style></head><body>
<h1>crm-conformance ${esc(report.tool.version)}: ${esc(t.profile)}</h1>
<div class="meta">${esc(target)} · started ${esc(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s · ${s.total} checks</div>
${opts.banner ? `<div class="banner">${esc(opts.banner)}</div>` : ''}
<div class="tiles">${tiles}<button class="tile" data-show="">all</button></div>
<table><thead><tr><th>verdict</th><th>check</th><th>severity</th><th>specification</th></tr></thead>${body}</table>
<script>for(const b of document.querySelectorAll('[data-show]'))b.onclick=()=>{document.body.className=b.dataset.show?'only-'+b.dataset.show:''};</script>
</body></html>
`;
}
