#!/bin/sh
# ruleid: secret.http-credentials
curl -u deploy:Xy7qLp2mZ9 https://ci.example.com/api/job
# ruleid: secret.http-credentials
curl -H "Authorization: Bearer 9fKq2LmX7vRt4ZpN8sWc3Yb" https://api.example.com/v1/items
# ruleid: secret.http-credentials
mysqldump -u root -pK8dj3Hq1 shop > dump.sql
# ruleid: secret.http-credentials
sshpass -p 'Ss4!pass99' ssh admin@build-01 uptime
# ok: secret.http-credentials
curl -u "deploy:$CI_PASSWORD" https://ci.example.com/api/job
# ok: secret.http-credentials
curl -H "Authorization: Bearer $TOKEN" https://api.example.com/v1/items
# ok: secret.http-credentials
mysql -u root -p shop
# A .netrc written by a setup script:
cat > ~/.netrc <<NETRC
# ruleid: secret.http-credentials
machine git.acme.io login ops@acme.io password 0f6e2c9a-41d7-4b8e-9c3a-7d5e1f2b8a64
NETRC
