#!/bin/sh
# ruleid: secret.connection-string-password
psql "host=db user=app password=Libpq!conn9 dbname=app"
# ok: secret.connection-string-password
psql "host=db user=app dbname=app"
