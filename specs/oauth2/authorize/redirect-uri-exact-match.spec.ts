import { check, test } from '../../../fixtures/check.js';
import { codeClient, redirectEvidence, suffixed } from '../../../fixtures/authorization-code.js';
import { redirectExactMatch } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(redirectExactMatch, (h) => redirectEvidence(h, suffixed(codeClient(h).redirectUri))));
