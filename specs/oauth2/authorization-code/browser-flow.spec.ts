import { browserCheck, browserCodeFlow, test } from '../../../fixtures/browser.js';
import { browserFlow } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1 (in Chromium; the consent page's screenshot is attached to the report)
test(...browserCheck(browserFlow, browserCodeFlow));
