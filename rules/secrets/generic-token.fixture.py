# ruleid: secret.generic-token
API_TOKEN = "8c1f4e2a9b7d6c3e5f0a1b2c3d4e5f6a"
# ruleid: secret.generic-token
client = Client(api_key="Qw8eRt5yUi2oPa7sDf4g")
# ruleid: secret.hardcoded-password
credentials = {"client_id": "reporting", "client_secret": "x7Hk2mQ9pL4vR8sT1wZ6"}
# ruleid: secret.generic-token
PRIVATE_KEY = "MIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEAq7BFUpkGp3+LQmlQ"

# ok: secret.generic-token
API_TOKEN = os.getenv("API_TOKEN")
# ok: secret.generic-token
token = tokenizer.next_token()
# ok: secret.generic-token
TOKEN_URL = "https://login.example.com/oauth2/v2.0/token"
# ok: secret.generic-token
pad_token = "[PAD]"
# ok: secret.generic-token
api_key = "<YOUR_API_KEY>"
# ok: secret.generic-token
access_key_id = "AKIAIOSFODNN7EXAMPLE"
# ok: secret.generic-token
token = "1234567890"
