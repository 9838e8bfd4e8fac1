import { check, test } from '../../../fixtures/check.js';
import { codeClient, redirectEvidence, suffixed } from '../../../fixtures/authorization-code.js';
import { redirectExactMatch } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 9700 §2.1, RFC 9700 §4.1
test(...check(redirectExactMatch, (h) => redirectEvidence(h, suffixed(codeClient(h).redirectUri))));
