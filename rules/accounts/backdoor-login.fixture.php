<?php
function login($user, $pass) {
    // ruleid: account.backdoor-login
    if ($user === 'admin' && $pass === 'p@ssw0rd-2019') {
        return true;
    }
    // ok: account.backdoor-login
    if ($pass === '') {
        return false;
    }
    return password_verify($pass, load_hash($user));
}
