import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { injectedKeyRefused } from '../../../src/checks/security/tokens.js';

test(...check(injectedKeyRefused, (h) => forgeryEvidence(h, 'injected-key')));
