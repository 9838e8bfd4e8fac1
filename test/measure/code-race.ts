// Measures how often oauth2.authorization-code.concurrent-redemption catches a check-then-delete
// code store: `npx tsx test/measure/code-race.ts [runs]` (default 20). Prints per-run and per-round
// detection against the code-redeem-check-then-delete fault and false alarms on the conformant target.
import { codeConcurrentRedemption } from '../../src/checks/oauth2/authorization-code.js';
import { HttpClient } from '../../src/client/http.js';
import { ApiClient, OAuthClient } from '../../src/client/oauth.js';
import { loadProfile } from '../../src/profile/profile.js';
import { secrets } from '../../src/redact/secrets.js';
import { startReferenceTarget } from '../../src/target/server.js';
import { RACE, raceEvidence } from '../../fixtures/authorization-code.js';
import type { Harness } from '../../fixtures/index.js';

async function measure(faults: string[], runs: number): Promise<{ caught: number; rounds: number; racyRounds: number }> {
  const profile = loadProfile('suitecrm-7.15');
  const t = await startReferenceTarget({ profile, mode: 'conformant', faults });
  const http = new HttpClient(t.baseUrl);
  const h = {
    target: { credentials: t.credentials, kind: 'embedded' },
    profile,
    http,
    oauth: new OAuthClient(http, profile, t.credentials, secrets),
    api: new ApiClient(http, profile),
    secrets,
  } as unknown as Harness;
  let caught = 0;
  let racyRounds = 0;
  for (let i = 0; i < runs; i++) {
    const e = await raceEvidence(h);
    racyRounds += e.rounds.filter((r) => r.tokens > 1).length;
    if (codeConcurrentRedemption.evaluate(e).verdict !== 'pass') caught++;
    http.log.length = 0;
  }
  await t.close();
  return { caught, rounds: runs * RACE.rounds, racyRounds };
}

const runs = Number(process.argv[2] ?? 20);
const racy = await measure(['code-redeem-check-then-delete'], runs);
const clean = await measure([], runs);
console.log(`check-then-delete store: caught in ${racy.caught}/${runs} check runs (${racy.racyRounds}/${racy.rounds} rounds of ${RACE.parallel} parallel redemptions issued >1 token)`);
console.log(`conformant store: false alarms in ${clean.caught}/${runs} check runs`);
