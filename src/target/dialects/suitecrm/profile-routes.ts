// The SuiteCRM V8 core served at the paths a profile names: the "Day 6" entry-point variant
// (POST /index.php?entryPoint=OAuth2Token, /api/v8/modules/{Module}) and generic-oauth2 (an
// RFC-behaving OAuth 2.0 server in front of a JSON:API). Same handlers, other addresses.
import { sendSlimHtml, type Ctx, type Handler, type Router, type TargetCore } from '../../core.js';
import { listModule, logout, readRecord } from './resources.js';
import { revocationEndpoint } from './revocation.js';
import { tokenEndpoint } from './token.js';

/** A profile path may carry a query (index.php?entryPoint=…): the route matches the path, the
 * handler insists on the query parameters. */
function atProfilePath(router: Router, method: string, pathWithQuery: string, handler: Handler): void {
  const u = new URL(pathWithQuery, 'http://x');
  const required = [...u.searchParams.entries()];
  router.on(method, u.pathname, (ctx: Ctx) => {
    if (required.some(([k, v]) => ctx.url.searchParams.get(k) !== v)) return sendSlimHtml(ctx, 404);
    return handler(ctx);
  });
}

export function registerProfileRoutes(router: Router, core: TargetCore): void {
  const p = core.profile;
  atProfilePath(router, 'POST', p.token.path, tokenEndpoint);
  if (p.logout) atProfilePath(router, p.logout.method, p.logout.path, logout);
  if (p.revocation) atProfilePath(router, 'POST', p.revocation.path, revocationEndpoint);
  const collection = (p.resource.collectionPath ?? '/Api/V8/module/{module}').replace('{module}', ':module');
  router.on('GET', collection, listModule);
  router.on('GET', `${collection}/:id`, readRecord);
}
