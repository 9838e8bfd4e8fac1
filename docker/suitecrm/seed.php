<?php
// Seeds a freshly installed SuiteCRM for one crm-conformance run through SuiteCRM's own beans, so
// password hashes, ACL rows, relationships and preferences are exactly what the product writes.
// Reads SUITECRM_SEED_JSON (built by src/container/definition.ts seedSpec()):
//   { "admin": { "timezone": "UTC" },
//     "users": [ { "userName", "password", "lastName", "denyModules": ["Accounts"] } ],
//     "clients": [ { "id", "name", "secretSha256", "grant", "userId"?, "redirectUri"? } ] }
// Records are not seeded: the checks make (and delete) the records they need.
// Prints one line per kind (no secret). Runs as www-data from the docroot (suitecrm-install).
if (!defined('sugarEntry')) {
    define('sugarEntry', true);
}
chdir('/var/www/html');
require_once 'include/entryPoint.php';
require_once 'modules/ACLActions/actiondefs.php';

$spec = json_decode((string)getenv('SUITECRM_SEED_JSON'), true, 32, JSON_THROW_ON_ERROR);

global $current_user;
$current_user = BeanFactory::getBean('Users', '1');
if (empty($current_user->id)) {
    fwrite(STDERR, "no admin user with id 1\n");
    exit(1);
}

/** Marks the first login as done (user preference `ut`): otherwise every page shows the time-zone box. */
function confirmTimezone(User $user, string $tz): void
{
    $user->setPreference('ut', 1, 0, 'global');
    $user->setPreference('timezone', $tz, 0, 'global');
    $user->savePreferencesToDB();
}

confirmTimezone($current_user, $spec['admin']['timezone'] ?? 'UTC');

$userIds = ['admin' => '1'];
foreach ($spec['users'] ?? [] as $u) {
    $user = BeanFactory::newBean('Users');
    $user->user_name = $u['userName'];
    $user->last_name = $u['lastName'] ?? $u['userName'];
    $user->status = 'Active';
    $user->employee_status = 'Active';
    $user->is_admin = 0;
    $user->email1 = $u['userName'] . '@example.invalid';
    $user->description = 'created by crm-conformance for one test run';
    // Hashed as SuiteCRM hashes passwords; a user saved without one would get a generated one.
    $user->user_hash = User::getPasswordHash($u['password']);
    $user->save();
    confirmTimezone($user, $spec['admin']['timezone'] ?? 'UTC');
    $userIds[$u['userName']] = $user->id;

    if (!empty($u['denyModules'])) {
        $role = BeanFactory::newBean('ACLRoles');
        $role->name = 'crm-conformance deny ' . implode(', ', $u['denyModules']);
        $role->description = 'created by crm-conformance for one test run';
        $role->save();
        foreach ($u['denyModules'] as $module) {
            // Every action of the module; "access" disabled turns the module off for the role.
            foreach (ACLAction::getDefaultActions('module') as $action) {
                if ($action->category !== $module) {
                    continue;
                }
                $level = $action->name === 'access' ? ACL_ALLOW_DISABLED : ACL_ALLOW_NONE;
                $role->setAction($role->id, $action->id, $level);
            }
        }
        $user->load_relationship('aclroles');
        $user->aclroles->add($role->id);
    }
}
echo count($spec['users'] ?? []) . " user(s)\n";

foreach ($spec['clients'] ?? [] as $c) {
    $client = BeanFactory::newBean('OAuth2Clients');
    $client->new_with_id = true;
    $client->id = $c['id'];
    $client->name = $c['name'];
    $client->description = 'created by crm-conformance for one test run';
    $client->secret = $c['secretSha256'];
    $client->allowed_grant_type = $c['grant'];
    $client->is_confidential = 1;
    if (!empty($c['redirectUri'])) {
        $client->redirect_url = $c['redirectUri'];
    }
    if (!empty($c['userId'])) {
        $client->assigned_user_id = $userIds[$c['userId']] ?? $c['userId'];
    }
    $client->save();
}
echo count($spec['clients'] ?? []) . " OAuth2 client(s)\n";
