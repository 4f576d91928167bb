<?php
// ruleid: secret.static-crypto-key
$sealed = openssl_encrypt($data, 'aes-256-cbc', 'phpsecretkey', 0, $iv);
// ok: secret.static-crypto-key
$sealed = openssl_encrypt($data, 'aes-256-cbc', $key, 0, $iv);
