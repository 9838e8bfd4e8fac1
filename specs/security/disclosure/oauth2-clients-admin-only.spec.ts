import { check, test } from '../../../fixtures/check.js';
import { adminModuleList } from '../../../fixtures/disclosure.js';
import { oauth2ClientsAdminOnly } from '../../../src/checks/security/privileged.js';

// OWASP ASVS 4.0.3 V4.1.3, RFC 6749 §2
test(...check(oauth2ClientsAdminOnly, adminModuleList('OAuth2Clients')));
