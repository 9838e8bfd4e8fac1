import { browserCheck, browserCodeFlow, test } from '../../../fixtures/browser.js';
import { browserFlow } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1, RFC 6749 §4.1.2
test(...browserCheck(browserFlow, browserCodeFlow));
