// `crm-conformance explain <check id>`: everything about one check in one place — what it judges,
// the sentence it rests on, what it needs, where its definition and evidence flow live, the faults
// that prove it can fail (and the reason each must produce), and the profiles whose faithful mode
// expects it to fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_CHECKS } from '../checks/catalog.js';
import type { CheckDef } from '../checks/types.js';
import { ConfigError } from '../config/errors.js';
import { PROJECT_ROOT } from '../paths.js';
import { loadProfile, shippedProfileNames } from '../profile/profile.js';
import { specLink } from '../report/spec-links.js';
import { ALL_FAULTS, expectationsOf } from '../target/faults/index.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The module under src/checks that exports the definition (the object itself, or inside an exported list). */
async function definitionFile(def: CheckDef<never>): Promise<string | undefined> {
  for (const f of files(path.join(PROJECT_ROOT, 'src', 'checks')).filter((x) => x.endsWith('.ts'))) {
    const mod = (await import(pathToFileURL(f).href)) as Record<string, unknown>;
    if (Object.values(mod).some((v) => v === def || (Array.isArray(v) && v.includes(def) && !f.endsWith('catalog.ts') && !f.endsWith('index.ts')))) {
      return path.relative(PROJECT_ROOT, f);
    }
  }
  return undefined;
}

/** Where an evidence flow named in a spec file is defined (fixtures/…), when it is a plain name. */
function flowFile(flow: string | undefined): string | undefined {
  const name = /^[A-Za-z_$][\w$]*$/.exec(flow ?? '')?.[0];
  if (!name) return undefined;
  const def = new RegExp(`export (async )?function ${name}\\b|export const ${name}\\b`);
  const hit = files(path.join(PROJECT_ROOT, 'fixtures')).find((f) => def.test(readFileSync(f, 'utf8')));
  return hit && path.relative(PROJECT_ROOT, hit);
}

export async function explain(id: string): Promise<string> {
  const def = ALL_CHECKS.find((c) => c.id === id);
  if (!def) {
    const near = ALL_CHECKS.map((c) => c.id).filter((c) => c.includes(id.split('.').at(-1) ?? id)).slice(0, 5);
    throw new ConfigError(`unknown check "${id}"${near.length ? `; did you mean ${near.join(', ')}?` : ''} (crm-conformance checks lists them)`);
  }
  const spec = path.join('specs', ...id.split('.')) + '.spec.ts';
  const specText = readFileSync(path.join(PROJECT_ROOT, spec), 'utf8');
  const flow = /check\(\s*\w+\s*,\s*([\s\S]*?)\)\s*\)\s*;?\s*$/m.exec(specText)?.[1]?.trim();
  const proving = ALL_FAULTS.flatMap((f) => expectationsOf(f).filter((e) => e.id === id).map((e) => ({ fault: f, e })));
  const faithful = shippedProfileNames().filter((n) => {
    const names = loadProfile(n).faithful?.faults ?? [];
    return proving.some(({ fault }) => names.includes(fault.name));
  });
  const lines = [
    `${def.id}: ${def.title}`,
    `  severity     ${def.severity} (the cited sentence says ${def.keyword})`,
    ...def.specRefs.map((r, i) => `  ${i ? '            ' : 'spec        '} ${r}${specLink(r) ? `  ${specLink(r)}` : ''}`),
    `  requires     ${def.requires?.length ? def.requires.join(', ') : 'nothing beyond a target'}`,
    `  definition   ${(await definitionFile(def)) ?? '(not found under src/checks)'}`,
    `  spec file    ${spec}${flow ? `  (evidence: ${flow.length > 80 ? `${flow.slice(0, 80)}…` : flow}${flowFile(flow) ? ` in ${flowFile(flow)}` : ''})` : ''}`,
    `  faults       ${proving.filter(({ e }) => e.verdict === 'fail').length} prove it can fail${proving.length ? ':' : ' (the self-test fails)'}`,
    ...proving.map(({ fault, e }) => `    ${fault.name}: must ${e.verdict === 'fail' ? 'fail' : 'stay inconclusive'} with a reason matching /${e.reason}/ — ${fault.description}`),
    `  faithful     ${faithful.length ? `expected to fail in faithful mode of ${faithful.join(', ')}` : 'passes in every faithful mode'}`,
  ];
  return `${lines.join('\n')}\n`;
}
