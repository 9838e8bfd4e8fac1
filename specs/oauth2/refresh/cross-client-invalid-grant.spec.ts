import { check, test } from '../../../fixtures/check.js';
import { refreshCrossClientInvalidGrant } from '../../../src/checks/oauth2/refresh.js';
import { crossClientRefresh } from '../../../fixtures/flows.js';

test(...check(refreshCrossClientInvalidGrant, crossClientRefresh));
