// Records only an administrator may see, read with a non-admin token through the resource API.
// Real SuiteCRM 7.14 lets any user list OAuth2Clients and OAuth2Tokens and read anyone's
// user-preferences (the workspace notes facts/suitecrm-7.14-observed.md §5.10). The control: the same read
// with the administrator's token returns the records, so "no data" means the user was denied, not
// that there was nothing to see.
import { bodyObject, controlled, describe, isSuccess, succeeds, type Control } from '../conditions.js';
import { holdsData, noDataFor } from '../jsonapi/conditions.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange, type Requirement } from '../types.js';

const R: Requirement[] = ['grant:password', 'resource-api', 'limited-user'];

/** The non-admin user's read and the administrator's same read (the control). */
export interface PrivilegedReadEvidence {
  ex: Exchange;
  control: Exchange;
}

// Data as noDataFor() counts it for the non-admin read, so the control and the judge agree on what data is.
const adminSees = (ex: Exchange): Control => succeeds("the same read with the administrator's token", ex, isSuccess(ex) && holdsData(ex));

/** OWASP ASVS V4.1.3 (least privilege), Level 1: read as MUST. */
export const oauth2ClientsAdminOnly: CheckDef<PrivilegedReadEvidence> = {
  id: 'security.disclosure.oauth2-clients-admin-only',
  title: 'a non-admin token cannot list the OAuth2 clients through the resource API',
  specRefs: ['OWASP ASVS 4.0.3 V4.1.3', 'RFC 6749 §2'],
  severity: 'must',
  keyword: 'MUST',
  requires: R,
  evaluate: (e) => controlled([adminSees(e.control)], () => noDataFor(e.ex, 'a non-admin user listed the OAuth2 clients')),
};

export interface OwnRowsEvidence extends PrivilegedReadEvidence {
  /** The non-admin user's own id (its token's `sub`): its own rows are no disclosure. */
  ownUserId: string;
}

const foreignRows = (ex: Exchange, ownUserId: string): unknown[] | undefined => {
  const d = bodyObject(ex)?.data;
  if (!Array.isArray(d)) return undefined;
  return d.filter((row) => ((row as { attributes?: Record<string, unknown> } | null)?.attributes ?? {}).assigned_user_id !== ownUserId);
};

/** RFC 6749 §10.3: "Access token credentials (as well as any confidential access token attributes)
 * MUST be kept confidential …, and only shared among the authorization server, the resource servers
 * the access token is valid for, and the client to whom the access token is issued." */
export const oauth2TokensAdminOnly: CheckDef<OwnRowsEvidence> = {
  id: 'security.disclosure.oauth2-tokens-admin-only',
  title: "a non-admin token cannot list other users' OAuth2 tokens through the resource API",
  specRefs: ['RFC 6749 §10.3', 'OWASP ASVS 4.0.3 V4.1.3'],
  severity: 'must',
  keyword: 'MUST',
  requires: R,
  evaluate: (e) =>
    controlled([succeeds("the same list with the administrator's token", e.control, isSuccess(e.control) && (foreignRows(e.control, e.ownUserId)?.length ?? 0) > 0)], () => {
      if (!e.ex.response) return inconclusive(`the non-admin list got no answer at all: ${describe(e.ex)}`);
      if (!isSuccess(e.ex)) return pass(describe(e.ex));
      const foreign = foreignRows(e.ex, e.ownUserId);
      if (!foreign) return inconclusive(`the answer is 2xx but its data is not a list of rows, so whose rows it holds cannot be judged: ${describe(e.ex)}`);
      return foreign.length ? fail(`a non-admin user listed ${foreign.length} token row(s) of other users: ${describe(e.ex)}`) : pass(`only the user's own row(s)`);
    }),
};

/** OWASP ASVS V4.2.1 (insecure direct object references), Level 1: read as MUST. */
export const userPreferencesPrivate: CheckDef<PrivilegedReadEvidence> = {
  id: 'security.disclosure.user-preferences-private',
  title: "a non-admin token cannot read another user's preferences",
  specRefs: ['OWASP ASVS 4.0.3 V4.2.1', 'JSON:API 1.0 §Fetching Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: R,
  evaluate: (e) => controlled([adminSees(e.control)], () => noDataFor(e.ex, "a non-admin user read another user's preferences")),
};

export const PRIVILEGED_CHECKS = [oauth2ClientsAdminOnly, oauth2TokensAdminOnly, userPreferencesPrivate];
