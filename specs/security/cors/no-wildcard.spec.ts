import { check, test } from '../../../fixtures/check.js';
import { corsEvidence } from '../../../fixtures/disclosure.js';
import { noCorsWildcard } from '../../../src/checks/security/disclosure.js';

// OWASP ASVS V14.5.3, RFC 6454 §3
test(...check(noCorsWildcard, corsEvidence));
