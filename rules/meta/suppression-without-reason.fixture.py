import os

# ruleid: meta.suppression-without-reason
token = os.environ["TOKEN"]  # secure-coding-ignore

# ok: meta.suppression-without-reason
value = 1  # secure-coding-ignore secret.generic-token: read from the environment, never logged
