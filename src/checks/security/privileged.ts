// Records only an administrator may see, read with a non-admin token through the resource API.
// Real SuiteCRM 7.14 lets any user list OAuth2Clients and OAuth2Tokens and read anyone's
// user-preferences (the workspace notes facts/suitecrm-7.14-observed.md §5.10).
import { bodyObject, describe } from '../conditions.js';
import { noDataCheck } from '../factories.js';
import { is2xx } from '../jsonapi/conditions.js';
import { fail, pass, type CheckDef, type Exchange, type Requirement } from '../types.js';

const R: Requirement[] = ['grant:password', 'resource-api', 'limited-user'];

export const oauth2ClientsAdminOnly = noDataCheck({
  id: 'security.disclosure.oauth2-clients-admin-only',
  title: 'a non-admin token cannot list the OAuth2 clients through the resource API',
  specRefs: ['RFC 6749 §2', 'OWASP ASVS 4.0.3 V4.1.3'],
  requires: R,
  what: 'a non-admin user listed the OAuth2 clients',
});

export interface OwnRowsEvidence {
  ex: Exchange;
  /** The non-admin user's own id (its token's `sub`): its own rows are no disclosure. */
  ownUserId: string;
}

export const oauth2TokensAdminOnly: CheckDef<OwnRowsEvidence> = {
  id: 'security.disclosure.oauth2-tokens-admin-only',
  title: "a non-admin token cannot list other users' OAuth2 tokens through the resource API",
  specRefs: ['RFC 6749 §10.3', 'OWASP ASVS 4.0.3 V4.1.3'],
  severity: 'must',
  requires: R,
  evaluate({ ex, ownUserId }) {
    const d = bodyObject(ex)?.data;
    if (!is2xx(ex) || !Array.isArray(d)) return pass(describe(ex));
    const foreign = d.filter((row) => {
      const attrs = (row as { attributes?: Record<string, unknown> } | null)?.attributes ?? {};
      return attrs.assigned_user_id !== ownUserId;
    });
    return foreign.length ? fail(`a non-admin user listed ${foreign.length} token row(s) of other users: ${describe(ex)}`) : pass(`only the user's own ${d.length} row(s)`);
  },
};

export const userPreferencesPrivate = noDataCheck({
  id: 'security.disclosure.user-preferences-private',
  title: "a non-admin token cannot read another user's preferences",
  specRefs: ['OWASP ASVS 4.0.3 V4.2.1', 'JSON:API 1.0 §Fetching Resources'],
  requires: R,
  what: "a non-admin user read another user's preferences",
});

export const PRIVILEGED_CHECKS = [oauth2ClientsAdminOnly, oauth2TokensAdminOnly, userPreferencesPrivate];
