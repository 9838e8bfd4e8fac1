import { check, test } from '../../../fixtures/check.js';
import { clientDeletionRevokesTokens } from '../../../src/checks/admin.js';
import { clientDeletionEvidence } from '../../../fixtures/admin-panel.js';

test(...check(clientDeletionRevokesTokens, clientDeletionEvidence));
