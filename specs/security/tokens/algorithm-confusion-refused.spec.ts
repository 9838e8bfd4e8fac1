import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { algorithmConfusionRefused } from '../../../src/checks/security/tokens.js';

// RFC 8725 §3.1, RFC 8725 §2.1
test(...check(algorithmConfusionRefused, (h) => forgeryEvidence(h, 'algorithm-confusion')));
