import { check, test } from '../../../fixtures/check.js';
import { redirectEvidence } from '../../../fixtures/authorization-code.js';
import { unregisteredRedirectRefused } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(unregisteredRedirectRefused, (h) => redirectEvidence(h, 'http://127.0.0.1:9/attacker/callback')));
