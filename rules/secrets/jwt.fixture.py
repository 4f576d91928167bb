import requests

# ruleid: secret.jwt
SERVICE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiaWxsaW5nLXdvcmtlciIsImlhdCI6MTcxNjIzOTAyMiwicm9sZSI6InNlcnZpY2UifQ.GYLVZBh78LYiqcAcmmo-MYRSnPzshstRCL5rxtpjzok"
# ruleid: secret.jwt
headers = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyZXBvcnRlciIsImlhdCI6MTcxNjIzOTAyMiwicm9sZSI6InNlcnZpY2UifQ.uqD64Sl-uDizHWxgTq9qLtH26TrZHCj5zQVC9pjs0Xk"}
# ok: secret.jwt
headers = {"Authorization": f"Bearer {token}"}
# ok: secret.jwt
UNSIGNED = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiaWF0IjoxNzE2MjM5MDIyfQ."
