#!/bin/bash
# ruleid: secret.hardcoded-password
DB_PASSWORD=Sh3ll!pass
# ruleid: secret.hardcoded-password
export MYSQL_PWD="My5ql-Pw!"
# ruleid: secret.hardcoded-password
ADMIN_PASS='S1ngle-Qu0te'
# ok: secret.hardcoded-password
DB_PASSWORD="${DB_PASSWORD:?}"
# ok: secret.hardcoded-password
DB_PASSWORD=$(cat /run/secrets/db_password)
# ok: secret.hardcoded-password
read -rsp "Password: " PASSWORD
# ruleid: secret.hardcoded-password
export PGPASSWORD=Pg!shell77
