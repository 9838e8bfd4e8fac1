import { check, test } from '../../fixtures/check.js';
import { malformedAuthorization } from '../../src/checks/bearer.js';

// RFC 6750 §3.1, RFC 6750 §2.1
test(...check(malformedAuthorization, async ({ tokens, api }) => {
  const t = (await tokens.access()).accessToken;
  const cases: [string, string][] = [
    ['an empty credential after "Bearer"', 'Bearer'],
    ['two tokens after "Bearer"', `Bearer ${t} ${t}`],
    ['a comma list after "Bearer"', `Bearer ${t},${t}`],
  ];
  const control = await api.probeWith({ authorization: `Bearer ${t}` });
  return { control, probes: await Promise.all(cases.map(async ([label, value]) => ({ label, ex: await api.probeWith({ authorization: value }) }))) };
}));
