#!/bin/sh
# ruleid: secret.password-on-command-line
gpg --batch --passphrase Tq8vLm2Wdx -d backup.gpg
# ruleid: secret.password-on-command-line
helm repo add acme https://charts.acme.io --username ci --password 'Copper42maple'
# ruleid: secret.password-on-command-line
wget --http-password=Falcon77violet https://files.acme.io/a.tar
# ruleid: secret.password-on-command-line
openssl pkcs12 -export -in cert.pem -inkey key.pem -passout pass:Harbor20tundra -out cert.p12
# ruleid: secret.password-on-command-line
keytool -genkeypair -alias app -keystore app.jks -storepass Quartz58orbit
# ruleid: secret.password-on-command-line
redis-cli -h cache.internal -a Saffron9maple ping
# ruleid: secret.password-on-command-line
ldapsearch -x -D "cn=admin,dc=acme" -w Violet31copper -b "dc=acme"
# ruleid: secret.password-on-command-line
zip -r -P Orbit88quartz release.zip dist/
# ruleid: secret.password-on-command-line
7z a -pTundra12harbor archive.7z data/
# ruleid: secret.password-on-command-line
sqlcmd -S db.internal -U sa -P Maple61falcon -Q "select 1"
# ruleid: secret.password-on-command-line
mongosh "mongodb://db.internal/app" -u app -p Summer24orbit
# ruleid: secret.password-on-command-line
htpasswd -b -c /etc/nginx/.htpasswd admin Copper5violet
# ruleid: secret.password-on-command-line
echo Falcon6harbor | passwd --stdin deploy
# ruleid: secret.password-on-command-line
mount -t cifs //nas/share /mnt -o username=backup,password=Quartz7saffron
# ruleid: secret.password-on-command-line
smbclient //nas/share -U backup%Harbor8tundra -c ls
# ruleid: secret.password-on-command-line
deploy-tool --api-key 4f9c2e7a1b8d6f30 --region eu

# ok: secret.password-on-command-line
echo "$REGISTRY_TOKEN" | docker login -u ci --password-stdin registry.acme.io
# ok: secret.password-on-command-line
helm repo add acme https://charts.acme.io --username ci --password "$HELM_PASSWORD"
# ok: secret.password-on-command-line
openssl rsa -in key.pem -passin env:KEY_PASSPHRASE -out plain.pem
# ok: secret.password-on-command-line
openssl rsa -in key.pem -passin file:/run/secrets/passphrase -out plain.pem
# ok: secret.password-on-command-line
keytool -list -keystore app.jks -storepass:env STORE_PASSWORD
# ok: secret.password-on-command-line
vault-sync --password-file /run/secrets/vault --token-path /run/secrets/token
# ok: secret.password-on-command-line
tool --password "${{ secrets.TOOL_PASSWORD }}"
# ok: secret.password-on-command-line
tool --password <password> --token TOKEN --api-key YOUR_API_KEY
# ok: secret.password-on-command-line
tool --password=PASSWORD --passphrase=$(cat /run/secrets/pp)
# ok: secret.password-on-command-line
mysql -u root -p shop
# ok: secret.password-on-command-line
ssh -o PasswordAuthentication=no deploy@host
# ok: secret.password-on-command-line
docker build --secret id=npmrc,src=.npmrc .
