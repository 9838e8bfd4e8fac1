// The fault registry: one file per area, concatenated here.
import { ConfigError } from '../../config/errors.js';
import { ADMIN_PANEL_FAULTS } from './admin-panel.js';
import { BEARER_FAULTS } from './bearer.js';
import { FLEXIE_FAULTS, GRANT_OFFER_FAULTS, REVOCATION_ENDPOINT_FAULTS, SUGAR_FAULTS } from './dialects.js';
import { JSONAPI_FAULTS } from './jsonapi.js';
import { OAUTH2_FAULTS } from './oauth2.js';
import { AUTHORIZATION_CODE_FAULTS } from './authorization-code.js';
import { SECURITY_FAULTS } from './security.js';
import type { FaultDef } from './types.js';

export type { Expectation, FaultDef } from './types.js';
export { brokenIds, combinedExpectations, expectationsOf } from './types.js';

/** Dialects built on the SuiteCRM V8 core: a fault without `dialects` applies to these. */
export const SUITECRM_CORE_DIALECTS: readonly string[] = ['suitecrm-v8', 'suitecrm-7.15', 'suitecrm-entrypoint', 'generic-oauth2'];

const dialectsOf = (f: FaultDef): readonly string[] => f.dialects ?? SUITECRM_CORE_DIALECTS;

export const ALL_FAULTS = [...OAUTH2_FAULTS, ...BEARER_FAULTS, ...GRANT_OFFER_FAULTS, ...REVOCATION_ENDPOINT_FAULTS, ...SUGAR_FAULTS, ...FLEXIE_FAULTS, ...ADMIN_PANEL_FAULTS, ...AUTHORIZATION_CODE_FAULTS, ...SECURITY_FAULTS, ...JSONAPI_FAULTS] as const satisfies readonly FaultDef[];

/** Every fault's name: a misspelt name in the target's code does not compile. */
export type FaultName = (typeof ALL_FAULTS)[number]['name'];

const byName = new Map<string, FaultDef>(ALL_FAULTS.map((f) => [f.name, f]));
if (byName.size !== ALL_FAULTS.length) throw new Error('duplicate fault name in the registry');

export function faultDef(name: string): FaultDef | undefined {
  return byName.get(name);
}

/** Validates user-given fault names (serve --fault, config), exit 2 on an unknown one. */
export function checkFaultNames(names: readonly string[], dialect: string): void {
  for (const n of names) {
    const f = byName.get(n);
    if (!f) throw new ConfigError(`unknown fault "${n}"; list them with: crm-conformance faults`);
    if (!dialectsOf(f).includes(dialect)) {
      throw new ConfigError(`fault "${n}" is not implemented by dialect ${dialect} (only ${dialectsOf(f).join(', ')})`);
    }
  }
}

/** Faults that apply to a dialect (for the self-test matrix). */
export function faultsFor(dialect: string): FaultDef[] {
  return ALL_FAULTS.filter((f) => dialectsOf(f).includes(dialect));
}
