import { check, test } from '../../../fixtures/check.js';
import { malformedTokenRequests } from '../../../fixtures/malformed.js';
import { noStackTrace } from '../../../src/checks/security/disclosure.js';

// OWASP ASVS V7.4.1, RFC 6749 §5.2
test(...check(noStackTrace, malformedTokenRequests));
