import { check, test } from '../../../fixtures/check.js';
import { corsEvidence } from '../../../fixtures/disclosure.js';
import { noCorsWildcard } from '../../../src/checks/security/disclosure.js';

// OWASP ASVS V14.5.3, RFC 6750 §5.2 token disclosure (advisory: bearer tokens are not sent by browsers on their own)
test(...check(noCorsWildcard, corsEvidence));
