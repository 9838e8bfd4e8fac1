import { check, test } from '../../../fixtures/check.js';
import { adminModuleList } from '../../../fixtures/disclosure.js';
import { oauth2ClientsAdminOnly } from '../../../src/checks/security/privileged.js';

test(...check(oauth2ClientsAdminOnly, adminModuleList('OAuth2Clients')));
