from flask import request

def authenticate():
    # ruleid: account.auth-bypass-request
    if request.args.get("debug") == "1":
        return True
    # ruleid: account.auth-bypass-request
    if request.headers.get("X-Login-As"):
        return load_user(request.headers["X-Login-As"])
    # ok: account.auth-bypass-request
    if request.args.get("debug"):
        app.logger.setLevel("DEBUG")
    return check_session()
