<?php
class Auth {
    function login($user, $pass) {
        // ruleid: account.auth-bypass-debug
        if ($this->debug) {
            return true;
        }
        return password_verify($pass, $this->hash($user));
    }
}
