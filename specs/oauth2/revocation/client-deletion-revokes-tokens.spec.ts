import { check, test } from '../../../fixtures/check.js';
import { clientDeletionRevokesTokens } from '../../../src/checks/admin.js';
import { clientDeletionEvidence } from '../../../fixtures/admin-panel.js';

// RFC 6749 §10.4, RFC 9700 §4.14
test(...check(clientDeletionRevokesTokens, clientDeletionEvidence));
