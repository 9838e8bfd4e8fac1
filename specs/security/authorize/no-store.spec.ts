import { check, test } from '../../../fixtures/check.js';
import { pagesEvidence } from '../../../fixtures/authorization-code.js';
import { pagesNotCached } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §10.13; RFC 9111 §5.2.2
test(...check(pagesNotCached, pagesEvidence));
