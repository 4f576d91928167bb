import hashlib
import hmac
import os
from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

# ruleid: secret.static-crypto-key
AES_KEY = "plainword"
# ruleid: secret.static-crypto-key
CRYPTO_KEY = b"sesame-open"
# ruleid: secret.static-crypto-key
IV = b"Qx7vLm2pRt9sKw4z"
# ruleid: secret.static-crypto-salt
HASH_SALT = "pepperoni"
# A label that separates keys derived from one secret is not key material.
# ok: secret.static-crypto-salt
SIGNED_COOKIE_SALT = "signed encrypted cookie"
# ok: secret.static-crypto-salt
RECORD_SALT = "active_record/signed_id"
# ruleid: secret.static-crypto-key
cipher = AES.new(b"orangejuice12345", AES.MODE_CBC, b"bananabread67890")
# ruleid: secret.static-crypto-key
engine = Cipher(algorithms.AES(b"kiwifruit0987654"), modes.CBC(os.urandom(16)))
# ruleid: secret.static-crypto-key
digest = hashlib.pbkdf2_hmac("sha256", password, b"tablesalt", 100_000)

# ok: secret.static-crypto-key
AES_KEY = os.environ["AES_KEY"]
# ok: secret.static-crypto-key
IV = os.urandom(16)
# ok: secret.static-crypto-key
IV_LENGTH = "16"
# ok: secret.static-crypto-key
CIPHER_MODE = "AES-256-GCM"
# ok: secret.static-crypto-key
ENCRYPTION_KEY = "ENCRYPTION_KEY"
# ok: secret.static-crypto-key
ENCRYPTION_KEY = "${ENCRYPTION_KEY}"
# ok: secret.static-crypto-salt
SALT_ROUNDS = "twelve"
# ok: secret.static-crypto-key
key_file = "keys/aes.key"
# ok: secret.static-crypto-key
HMAC_KEY_ENV = "HMAC_KEY"
# ok: secret.static-crypto-salt
salt = bcrypt.gensalt()
