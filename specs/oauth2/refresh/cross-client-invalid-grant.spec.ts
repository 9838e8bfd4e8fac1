import { check, test } from '../../../fixtures/check.js';
import { refreshCrossClientInvalidGrant } from '../../../src/checks/oauth2/refresh.js';
import { crossClientRefresh } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(refreshCrossClientInvalidGrant, crossClientRefresh));
