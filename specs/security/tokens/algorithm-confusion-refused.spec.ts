import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { algorithmConfusionRefused } from '../../../src/checks/security/tokens.js';

test(...check(algorithmConfusionRefused, (h) => forgeryEvidence(h, 'algorithm-confusion')));
