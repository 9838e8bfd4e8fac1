import { check, test } from '../../../fixtures/check.js';
import { pagesEvidence } from '../../../fixtures/authorization-code.js';
import { pagesNotCached } from '../../../src/checks/oauth2/authorization-code.js';

// OWASP ASVS 4.0.3 V8.2.1, RFC 9111 §5.2.2
test(...check(pagesNotCached, pagesEvidence));
