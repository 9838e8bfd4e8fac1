import { check, test } from '../../../fixtures/check.js';
import { refreshCrossClientRejected } from '../../../src/checks/oauth2/refresh.js';
import { crossClientRefresh } from '../../../fixtures/flows.js';

// RFC 6749 §6, RFC 6749 §10.4
test(...check(refreshCrossClientRejected, crossClientRefresh));
