<?php
// Writes config_si.php for SuiteCRM's silent installer (install.php?goto=SilentInstall) from the
// container environment. var_export() quotes every value, so no password can break the PHP file.
$env = static function (string $name): string {
    $v = getenv($name);
    if ($v === false || $v === '') {
        fwrite(STDERR, "missing environment variable $name\n");
        exit(2);
    }
    return $v;
};
$config = [
    'setup_db_host_name' => $env('SUITECRM_DB_HOST'),
    'setup_db_port_num' => $env('SUITECRM_DB_PORT'),
    'setup_db_database_name' => $env('SUITECRM_DB_NAME'),
    'setup_db_admin_user_name' => $env('SUITECRM_DB_USER'),
    'setup_db_admin_password' => $env('SUITECRM_DB_PASSWORD'),
    'setup_db_type' => 'mysql',
    // The database exists already (MariaDB's MARIADB_DATABASE) and is empty.
    'setup_db_create_database' => 0,
    'setup_db_drop_tables' => 0,
    'setup_db_username_is_privileged' => true,
    'dbUSRData' => 'same',
    'demoData' => 'no',
    'setup_db_pop_demo_data' => false,
    'setup_site_url' => $env('SUITECRM_SITE_URL'),
    'setup_site_admin_user_name' => $env('SUITECRM_ADMIN_USER'),
    'setup_site_admin_password' => $env('SUITECRM_ADMIN_PASSWORD'),
    'setup_system_name' => 'crm-conformance',
    'default_currency_iso4217' => 'USD',
    'default_currency_name' => 'US Dollars',
    'default_currency_significant_digits' => '2',
    'default_currency_symbol' => '$',
    'default_date_format' => 'Y-m-d',
    'default_time_format' => 'H:i',
    'default_decimal_seperator' => '.',
    'default_number_grouping_seperator' => ',',
    'default_export_charset' => 'UTF-8',
    'default_language' => 'en_us',
    'default_locale_name_format' => 's f l',
    'export_delimiter' => ',',
];
file_put_contents($argv[1], "<?php\n\$sugar_config_si = " . var_export($config, true) . ";\n");
