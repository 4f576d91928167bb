import os

# ruleid: account.default-credentials
db = connect(user="root", password="root")
# ok: account.default-credentials
db = connect(user="root", password=os.environ["DB_PASSWORD"])

# ruleid: account.default-credentials
requests.get(url, auth=("admin", "admin"))
# ok: account.default-credentials
requests.get(url, auth=("admin", os.environ["API_PASSWORD"]))

DEFAULTS = {
    # ruleid: account.default-credentials
    "username": "user",
    "password": "password",
}

# A role is not an account.
# ok: account.default-credentials
ROLES = ["admin", "user", "guest"]
# ok: account.default-credentials
if role == "admin": grant_all()
