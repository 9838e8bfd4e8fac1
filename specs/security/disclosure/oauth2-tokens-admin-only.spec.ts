import { check, test } from '../../../fixtures/check.js';
import { tokenRowsOfOthers } from '../../../fixtures/disclosure.js';
import { oauth2TokensAdminOnly } from '../../../src/checks/security/privileged.js';

// RFC 6749 §10.3, OWASP ASVS 4.0.3 V4.1.3
test(...check(oauth2TokensAdminOnly, tokenRowsOfOthers));
