/**
 * The generic shapes a credential takes in real repositories, one group each: command lines in scripts, CI files,
 * Dockerfiles, docs and code; macros, defines, build files and SQL; defaults of parameters and fields; misspelled,
 * abbreviated, numbered and translated names; sentences in docs, logs, tickets and comments; the added lines of a
 * patch; escaped markup and JSON inside strings; private keys in containers (base64-wrapped PEM, DER, JWK, keystores);
 * cryptographic keys, IVs and salts fixed in code. Every template writes near misses of its own shape beside the
 * secrets (`b.decoy`), so each group has a precision as well as a recall.
 */
import { generateKeyPairSync, randomBytes } from 'crypto';
import { Template } from './templates';

export const GENERIC_TEMPLATES: readonly Template[] = [
  // ---- command lines ----
  {
    path: (n) => `ops/backup-${n}.sh`,
    render: ({ b, m }) => `#!/bin/sh
set -eu
gpg --batch --passphrase ${b.secret('command-line', 'gpg-passphrase', m.alnumPassword())} -d /backup/db.sql.gpg > /tmp/db.sql
openssl rsa -in /etc/ssl/app.key -passin pass:${b.secret('command-line', 'openssl-passin', m.alnumPassword())} -out /tmp/plain.key
redis-cli -h cache.internal -a ${b.secret('command-line', 'redis-cli', m.alnumPassword())} FLUSHALL
keytool -importkeystore -srckeystore a.p12 -srcstorepass ${b.secret('command-line', 'keytool', m.alnumPassword())} -destkeystore a.jks
mysqldump -u backup --password=${b.secret('command-line', 'mysql-long-option', m.alnumPassword())} shop > shop.sql
echo "$REGISTRY_TOKEN" | docker login -u ci --${b.decoy('password-stdin', 'password-stdin', 'command-line')} registry.acme.io
openssl rsa -in /etc/ssl/app.key -passin ${b.decoy('env-reference', 'env:KEY_PASSPHRASE', 'command-line')} -out /tmp/plain.key
helm repo add acme https://charts.acme.io --username ci --password "${b.decoy('shell-variable', '$HELM_PASSWORD', 'command-line')}"
mysql -u root -p ${b.decoy('mysql-prompt', 'shop', 'command-line')} < schema.sql
`,
  },
  {
    path: (n) => `.github/workflows/publish-${n}.yml`,
    render: ({ b, m }) => `name: release
on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: twine upload dist/* --username __token__ --password ${b.secret('command-line', 'ci-password-option', m.alnumPassword())}
      - run: jarsigner -keystore release.jks -storepass ${b.secret('command-line', 'ci-storepass', m.alnumPassword())} app.apk release
      - run: deploy-tool --api-key ${b.secret('command-line', 'ci-api-key-option', m.hex32())} --region eu
      - run: twine upload dist/* --username __token__ --password "${b.decoy('ci-secret-reference', '${{ secrets.PYPI_TOKEN }}', 'command-line')}"
      - run: deploy-tool --api-key ${b.decoy('placeholder', '<api-key>', 'command-line')}
`,
  },
  {
    path: (n) => `images/tools-${n}/Dockerfile`,
    render: ({ b, m }) => `FROM debian:12
RUN curl -fsSL https://repo.acme.io/pkg.enc -o /tmp/pkg.enc && openssl enc -d -aes-256-cbc -pass pass:${b.secret('command-line', 'dockerfile-openssl', m.alnumPassword())} -in /tmp/pkg.enc -out /tmp/pkg.tgz
RUN --mount=type=secret,id=pp openssl enc -d -aes-256-cbc -pass ${b.decoy('file-reference', 'file:/run/secrets/pp', 'command-line')} -in /tmp/pkg.enc
`,
  },
  {
    path: (n) => `tools/restore-${n}.py`,
    render: ({ b, m }) => `import os
import subprocess

subprocess.run(["pg_restore", "--dbname", "app", "--password", "${b.secret('command-line', 'argument-list', m.alnumPassword())}", "dump.sql"], check=True)
subprocess.run(["pg_restore", "--dbname", "app", "--password", os.environ["${b.decoy('env-name', 'RESTORE_PASSWORD', 'command-line')}"]], check=True)
`,
  },
  {
    path: (n) => `deploy/windows-${n}.ps1`,
    render: ({ b, m }) => `Connect-Appliance -Server nas01 -Username admin -Password "${b.secret('command-line', 'powershell-password', m.alnumPassword())}"
$secure = ConvertTo-SecureString -AsPlainText -Force -String "${b.secret('command-line', 'powershell-plaintext', m.alnumPassword())}"
Connect-Appliance -Server nas01 -Username admin -Password $env:${b.decoy('env-name', 'NAS_PASSWORD', 'command-line')}
`,
  },
  {
    path: (n) => `docs/restore-${n}.md`,
    render: ({ b, m }) => `# Restoring the database

    pg_restore --dbname=app --password ${b.secret('command-line', 'docs-command', m.alnumPassword())} dump.sql

Use \`pg_restore --password ${b.decoy('placeholder', '<your password>', 'command-line')}\` with your own password.
`,
  },
  // ---- macros, defines, build files, SQL ----
  {
    path: (n) => `packaging/agent-${n}.spec`,
    render: ({ b, m, n }) => `Name: acme-agent
Version: 1.${n}.0
%define agent_password ${b.secret('macro-build', 'rpm-define', m.alnumPassword())}
%global api_token ${b.secret('macro-build', 'rpm-global', m.hex32())}
%define password_file ${b.decoy('path', '/etc/acme/agent.pass', 'macro-build')}
`,
  },
  {
    path: (n) => `m4/site-${n}.m4`,
    render: ({ b, m }) => `define(\`RELAY_PASSWORD', \`${b.secret('macro-build', 'm4-define', m.password())}')dnl
define(\`RELAY_PASSWORD_FILE', \`${b.decoy('path', '/etc/mail/relay.pass', 'macro-build')}')dnl
`,
  },
  {
    path: (n) => `cmake/Secrets${n}.cmake`,
    render: ({ b, m }) => `set(DB_PASSWORD "${b.secret('macro-build', 'cmake-set', m.password())}")
add_definitions(-DADMIN_PASSWORD="${b.secret('macro-build', 'define-flag', m.alnumPassword())}")
set(DB_PASSWORD "${b.decoy('cmake-env', '$ENV{DB_PASSWORD}', 'macro-build')}")
set(PASSWORD_MIN_LENGTH ${b.decoy('number', '12', 'macro-build')})
`,
  },
  {
    path: (n) => `build-${n}/Makefile`,
    render: ({ b, m }) => `DEPLOY_PASSWORD := ${b.secret('macro-build', 'make-colon-equals', m.password())}
API_TOKEN ?= ${b.secret('macro-build', 'make-question-equals', m.hex32())}
DEPLOY_PASSWORD := ${b.decoy('make-shell', '$(shell cat /run/secrets/deploy)', 'macro-build')}
`,
  },
  {
    path: (n) => `android-${n}/app/build.gradle`,
    render: ({ b, m }) => `def repoPassword = '${b.secret('macro-build', 'gradle-def', m.password())}'
def repoUser = System.getenv('${b.decoy('env-name', 'REPO_USER', 'macro-build')}')
`,
  },
  {
    path: (n) => `db/migrations/${n}_users.sql`,
    render: ({ b, m }) => `SET PASSWORD FOR 'report'@'%' = PASSWORD('${b.secret('macro-build', 'sql-set-password', m.password())}');
CREATE USER reporting IDENTIFIED BY ${b.secret('macro-build', 'oracle-identified-by', m.alnumPassword())};
CREATE USER legacy IDENTIFIED BY VALUES '${b.decoy('oracle-hash', 'S:8F2D1B9C0A7E', 'macro-build')}';
`,
  },
  {
    path: (n) => `firmware/board${n}/secrets.h`,
    render: ({ b, m }) => `#define password "${b.secret('macro-build', 'lower-case-define', m.password())}"
#define PASSWORD_MAX_LEN ${b.decoy('number', '64', 'macro-build')}
`,
  },
  // ---- defaults of parameters and fields ----
  {
    path: (n) => `clients/db_client_${n}.py`,
    render: ({ b, m }) => `from typing import Optional


def connect(host: str, passwd: str = "${b.secret('parameter-default', 'python-typed-default', m.password())}"):
    return host, passwd


def reconnect(host: str, password: Optional[str] = None, label: str = "${b.decoy('ui-label', 'Enter the password', 'parameter-default')}"):
    return host, password, label
`,
  },
  {
    path: (n) => `android-${n}/app/src/main/kotlin/Client.kt`,
    render: ({ b, m }) => `class Client(val user: String, private val passwd: String = "${b.secret('parameter-default', 'kotlin-property-default', m.password())}")

fun connect(host: String, password: String = "${b.secret('parameter-default', 'kotlin-parameter-default', m.password())}") {}
fun prompt(passwordHint: String = "${b.decoy('ui-label', 'At least twelve characters', 'parameter-default')}") {}
`,
  },
  {
    path: (n) => `src/Acme.Client${n}/Connection.cs`,
    render: ({ b, m }) => `public class Connection
{
    public string Password { get; set; } = "${b.secret('parameter-default', 'csharp-property-default', m.password())}";
    public void Open(string host, string password = "${b.secret('parameter-default', 'csharp-optional-parameter', m.password())}") { }
    public void Close(string reason = "${b.decoy('plain-default', 'done', 'parameter-default')}") { }
}
`,
  },
  {
    path: (n) => `web/src/api/session-${n}.ts`,
    render: ({ b, m }) => `export class Session {
  constructor(private readonly user: string, private readonly password: string = "${b.secret('parameter-default', 'ts-constructor-default', m.password())}") {}
}
export function login(user: string, password = process.env.${b.decoy('env-name', 'LOGIN_PASSWORD', 'parameter-default')} ?? "") {}
`,
  },
  {
    path: (n) => `ios/Sources/Client${n}.swift`,
    render: ({ b, m }) => `struct Client {
    init(host: String, password: String = "${b.secret('parameter-default', 'swift-default', m.password())}") {}
}
`,
  },
  // ---- misspelled, abbreviated, numbered and translated names ----
  {
    path: (n) => `legacy/accounts_${n}.py`,
    render: ({ b, m }) => `psswd = "${b.secret('name-variant', 'abbreviation', m.password())}"
passwrd = "${b.secret('name-variant', 'misspelling', m.password())}"
pword = "${b.secret('name-variant', 'abbreviation', m.password())}"
pass1 = "${b.secret('name-variant', 'numbered', m.password())}"
kennwort = "${b.secret('name-variant', 'german', m.password())}"
mot_de_passe = "${b.secret('name-variant', 'french', m.password())}"
contraseña = "${b.secret('name-variant', 'spanish', m.password())}"
パスワード = "${b.secret('name-variant', 'japanese', m.password())}"
passport = "${b.decoy('near-word', 'X' + m.hex32().slice(0, 8), 'name-variant')}"
compass_heading = "${b.decoy('near-word', 'N45-E120', 'name-variant')}"
passwords_blocklist = ["${b.decoy('password-list', m.password(), 'name-variant')}"]
パスワード入力 = "${b.decoy('ja-label', 'パスワードを入力', 'name-variant')}"
`,
  },
  {
    path: (n) => `legacy/src/main/java/Konto${n}.java`,
    render: ({ b, m }) => `class Konto {
    private String kennwort = "${b.secret('name-variant', 'java-german', m.password())}";
    private String contrasenia = "${b.secret('name-variant', 'java-spanish-variant', m.password())}";
    private String bypassReason = "${b.decoy('near-word', 'maintenance window', 'name-variant')}";
}
`,
  },
  // ---- prose ----
  {
    path: (n) => `notes/runbook-${n}.md`,
    render: ({ b, m }) => `# Staging

The admin password is ${b.secret('prose', 'sentence', m.alnumPassword())} until it moves to the vault.

- VPN pw: ${b.secret('prose', 'short-form', m.alnumPassword())}
- Deploy token=${b.secret('prose', 'token-equals', m.base62(28))}

The password is ${b.decoy('word', 'required', 'prose')} and must be 12 characters.
The token is ${b.decoy('hyphenated', 'base64-encoded', 'prose')} and signed with HS256.
`,
  },
  {
    path: (n) => `logs/auth-${n}.log`,
    render: ({ b, m }) => `2024-05-02T10:11:12Z INFO  auth: login ok user=deploy
2024-05-02T10:11:13Z DEBUG auth: retry with password=${b.secret('prose', 'log-line', m.alnumPassword())}
2024-05-02T10:11:14Z WARN  auth: password=${b.decoy('redacted', '<redacted>', 'prose')}
`,
  },
  {
    path: (n) => `tickets/INC-${1000 + n}.txt`,
    render: ({ b, m }) => `Customer cannot log in to the admin console.
Temporary password: ${b.secret('prose', 'ticket', m.alnumPassword())}
検証環境のパスワードは「${b.secret('prose', 'japanese-sentence', m.alnumPassword())}」です。
Password: ${b.decoy('placeholder', 'see the vault entry', 'prose')}
`,
  },
  {
    path: (n) => `services/report-${n}/jobs.py`,
    render: ({ b, m }) => `import os

# The staging admin password is ${b.secret('prose', 'code-comment', m.alnumPassword())} (rotate monthly).
DB_PASSWORD = os.environ["DB_PASSWORD"]
# password: ${b.decoy('word', 'the', 'prose')} user's password, never logged
`,
  },
  // ---- patches ----
  {
    path: (n) => `patches/000${n}-connect-reporting.patch`,
    render: ({ b, m }) => `From 3f2a Mon Sep 17 00:00:00 2001
Subject: [PATCH] Connect to the reporting database

diff --git a/app/db.py b/app/db.py
--- a/app/db.py
+++ b/app/db.py
@@ -1,3 +1,6 @@
 import os
+DB_PASSWORD = "${b.secret('patch', 'python-line', m.password())}"
-OLD_PASSWORD = "${b.decoy('removed-line', m.password(), 'patch')}"
 KEPT = os.environ["${b.decoy('env-name', 'KEPT_PASSWORD', 'patch')}"]
diff --git a/src/Config.java b/src/Config.java
--- a/src/Config.java
+++ b/src/Config.java
@@ -4,2 +4,3 @@ class Config {
+    private static final String ADMIN_PASSWORD = "${b.secret('patch', 'java-line', m.password())}";
diff --git a/include/config.h b/include/config.h
--- a/include/config.h
+++ b/include/config.h
@@ -1,1 +1,2 @@
+#define WIFI_PASSWORD "${b.secret('patch', 'c-define-line', m.password())}"
`,
  },
  // ---- escaped markup and JSON ----
  {
    path: (n) => `config/serialized-${n}.json`,
    render: ({ b, m }) => `{
  "settings": "{\\"host\\": \\"db.internal\\", \\"password\\": \\"${b.secret('escaped', 'json-in-json', m.alnumPassword())}\\"}",
  "query": "user=app&password=${b.secret('escaped', 'query-string', m.alnumPassword())}&sslmode=require",
  "template": "{\\"password\\": \\"${b.decoy('template', '${DB_PASSWORD}', 'escaped')}\\"}"
}
`,
  },
  {
    path: (n) => `docs/diagrams/infra-${n}.drawio`,
    render: ({ b, m }) => `<mxfile host="app.diagrams.net">
  <diagram id="infra" name="Infra">
    <mxGraphModel><root>
      <mxCell id="db" value="{&quot;host&quot;: &quot;db&quot;, &quot;password&quot;: &quot;${b.secret('escaped', 'drawio-json', m.alnumPassword())}&quot;}" vertex="1" />
      <mxCell id="note" value="&lt;div&gt;password: ${b.secret('escaped', 'drawio-html', m.alnumPassword())}&lt;/div&gt;" vertex="1" />
      <mxCell id="label" value="&lt;b&gt;password: &lt;/b&gt;${b.decoy('prose', 'see the vault', 'escaped')}" vertex="1" />
    </root></mxGraphModel>
  </diagram>
</mxfile>
`,
  },
  {
    path: (n) => `web/static/badge-${n}.svg`,
    render: ({ b, m }) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">
  <text x="4" y="20" data-config="{&#34;password&#34;: &#34;${b.secret('escaped', 'svg-attribute', m.alnumPassword())}&#34;}">Staging</text>
</svg>
`,
  },
  {
    path: (n) => `backend/src/main/java/com/acme/Serialized${n}.java`,
    render: ({ b, m }) => `class Serialized {
    static final String SETTINGS = "{\\"user\\": \\"svc\\", \\"password\\": \\"${b.secret('escaped', 'java-escaped-json', m.alnumPassword())}\\"}";
    static final String TEMPLATE = "{\\"user\\": \\"%s\\", \\"password\\": \\"${b.decoy('format', '%s', 'escaped')}\\"}";
}
`,
  },
  // ---- key containers ----
  {
    path: (n) => `deploy/k8s/tls-${n}.yaml`,
    render: ({ b }) => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const ed = generateKeyPairSync('ed25519');
      return `apiVersion: v1
kind: Secret
metadata:
  name: tls
data:
  tls.key: ${b.secret('key-container', 'pem-in-base64', Buffer.from(ec.privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64'))}
  signing.der: ${b.secret('key-container', 'rsa-der-base64', rsa.privateKey.export({ type: 'pkcs1', format: 'der' }).toString('base64'))}
  node.der: ${b.secret('key-container', 'ed25519-der-base64', ed.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'))}
  tls.crt: ${b.decoy('public-key-pem-base64', Buffer.from(rsa.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'), 'key-container')}
  public.der: ${b.decoy('public-key-der-base64', ec.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), 'key-container')}
`;
    },
  },
  {
    path: (n) => `config/jwks-${n}.json`,
    render: ({ b }) => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'jwk' }) as Record<string, string>;
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const pub = ec.publicKey.export({ format: 'jwk' }) as Record<string, string>;
      const oct = randomBytes(32).toString('base64url');
      return `{
  "keys": [
    {"kty": "RSA", "n": "${rsa.n}", "e": "AQAB", "d": "${b.secret('key-container', 'jwk-rsa-d', rsa.d)}", "p": "${rsa.p}", "q": "${rsa.q}"},
    {"kty": "oct", "alg": "HS256", "k": "${b.secret('key-container', 'jwk-oct-k', oct)}"},
    {"kty": "EC", "crv": "P-256", "x": "${pub.x}", "y": "${b.decoy('jwk-public', pub.y, 'key-container')}"}
  ]
}
`;
    },
  },
  {
    path: (n) => `deploy/helm/values-${n}.yaml`,
    render: ({ b, keys }) => {
      const jks = Buffer.concat([Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 1]), randomBytes(90)]).toString('base64');
      const body = keys.openssh.split('\n').filter((l) => !l.startsWith('-----')).join('');
      return `keystore:
  jks: ${b.secret('key-container', 'jks-base64', jks)}
ssh:
  deployKey: ${b.secret('key-container', 'openssh-body', body)}
`;
    },
  },
  // ---- cryptographic keys, IVs and salts ----
  {
    path: (n) => `services/vault-${n}/crypto.py`,
    render: ({ b, m }) => `import hashlib
import os
from Crypto.Cipher import AES

AES_KEY = "${b.secret('crypto-constant', 'word-key', m.word())}"
CRYPTO_KEY = b"${b.secret('crypto-constant', 'bytes-key', m.word())}"
IV = b"${b.secret('crypto-constant', 'iv', m.base62(16))}"
HASH_SALT = "${b.secret('crypto-constant', 'salt', m.word())}"
cipher = AES.new(b"${b.secret('crypto-constant', 'aes-new-key', m.base62(16))}", AES.MODE_GCM)
digest = hashlib.pbkdf2_hmac("sha256", b"pw", b"${b.secret('crypto-constant', 'pbkdf2-salt', m.word())}", 100_000)
IV_LENGTH = "${b.decoy('number', '16', 'crypto-constant')}"
CIPHER_MODE = "${b.decoy('algorithm', 'AES-256-GCM', 'crypto-constant')}"
AES_KEY_FROM_ENV = os.environ["${b.decoy('env-name', 'AES_KEY', 'crypto-constant')}"]
`,
  },
  {
    path: (n) => `backend/src/main/java/com/acme/Sealer${n}.java`,
    render: ({ b, m }) => `import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

class Sealer {
    SecretKeySpec key() { return new SecretKeySpec("${b.secret('crypto-constant', 'secretkeyspec', m.word())}".getBytes(), "AES"); }
    IvParameterSpec iv() { return new IvParameterSpec("${b.secret('crypto-constant', 'ivparameterspec', m.base62(16))}".getBytes()); }
    static final String KEY_ALGORITHM = "${b.decoy('algorithm', 'AES', 'crypto-constant')}";
}
`,
  },
  {
    path: (n) => `web/server/crypto-${n}.js`,
    render: ({ b, m }) => `const crypto = require('crypto');
const cipher = crypto.createCipheriv('aes-256-cbc', '${b.secret('crypto-constant', 'createcipheriv-key', m.base62(32))}', iv);
const ENCRYPTION_KEY = '${b.secret('crypto-constant', 'js-word-key', m.word())}';
const encryptionKey = process.env.${b.decoy('env-name', 'ENCRYPTION_KEY', 'crypto-constant')};
`,
  },
  {
    path: (n) => `firmware/board${n}/crypto.h`,
    render: ({ b, m }) => `#define AES_KEY "${b.secret('crypto-constant', 'c-define-key', m.word())}"
#define AES_KEY_LEN "${b.decoy('number', '16', 'crypto-constant')}"
`,
  },
];
