# Values bound to a credential's name that are code, references or keywords, not credentials.
import re

# ok: secret.generic-token
SECRET_TOKEN = "os.environ.get('APP_TOKEN')"
# ok: secret.hardcoded-password
DB_PASSWORD = "getpass.getpass()"
# ok: secret.hardcoded-password
PASSWORD_SCRUB = "s/password=[^&]*/password=***/g"
# ok: secret.generic-token
TOKEN_PATTERN = "token=([A-Za-z0-9]+)&"
# ok: secret.generic-token
API_TOKEN_LINE = "token=%v;expires=%v"
# ok: secret.generic-token
IMAP_AUTH = "AUTH=PLAIN"
# ok: secret.generic-token
AUTH_CAPABILITY = "LOGIN-DISABLED"

# Near misses: values that only look like code.
# ruleid: secret.hardcoded-password
DB_PASSWORD = "Hello(2024)x"
# ruleid: secret.generic-token
API_TOKEN = "tok_9f8aZ7b6c5d4e3f2a1b0c"


class Migration(migrations.Migration):
    # A numbered migration's name, keyed by the app it belongs to.
    dependencies = [
        # ok: secret.generic-token
        ("authtoken", "0002_auto_20160226_1747"),
        # ok: secret.generic-token
        ("authtoken", "20240101120000_rotate_tokens"),
    ]
    # ruleid: secret.generic-token
    tokens = [("api_token", "x9Fq2Lm7Pz4Rt8Kw2024")]


def next_keyword(self, token):
    # A tokenizer compares its current token with keywords and syntax.
    # ok: secret.generic-token
    if token == "@implementation":
        return 1
    # ok: secret.generic-token
    if self.current_token == "<![CDATA[":
        return 2
    # ok: secret.generic-token
    if token.value == "#endregion-x":
        return 3
    # Near miss: a value with digits compared with a token stays suspicious.
    # ruleid: secret.generic-token
    if token == "3xAmPl3-T0k3n-v4lu3":
        return 4
