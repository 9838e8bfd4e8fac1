// The one HTML reader of the harness (htmlparser2's forgiving parser + css-select): forms as a
// browser would submit them, and the text of elements picked by CSS selectors. Everything that
// drives a login, consent or admin page over plain HTTP reads HTML through here.
import { selectAll, selectOne } from 'css-select';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';

export type HtmlDocument = Document;
export type HtmlElement = Element;

export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html);
}

/** The elements matching a CSS selector (document order), under a document or an element. */
export function select(root: HtmlDocument | HtmlElement | string, selector: string): HtmlElement[] {
  return selectAll<HtmlDocument | HtmlElement, HtmlElement>(selector, typeof root === 'string' ? parseHtml(root) : root);
}

export function selectFirst(root: HtmlDocument | HtmlElement | string, selector: string): HtmlElement | undefined {
  return selectOne<HtmlDocument | HtmlElement, HtmlElement>(selector, typeof root === 'string' ? parseHtml(root) : root) ?? undefined;
}

/** An attribute's decoded value (entities resolved by the parser). */
export function attr(el: HtmlElement, name: string): string | undefined {
  return el.attribs[name.toLowerCase()];
}

/** Text content, entities decoded, whitespace trimmed. */
export function text(el: HtmlElement | undefined): string {
  return el ? DomUtils.textContent(el).trim() : '';
}

export interface FormControl {
  tag: 'input' | 'button' | 'select' | 'textarea';
  name: string;
  /** input/button type, lower case (input default "text", button default "submit"). */
  type: string;
  value: string;
  checked: boolean;
}

export interface HtmlForm {
  id?: string;
  name?: string;
  /** The action attribute as written (decoded); resolve it against the page URL. */
  action?: string;
  method: string;
  controls: FormControl[];
}

function control(el: HtmlElement): FormControl | undefined {
  const name = attr(el, 'name');
  if (!name) return undefined;
  const tag = el.name as FormControl['tag'];
  const type = (attr(el, 'type') ?? (tag === 'button' ? 'submit' : tag === 'input' ? 'text' : tag)).toLowerCase();
  let value = attr(el, 'value') ?? '';
  if (tag === 'textarea') value = DomUtils.textContent(el);
  if (tag === 'select') {
    const opt = selectFirst(el, 'option[selected]') ?? selectFirst(el, 'option');
    value = opt ? (attr(opt, 'value') ?? text(opt)) : '';
  }
  return { tag, name, type, value, checked: attr(el, 'checked') !== undefined };
}

function formOf(el: HtmlElement): HtmlForm {
  const id = attr(el, 'id');
  const name = attr(el, 'name');
  const action = attr(el, 'action');
  return {
    ...(id !== undefined ? { id } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(action !== undefined ? { action } : {}),
    method: (attr(el, 'method') ?? 'get').toLowerCase(),
    controls: select(el, 'input, button, select, textarea').flatMap((c) => control(c) ?? []),
  };
}

/** Every form of a page, in document order. */
export function parseForms(html: string | HtmlDocument): HtmlForm[] {
  return select(typeof html === 'string' ? parseHtml(html) : html, 'form').map(formOf);
}

/** The first form matching a CSS selector (default: the first form of the page). */
export function findForm(html: string | HtmlDocument, selector = 'form'): HtmlForm | undefined {
  const el = selectFirst(typeof html === 'string' ? parseHtml(html) : html, selector);
  return el && el.name === 'form' ? formOf(el) : undefined;
}

/** name/value pairs of the hidden inputs: what a browser submits besides what the user fills in. */
export function hiddenPairs(form: HtmlForm | undefined): [string, string][] {
  return (form?.controls ?? []).filter((c) => c.tag === 'input' && c.type === 'hidden').map((c) => [c.name, c.value]);
}

/** The named submit controls (<button>, <input type=submit>): one of them is sent with the form. */
export function submitButtons(form: HtmlForm | undefined): { name: string; value: string }[] {
  return (form?.controls ?? []).filter((c) => c.type === 'submit' && (c.tag === 'button' || c.tag === 'input')).map(({ name, value }) => ({ name, value }));
}
