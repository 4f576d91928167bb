<?php
// ruleid: debug.php-display-errors
ini_set('display_errors', '1');
// ruleid: debug.php-display-errors
ini_set("display_startup_errors", 1);
// ok: debug.php-display-errors
ini_set('display_errors', '0');
// ok: debug.php-display-errors
ini_set('log_errors', '1');
