import boto3

# ruleid: secret.aws-access-key-id
AWS_ACCESS_KEY_ID = "AKIAVQJXXVBOTHD2WTFL"
# ruleid: secret.aws-secret-access-key
AWS_SECRET_ACCESS_KEY = "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"

session = boto3.Session(
    # ruleid: secret.aws-access-key-id
    aws_access_key_id="ASIAHBMUAPTT2ZN5X2PD",
    # ruleid: secret.aws-secret-access-key
    aws_secret_access_key="hRLeos47wGJkcU/0XXkHG5qJwv1MkAuYVbpS0Jso",
)

# ok: secret.aws-access-key-id
DOC_KEY = "AKIAIOSFODNN7EXAMPLE"
# ok: secret.aws-secret-access-key
DOC_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
# ok: secret.aws-access-key-id, secret.aws-secret-access-key
client = boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"])
# ok: secret.aws-access-key-id
not_a_key = "AKIA_NOT_A_REAL_KEY_ID"
