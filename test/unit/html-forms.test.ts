// The one HTML reader: what a browser would submit, including markup the old regex readers missed
// (unquoted and single-quoted attributes, entities, ">" inside a value, upper-case tags, a second form).
import { expect, test } from '@playwright/test';
import { findForm, hiddenPairs, parseForms, select, submitButtons, text } from '../../src/html/forms.js';

const PAGE = `<!DOCTYPE html><HTML><body>
<form id=search action=/search><input name=q></form>
<FORM id='login' METHOD=POST action='/oauth2/authorize?x=1&amp;y=2'>
  <INPUT type=hidden name=state value='a&#38;b'>
  <input type="hidden" name="note" value="x > y">
  <input name="username"><input type="password" name="password">
  <select name="tz"><option value="a">A</option><option value="UTC" selected>UTC</option></select>
  <textarea name="memo">line &amp; more</textarea>
  <button name="authorize" value="allow">Allow</button><button type="button" name="noop">x</button>
  <input type="submit" name="deny" value="deny">
</FORM>
<table><tr><td field="name"><a href="#">c&amp;1</a></td></tr></table>`;

test('forms: every control with its decoded value, selected by id', () => {
  expect(parseForms(PAGE).map((f) => f.id)).toEqual(['search', 'login']);
  const form = findForm(PAGE, 'form#login')!;
  expect(form).toMatchObject({ action: '/oauth2/authorize?x=1&y=2', method: 'post' });
  expect(hiddenPairs(form)).toEqual([['state', 'a&b'], ['note', 'x > y']]);
  expect(submitButtons(form)).toEqual([{ name: 'authorize', value: 'allow' }, { name: 'deny', value: 'deny' }]);
  const byName = Object.fromEntries(form.controls.map((c) => [c.name, c.value]));
  expect(byName).toMatchObject({ username: '', password: '', tz: 'UTC', memo: 'line & more' });
  expect(findForm(PAGE, 'form#missing')).toBeUndefined();
  expect(findForm('<p>no form</p>')).toBeUndefined();
});

test('elements by CSS selector, text decoded', () => {
  expect(select(PAGE, 'td[field="name"] a').map(text)).toEqual(['c&1']);
});
