# ruleid: secret.http-credentials
headers = {"Authorization": "Basic YWRtaW46UzNjcmV0UGFzczE="}
# ok: secret.http-credentials
headers = {"Authorization": f"Bearer {token}"}
# ok: secret.http-credentials
headers = {"Authorization": "Bearer " + token}
