import { check, test } from '../../fixtures/check.js';
import { invalidTokenChallenge } from '../../src/checks/bearer.js';
import { tamper } from '../../fixtures/flows.js';

// RFC 6750 §3.1
test(...check(invalidTokenChallenge, async (h) => h.api.probe(tamper((await h.tokens.access()).accessToken))));
