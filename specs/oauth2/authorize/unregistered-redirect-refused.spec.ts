import { check, test } from '../../../fixtures/check.js';
import { redirectEvidence } from '../../../fixtures/authorization-code.js';
import { unregisteredRedirectRefused } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §3.1.2.4, RFC 6749 §10.15, RFC 9700 §4.1
test(...check(unregisteredRedirectRefused, (h) => redirectEvidence(h, 'http://127.0.0.1:9/attacker/callback')));
