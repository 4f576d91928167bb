# An assertion states what a field holds (a self-check, a test helper outside a test folder): it lets no one in.


def check_seeded_account(client):
    user = make_user()
    # ok: account.backdoor-login
    assert user.password == "s3cr3t-Pa55"
    # ok: account.backdoor-login
    assert client.api_token == "tok_9f8a7b6c5d4e3f2a1b0c", "seeded token"
    # ok: account.backdoor-login
    ok(user.passwd == "h4shed-Val")


def login(user, password):
    # Near miss: the same comparison deciding a login is a backdoor.
    # ruleid: account.backdoor-login
    if password == "s3cr3t-Pa55":
        return True
    # ruleid: account.backdoor-login
    return check(password) or password == "0verride-Pa55"
