<?php
/*
 * crm-conformance: short token lifetimes for a throwaway test instance.
 * Installed by install.sh (suitecrm-install) as custom/application/Ext/Api/V8/middlewares.php, with __ACCESS_TTL__ and
 * __REFRESH_TTL__ replaced by whole numbers of seconds.
 *
 * How this was found (SuiteCRM 7.14.6 source + observation, ../shared/facts/suitecrm-7.14-observed.md §3.1):
 * - SuiteCRM reads no lifetime setting. Api/V8/Config/services/middlewares.php builds the
 *   AuthorizationServer and passes `new \DateInterval('PT1H')` to enableGrantType() for the
 *   client_credentials, password and refresh_token grants, and `setRefreshTokenTTL(new \DateInterval('P1M'))`
 *   on the refresh_token grant only. The password grant's own refresh tokens get league/oauth2-server's
 *   PasswordGrant constructor default, also P1M. The OAuth2Clients "duration" fields are never read
 *   (observed: expires_in 3600 whatever the client says).
 * - That file returns CustomLoader::mergeCustomArray([...], 'middlewares.php'), and CustomLoader merges
 *   custom/application/Ext/Api/V8/middlewares.php over it by key: SuiteCRM's own upgrade-safe override
 *   point. This file wraps the original AuthorizationServer factory (loaded with the custom path pointed
 *   elsewhere, so it does not include itself) and re-enables the same three grants with the lifetimes
 *   below; enableGrantType() replaces a grant of the same identifier together with its access-token TTL.
 */

use Api\Core\Loader\CustomLoader;
use Api\V8\BeanDecorator\BeanManager;
use Api\V8\OAuth2\Repository\RefreshTokenRepository;
use Api\V8\OAuth2\Repository\UserRepository;
use League\OAuth2\Server\AuthorizationServer;
use League\OAuth2\Server\Grant\ClientCredentialsGrant;
use League\OAuth2\Server\Grant\PasswordGrant;
use League\OAuth2\Server\Grant\RefreshTokenGrant;

$crmConformanceCustomPath = CustomLoader::getCustomPath();
CustomLoader::setCustomPath($crmConformanceCustomPath . 'crm-conformance-core-only/');
$crmConformanceCore = include __DIR__ . '/../../../../../Api/V8/Config/services/middlewares.php';
CustomLoader::setCustomPath($crmConformanceCustomPath);

return [
    AuthorizationServer::class => function ($container) use ($crmConformanceCore) {
        $accessTtl = new \DateInterval('PT__ACCESS_TTL__S');
        $refreshTtl = new \DateInterval('PT__REFRESH_TTL__S');

        /** @var AuthorizationServer $server */
        $server = $crmConformanceCore[AuthorizationServer::class]($container);
        $beans = $container->get(BeanManager::class);

        $server->enableGrantType(new ClientCredentialsGrant(), $accessTtl);

        $password = new PasswordGrant(new UserRepository($beans), new RefreshTokenRepository($beans));
        $password->setRefreshTokenTTL($refreshTtl);
        $server->enableGrantType($password, $accessTtl);

        $refresh = new RefreshTokenGrant(new RefreshTokenRepository($beans));
        $refresh->setRefreshTokenTTL($refreshTtl);
        $server->enableGrantType($refresh, $accessTtl);

        return $server;
    },
];
