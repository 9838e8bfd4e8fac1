import { CONTROL, faults } from './types.js';

const UI = 'suitecrm-7.14-admin-ui.md';

/** The SuiteCRM admin panel (OAuth2 Clients and Tokens). Panel faults that no check judges
 * (breaks: {}) are steps the automation must notice: test/cli/admin-panel.test.ts drives them. */
export const ADMIN_PANEL_FAULTS = faults(
  {
    name: 'admin-session-cookie-not-httponly',
    description: 'the PHPSESSID session cookie of the admin panel is not HttpOnly',
    breaks: { 'admin.session-cookie-httponly': /PHPSESSID is readable by scripts/ },
    observed: `${UI} §1`,
  },
  {
    name: 'admin-no-referer-guard',
    description:
      "the panel's XSRF guard (SugarApplication::checkHTTPReferer) is off: a cross-site POST with the session cookie and a foreign Referer is obeyed; the forms carry no anti-CSRF token either, so only SameSite protects the panel",
    breaks: { 'admin.csrf-protection': /a cross-origin POST carrying only the session cookie .* created client "crm-conformance-probe-csrf-/ },
  },
  {
    name: 'admin-client-delete-keeps-tokens',
    description: 'deleting an OAuth2 client orphans its token rows and leaves its access tokens working',
    breaks: { 'oauth2.revocation.client-deletion-revokes-tokens': /the deleted client's access token was accepted/ },
    observed: `${UI} §5`,
  },
  {
    name: 'admin-login-fails',
    description: 'the admin login page refuses valid credentials ("You must specify a valid username and password.")',
    // Nothing to judge without a session: the cookie check is inconclusive, the others cannot gather (error).
    breaks: {},
    undecides: { 'admin.session-cookie-httponly': /the admin login did not succeed/ },
  },
  {
    name: 'admin-client-save-broken',
    description: "the OAuth2 client form's Save creates nothing (redirects back to the empty form)",
    // The CSRF check's control (the same creation through the panel's own form) fails: inconclusive.
    breaks: {},
    undecides: { 'admin.csrf-protection': CONTROL },
  },
  {
    name: 'admin-revoke-silently-ignored',
    description: 'the bulk "Revoke tokens" POST redirects back to the list as usual but revokes nothing',
    breaks: {},
  },
  {
    name: 'admin-tokens-list-selector-moved',
    description: 'the tokens list renders the Client column as td[field=client_name] instead of td[field=oauth2client_name]',
    breaks: {},
  },
);
