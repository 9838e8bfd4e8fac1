// Server-rendered pages of SuiteCRM 7.14.6's SuiteP theme, reduced to the markup automation relies
// on (ids, names, td[field=…]) as recorded in the workspace notes facts/suitecrm-7.14-admin-ui.md.
import type { PanelTokenRow } from '../../../../admin-panel/suitecrm.js';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)} » SuiteCRM</title></head><body>${body}</body></html>`;
}

/** SuiteCRM's refusal of a request its Referer guard rejects (include/MVC/View/tpls/xsrf.tpl): HTTP 200. */
export function xsrfPage(host: string, action: string): string {
  return page(
    'SuiteCRM',
    `<div align='center' style='background:lightgray'><h3 style='color:red'>Possible Cross Site Request Forgery (XSRF) Attack Detected</h3>` +
      `<h4>If you think this is a mistake please ask your administrator to add the following site to the acceptable referer list</h4><h3>${esc(host)}</h3></div>` +
      `<div id='directions' style='display:none'><h3>Attempted action (${esc(action)}):</h3></div>`,
  );
}

export function loginPage(error: boolean): string {
  const form = (extra: string) => `<form name="DetailView" id="form" method="post" action="index.php">${extra}</form>`;
  return page(
    'Login',
    `<div class="p_login">` +
      form(
        `<input type="hidden" name="module" value="Users"><input type="hidden" name="action" value="Authenticate">` +
          `<input type="hidden" name="return_module" value=""><input type="hidden" name="return_action" value="">` +
          `<input type="hidden" name="cant_login" value="">` +
          `<span class="error" id="browser_warning" style="display:none"></span>` +
          `<span class="error" id="ie_compatibility_mode_warning" style="display:none"></span>` +
          (error ? `<span class="error">You must specify a valid username and password.</span>` : '') +
          `<label for="user_name">Username:</label><input type="text" id="user_name" name="user_name" value="">` +
          `<label for="username_password">Password:</label><input type="password" id="username_password" name="username_password" value="">` +
          `<input title="Log In" class="button primary" type="submit" id="bigbutton" name="Login" value="Log In">`,
      ) +
      // The "forgot password" form has the same name/id (automation selects by field ids).
      form(`<input type="hidden" name="action" value="GeneratePassword"><input type="text" id="fp_user_name" name="user_name">`) +
      `</div>`,
  );
}

export function timezoneGate(): string {
  return page(
    'Confirm time zone',
    `<div id="timezone_gate"><h2>Please confirm your time zone</h2>` +
      `<form method="post" action="index.php?module=Users&amp;action=SaveTimezone&amp;SaveTimezone=True">` +
      `<input type="hidden" name="module" value="Users"><input type="hidden" name="action" value="SaveTimezone">` +
      `<input type="hidden" name="SaveTimezone" value="true">` +
      `<select name="timezone"><option value="UTC" selected>UTC</option><option value="Europe/Berlin">Europe/Berlin</option></select>` +
      `<input type="submit" class="button" value="Save"></form></div>`,
  );
}

export function adminIndex(): string {
  return page(
    'Administration',
    `<h2>Users &amp; Authentication</h2><a id="oauth2_clients" href="index.php?module=OAuth2Clients&amp;action=index">OAuth2 Clients and Tokens</a>`,
  );
}

export function homePage(): string {
  return page('Home', `<div id="content"><h2>Home</h2></div>`);
}

export interface ClientView {
  id: string;
  name: string;
  grant: string;
  userName: string;
}

const GRANT_LABEL: Record<string, string> = { password: 'Password Grant', client_credentials: 'Client Credentials' };

export function clientsList(rows: ClientView[]): string {
  const tr = (c: ClientView) =>
    `<tr class="oddListRowS1"><td><input type="checkbox" class="listview-checkbox" name="mass[]" value="${esc(c.id)}"></td>` +
    `<td><a id="edit-${esc(c.id)}" href="index.php?module=OAuth2Clients&amp;action=EditView&amp;record=${esc(c.id)}">✎</a></td>` +
    `<td field="name"><a href="index.php?action=ajaxui#ajaxUILoc=${encodeURIComponent(`index.php?module=OAuth2Clients&action=DetailView&record=${c.id}`)}">${esc(c.name)}</a></td>` +
    `<td field="allowed_grant_type">${esc(GRANT_LABEL[c.grant] ?? c.grant)}</td><td field="assigned_user_name">${esc(c.userName)}</td></tr>`;
  return page(
    'OAuth Clients',
    `<h2 class="module-title-text">OAuth Clients</h2>` +
      `<ul id="side-menu"><li><a href="index.php?module=OAuth2Clients&amp;action=EditViewPassword">New Password Client</a></li>` +
      `<li><a href="index.php?module=OAuth2Clients&amp;action=EditViewCredentials">New Client Credentials Client</a></li></ul>` +
      `<table class="list view"><thead><tr><th></th><th></th><th>Name</th><th>Allowed Grant Type</th><th>Associated user</th></tr></thead>` +
      `<tbody>${rows.length ? rows.map(tr).join('') : '<tr><td colspan="5">No results found.</td></tr>'}</tbody></table>`,
  );
}

export function clientForm(kind: 'password' | 'client_credentials'): string {
  const id = kind === 'password' ? 'EditPassword' : 'EditCredentials';
  const user =
    kind === 'client_credentials'
      ? `<label>Associated user:<span class="required">*</span></label><input type="text" id="assigned_user_name" name="assigned_user_name" value="">` +
        `<input type="hidden" id="assigned_user_id" name="assigned_user_id" value=""><button type="button" id="btn_assigned_user_name">Select</button>`
      : '';
  // As in 7.14.6: `action` is empty until the Save button's script sets it.
  const save = `<input title="Save" class="button primary" type="button" id="SAVE" value="Save" onclick="var _form = document.getElementById('${id}'); _form.action.value='Save'; _form.submit(); return false;">`;
  return page(
    'OAuth Clients',
    `<form id="${id}" name="${id}" method="post" action="index.php">` +
      `<input type="hidden" name="module" value="OAuth2Clients"><input type="hidden" name="record" value=""><input type="hidden" name="action">` +
      `<div class="buttons">${save}</div>` +
      `<label for="name">Name:<span class="required">*</span></label><input type="text" id="name" name="name" value="" required>` +
      `<label for="new_secret">Change secret:</label><input type="password" id="new_secret" name="new_secret" placeholder="Leave blank unless changing">` +
      `<span class="note">Please take a note of the secret as it will not be available after you save.</span>` +
      `<input type="hidden" id="allowed_grant_type" name="allowed_grant_type" value="${kind}">` +
      `<input type="hidden" name="is_confidential" value="0"><input type="checkbox" id="is_confidential" name="is_confidential" value="1" checked>` +
      `${user}<div class="buttons">${save}</div></form>`,
  );
}

export function clientDetail(c: ClientView): string {
  return page(
    'OAuth Clients',
    `<div class="detail-view"><div class="detail-view-field" field="id"><span id="id">${esc(c.id)}</span></div>` +
      `<div class="detail-view-field" field="name">${esc(c.name)}</div>` +
      `<div class="detail-view-field" field="allowed_grant_type">${esc(GRANT_LABEL[c.grant] ?? c.grant)}</div></div>` +
      `<ul id="tab-actions"><li><a href="#" onclick="document.getElementById('actions_menu').style.display='block';return false;">ACTIONS</a>` +
      `<ul id="actions_menu" style="display:none"><li>` +
      `<form id="formDetailView" name="DetailView" method="post" action="index.php">` +
      // As in 7.14.6: the form says EditView; the Delete button's script turns it into a Delete.
      `<input type="hidden" name="module" value="OAuth2Clients"><input type="hidden" name="record" value="${esc(c.id)}">` +
      `<input type="hidden" name="return_action"><input type="hidden" name="return_module"><input type="hidden" name="action" value="EditView">` +
      `<input type="submit" id="delete_button" name="Delete" value="Delete" onclick="var _form = document.getElementById('formDetailView'); _form.return_module.value='OAuth2Clients'; _form.return_action.value='ListView'; _form.action.value='Delete'; if(confirm('Are you sure you want to delete this record?')) _form.submit(); return false;">` +
      `</form></li></ul></li></ul>`,
  );
}

/** A tokens-list row as the panel shows it (the harness's parsers read the same fields). */
export interface TokenView extends PanelTokenRow {
  refreshExpires: string;
}

export function tokensList(rows: TokenView[], clientField: string): string {
  const tr = (t: TokenView) =>
    `<tr class="oddListRowS1"><td><input type="checkbox" class="listview-checkbox" name="mass[]" value="${esc(t.rowId)}" onclick="sListView_changed()"></td>` +
    `<td field="id"><a href="index.php?action=ajaxui#ajaxUILoc=${encodeURIComponent(`index.php?module=OAuth2Tokens&action=DetailView&record=${t.rowId}`)}">${esc(t.rowId)}</a></td>` +
    `<td field="${clientField}">${esc(t.clientName)}</td>` +
    // Real quirk: the user link uses the token row id as user record.
    `<td field="assigned_user_name"><a href="index.php?module=Users&amp;action=DetailView&amp;record=${esc(t.rowId)}">${esc(t.userName)}</a></td>` +
    `<td field="token_is_revoked"><input type="checkbox" disabled${t.revoked ? ' checked' : ''}></td>` +
    `<td field="date_entered">${esc(t.created)}</td><td field="access_token_expires">${esc(t.accessExpires)}</td>` +
    `<td field="refresh_token_expires">${esc(t.refreshExpires)}</td></tr>`;
  const script = `<script>
