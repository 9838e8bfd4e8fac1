// The pages a user passes in an authorization request (RFC 6749 §4.1.1), read as data: which page
// this is (login or consent) and what submitting it sends, from the profile's CSS selectors or,
// where it names none, from the page itself ("the first form with a password field", "the first
// submit control"). Pure: the plain-HTTP driver submits what this returns; the browser flow uses
// the same selectors (LOGIN_DEFAULTS, CONSENT_DEFAULTS).
import type { ConsentPage, LoginPage } from '../profile/profile.js';
import { attr, parseHtml, select, selectFirst, type HtmlDocument, type HtmlElement } from './forms.js';

/** What a browser sends when the control is used: a form submission, or a link followed. */
export interface Submission {
  method: 'get' | 'post';
  /** The form's action or the link's href as written; resolve against the page URL (absent: the page itself). */
  action?: string;
  fields: [string, string][];
}

export type AuthorizePage =
  | { kind: 'login'; submission: Submission; username: string; password: string }
  | { kind: 'consent'; approve: Submission; remember?: Submission; deny?: Submission };

const SUBMIT = 'button:not([type]), button[type=submit], input[type=submit], input[type=image]';

/** The defaults where a profile names no selector (also used by the browser flow). */
export const LOGIN_DEFAULTS = {
  password: 'form input[type=password]',
  username: 'input:not([type]), input[type=text], input[type=email]',
  submit: SUBMIT,
} as const;

export const CONSENT_DEFAULTS = { approve: `form ${SUBMIT.split(', ').join(', form ')}` } as const;

function formOf(el: HtmlElement): HtmlElement | undefined {
  for (let p = el.parent; p; p = p.parent) if ((p as HtmlElement).name === 'form') return p as HtmlElement;
  return undefined;
}

const isSubmit = (el: HtmlElement): boolean => {
  const type = (attr(el, 'type') ?? (el.name === 'button' ? 'submit' : 'text')).toLowerCase();
  return (el.name === 'button' || el.name === 'input') && (type === 'submit' || type === 'image');
};

/** The form data a browser builds (HTML §4.10.21.4), with `pressed` as the submitter. */
function formData(form: HtmlElement, pressed?: HtmlElement): [string, string][] {
  const out: [string, string][] = [];
  for (const el of select(form, 'input, button, select, textarea')) {
    const name = attr(el, 'name');
    if (!name || attr(el, 'disabled') !== undefined) continue;
    const type = (attr(el, 'type') ?? '').toLowerCase();
    if (isSubmit(el) || el.name === 'button') {
      if (el === pressed) out.push([name, attr(el, 'value') ?? '']);
      continue;
    }
    if ((type === 'checkbox' || type === 'radio') && attr(el, 'checked') === undefined) continue;
    if (type === 'file' || type === 'reset') continue;
    if (el.name === 'select') {
      const opt = selectFirst(el, 'option[selected]') ?? selectFirst(el, 'option');
      out.push([name, opt ? (attr(opt, 'value') ?? '') : '']);
    } else if (el.name === 'textarea') out.push([name, el.children.map((c) => ('data' in c ? String(c.data) : '')).join('')]);
    else out.push([name, attr(el, 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
  }
  return out;
}

function submission(control: HtmlElement): Submission | undefined {
  if (control.name === 'a') {
    const href = attr(control, 'href');
    return href ? { method: 'get', action: href, fields: [] } : undefined;
  }
  const form = formOf(control);
  if (!form) return undefined;
  const action = attr(control, 'formaction') ?? attr(form, 'action');
  const method = (attr(control, 'formmethod') ?? attr(form, 'method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get';
  return { method, ...(action ? { action } : {}), fields: formData(form, isSubmit(control) ? control : undefined) };
}

function loginOf(doc: HtmlDocument, spec: LoginPage): AuthorizePage | undefined {
  const password = selectFirst(doc, spec.password ?? LOGIN_DEFAULTS.password);
  const form = password && formOf(password);
  if (!password || !form) return undefined;
  const username = spec.username ? selectFirst(doc, spec.username) : select(form, LOGIN_DEFAULTS.username).find((e) => e !== password);
  const submit = spec.submit ? selectFirst(doc, spec.submit) : selectFirst(form, LOGIN_DEFAULTS.submit);
  const sent = submit && formOf(submit) === form ? submission(submit) : submission(password);
  const passwordName = attr(password, 'name');
  const usernameName = username && attr(username, 'name');
  if (!sent || !passwordName || !usernameName) return undefined;
  sent.fields = sent.fields.filter(([n]) => n !== passwordName && n !== usernameName);
  return { kind: 'login', submission: sent, username: usernameName, password: passwordName };
}

function consentOf(doc: HtmlDocument, spec: ConsentPage): AuthorizePage | undefined {
  const pick = (sel: string | undefined) => {
    const el = sel ? selectFirst(doc, sel) : undefined;
    return el ? submission(el) : undefined;
  };
  const approve = spec.approve ? pick(spec.approve) : pick(CONSENT_DEFAULTS.approve);
  if (!approve) return undefined;
  const remember = pick(spec.remember);
  const deny = pick(spec.deny);
  return { kind: 'consent', approve, ...(remember ? { remember } : {}), ...(deny ? { deny } : {}) };
}

/** The login page (a password field) or else the consent page (an approve control), or neither. */
export function readAuthorizePage(html: string, spec: { login?: LoginPage; consent?: ConsentPage } = {}): AuthorizePage | undefined {
  const doc = parseHtml(html);
  return loginOf(doc, spec.login ?? {}) ?? consentOf(doc, spec.consent ?? {});
}
