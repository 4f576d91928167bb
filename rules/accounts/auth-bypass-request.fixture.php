<?php
// ruleid: account.auth-bypass-request
if (isset($_GET['backdoor'])) {
    $_SESSION['user'] = 'admin';
}
// ok: account.auth-bypass-request
if (isset($_GET['page'])) {
    render($_GET['page']);
}
// ruleid: account.auth-bypass-request
if ($_GET['debug'] == '1') {
    $_SESSION['user'] = 'admin';
}
// ok: account.auth-bypass-request
if ($_GET['debug'] == '1') {
    error_reporting(E_ALL);
}
