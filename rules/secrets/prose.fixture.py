import os

# ruleid: secret.password-in-prose
# The staging admin password is Tq8vLm2Wdx (rotate monthly).
DB_PASSWORD = os.environ["DB_PASSWORD"]

# ok: secret.password-in-prose
# The password is required; it must be 12 characters or more.
# ok: secret.password-in-prose
label = "the password is Tq8vLm2Wdx"
# ok: secret.password-in-prose
# pw: pointer to the window
# ok: secret.password-in-prose
# token: the next token of the lexer
# A usage example in a docstring or commented-out code is code, not a sentence (the name-aware rules read code).
# ok: secret.password-in-prose
#   user.update(password: "nohack4u", password_challenge: "")
# ok: secret.password-in-prose
#   user.password = "Vr00m-fast"
# ok: secret.password-in-prose
# password = settings.DATABASE_PASSWORD
