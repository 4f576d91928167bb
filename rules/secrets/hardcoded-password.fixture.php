<?php
// ruleid: secret.hardcoded-password
define('DB_PASSWORD', 'wp-Db!pass88');
// ruleid: secret.hardcoded-password
$password = "Php#Secret1";
// ruleid: secret.hardcoded-password
$config['db']['password'] = 'arr4y-Pass';
// ruleid: secret.hardcoded-password
$pdo = new PDO('mysql:host=db;dbname=shop', 'shop', 'Pd0-pass!');
// ruleid: secret.hardcoded-password
$settings = ['user' => 'app', 'password' => 'Arr0w#pass'];
// ok: secret.hardcoded-password
$password = getenv('DB_PASSWORD');
// ok: secret.hardcoded-password
$label = __('Password');
// ok: secret.hardcoded-password
$password = "$prefix-$suffix";
// ok: secret.hardcoded-password
define('DB_PASSWORD', '');
