import os

# ruleid: account.test-account
DEMO_LOGIN = "demo_01"
DEMO_PASS = "Demo#2024"

ACCOUNTS = [
    # ruleid: account.test-account
    {"user": "sample", "pass": "sample!"},
    # ruleid: account.test-account
    {"email": "suzuki.test@example.co.jp", "password": "Suzuki0401"},
    # ok: account.test-account
    {"user": "tanaka", "pass": os.environ["TANAKA_PASS"]},
]

# ruleid: account.test-account
client.login(username="qa_user", password="Qa-2024!")

# ruleid: account.test-account
TEST_PASSWORD = "hunter2hunter2"

# ok: account.test-account
SUITE = "contest-2024"
# ok: account.test-account
LATEST_USER = "latest"

# A real user with a password from the environment is not a test account.
# ok: account.test-account
ADMIN_USER = "ops-admin"
ADMIN_PASSWORD = os.getenv("ADMIN_PASSWORD", "")

# A test user whose password is only a placeholder or a label is no working account.
# ok: account.test-account
FORM = {"user": "test", "password": "Enter your password"}
# ok: account.test-account
TEMPLATE = {"user": "demo", "password": "${DEMO_PASSWORD}"}

# ok: account.test-account
results = {"name": "test", "pass": "true"}
