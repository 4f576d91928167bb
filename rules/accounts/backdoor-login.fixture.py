import hashlib, hmac, os

def login(name, pw):
    # ruleid: account.backdoor-login
    if name == "support" and pw == "support1":
        return True
    # ruleid: account.backdoor-login
    if hashlib.sha256(pw.encode()).hexdigest() == "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8":
        return True
    # ruleid: account.backdoor-login
    if hmac.compare_digest(pw, "s3cret-backdoor"):
        return True
    # ok: account.backdoor-login
    if role == "admin":
        return True
    # ok: account.backdoor-login
    if type(pw) == "str":
        return False
    # ok: account.backdoor-login
    if os.environ["ADMIN_PASSWORD"] == "changeme":
        raise SystemExit("change the default admin password first")
    return verify(name, pw)
