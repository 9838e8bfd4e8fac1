import { check, test } from '../../../fixtures/check.js';
import { echoEvidence } from '../../../fixtures/disclosure.js';
import { noSecretEcho } from '../../../src/checks/security/disclosure.js';

// OWASP ASVS V7.1.1, RFC 6749 §10.7
test(...check(noSecretEcho, echoEvidence));
