import { check, test } from '../../../fixtures/check.js';
import { refreshCrossClientRejected } from '../../../src/checks/oauth2/refresh.js';
import { crossClientRefresh } from '../../../fixtures/flows.js';

test(...check(refreshCrossClientRejected, crossClientRefresh));
