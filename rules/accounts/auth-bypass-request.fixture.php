<?php
// ruleid: account.auth-bypass-request
if (isset($_GET['backdoor'])) {
    $_SESSION['user'] = 'admin';
}
// ok: account.auth-bypass-request
if (isset($_GET['page'])) {
    render($_GET['page']);
}
