// Hand-made exchanges for unit tests of checks' evaluate().
import type { Exchange } from '../../src/checks/types.js';

export function ex(status: number, body: unknown = '', headers: Record<string, string> = {}): Exchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const isJson = typeof body !== 'string';
  return {
    request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} },
    response: {
      status,
      headers: { ...(isJson ? { 'content-type': 'application/json' } : {}), ...headers },
      text,
      ...(isJson ? { json: body } : {}),
    },
    durationMs: 1,
  };
}

export const TOKEN_OK = ex(
  200,
  { token_type: 'Bearer', expires_in: 3600, access_token: 'eyJ.a.b', refresh_token: 'def50200ab' },
  { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'no-store', pragma: 'no-cache' },
);
export const INVALID_GRANT = ex(400, { error: 'invalid_grant', error_description: 'x' });
export const NO_ANSWER: Exchange = { request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} }, transportError: 'reset', durationMs: 1 };
