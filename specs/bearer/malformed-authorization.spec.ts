import { check, test } from '../../fixtures/check.js';
import { malformedAuthorization } from '../../src/checks/bearer.js';

// RFC 6750 §2.1, §3.1
test(...check(malformedAuthorization, async ({ tokens, api }) => {
  const t = (await tokens.access()).accessToken;
  const cases: [string, string][] = [
    ['an empty Bearer credential', 'Bearer'],
    ['two tokens after Bearer', `Bearer ${t} ${t}`],
    ['Bearer followed by a comma list', `Bearer ${t},${t}`],
  ];
  return Promise.all(cases.map(async ([label, value]) => ({ label, ex: await api.probeWith({ authorization: value }) })));
}));
