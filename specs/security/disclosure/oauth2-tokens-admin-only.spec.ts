import { check, test } from '../../../fixtures/check.js';
import { tokenRowsOfOthers } from '../../../fixtures/disclosure.js';
import { oauth2TokensAdminOnly } from '../../../src/checks/security/privileged.js';

test(...check(oauth2TokensAdminOnly, tokenRowsOfOthers));
