import { check, test } from '../../../fixtures/check.js';
import { tokenRowsOfOthers } from '../../../fixtures/jsonapi-flows.js';
import { oauth2TokensAdminOnly } from '../../../src/checks/security/privileged.js';

// RFC 6749 §10.3: other users' token records stay out of a user's reach
test(...check(oauth2TokensAdminOnly, tokenRowsOfOthers));
