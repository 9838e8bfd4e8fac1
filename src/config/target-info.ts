import type { TargetInfo } from '../report/model.js';
import type { RunSpec } from './run-spec.js';

/** How a report names its target; embedded targets bind an ephemeral loopback port per worker. */
export function targetInfo(run: RunSpec): TargetInfo {
  const profile = run.profile;
  if (run.target.kind === 'url') return { kind: run.target.via ?? 'url', baseUrl: run.target.baseUrl, profile };
  return {
    kind: 'embedded',
    baseUrl: 'http://127.0.0.1 (embedded, ephemeral port per worker)',
    profile,
    mode: run.target.mode,
    ...(run.target.faults?.length ? { faults: run.target.faults } : {}),
  };
}