function sListView_changed(){var any=document.querySelectorAll('input[name="mass[]"]:checked').length>0;
document.getElementById('actionLinkTop').style.display=any?'inline-block':'none';
document.getElementById('select_actions_disabled_top').style.display=any?'none':'inline-block';}
function toggleBulk(){var m=document.getElementById('bulk_menu');m.style.display=m.style.display==='block'?'none':'block';return false;}
function selectAllEntries(){document.getElementById('select_entire_list').value='1';}
function bulkRevokeTokens(){var f=document.getElementById('MassUpdate');f.action='index.php?module=OAuth2Tokens&action=RevokeTokens';f.submit();}
</script>`;
  return page(
    'OAuth Tokens',
    `<h2 class="module-title-text">OAuth Tokens</h2>${script}` +
      `<form id="MassUpdate" name="MassUpdate" method="post" action="index.php">` +
      `<input type="hidden" name="module" value="OAuth2Tokens"><input type="hidden" name="action" value="MassUpdate">` +
      `<input type="hidden" name="massupdate" value="true"><input type="hidden" id="select_entire_list" name="select_entire_list" value="0">` +
      `<input type="hidden" name="return_module" value="OAuth2Tokens"><input type="hidden" name="return_action" value="index">` +
      `<div class="list-view-actions"><a id="button_select_all_top" href="#" onclick="selectAllEntries();return false;">Select All (${rows.length})</a>` +
      `<span id="select_actions_disabled_top" style="display:inline-block">BULK ACTION</span>` +
      `<ul id="actionLinkTop" style="display:none"><li><a class="parent-dropdown-handler" href="#" onclick="return toggleBulk();">BULK ACTION</a>` +
      `<ul id="bulk_menu" style="display:none"><li><a href="#" onclick="bulkRevokeTokens()">Revoke tokens</a></li></ul></li></ul></div>` +
      `<table class="list view"><thead><tr><th></th><th>Token ID</th><th>Client</th><th>Associated user</th><th>Revoked</th>` +
      `<th>Date Created</th><th>Access token expires</th><th>Refresh token expires</th></tr></thead>` +
      `<tbody>${rows.length ? rows.map(tr).join('') : '<tr><td colspan="8">No results found.</td></tr>'}</tbody></table></form>`,
  );
}
