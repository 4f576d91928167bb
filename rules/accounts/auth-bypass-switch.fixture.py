import os

# ruleid: account.auth-bypass-switch
NO_AUTH = True
# ruleid: account.auth-bypass-switch
DISABLE_AUTH = os.getenv("DISABLE_AUTH", "true")
# ok: account.auth-bypass-switch
BYPASS_LOGIN = os.environ.get("BYPASS_LOGIN") == "1"
# ok: account.auth-bypass-switch
SKIP_AUTH = False
# ok: account.auth-bypass-switch
AUTHOR_DISABLED = True

def serve(no_auth=False):
    pass
