import { check, test } from '../../../fixtures/check.js';
import { adminModuleList } from '../../../fixtures/jsonapi-flows.js';
import { oauth2ClientsAdminOnly } from '../../../src/checks/security/privileged.js';

// RFC 6749 §2: client registrations are the administrator's; a user's token lists none
test(...check(oauth2ClientsAdminOnly, adminModuleList('OAuth2Clients')));
