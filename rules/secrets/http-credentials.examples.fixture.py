class TokenAuthentication:
    """
    Clients authenticate by passing the token key in the "Authorization" HTTP header, prepended with the string
    "Token ". For example:

        # ok: secret.http-credentials
        Authorization: Token 401f7ac837da42b97f613d789819ff93537bee6a
    """

    def connect(self):
        """Connect with a libpq string, e.g.
        # ok: secret.connection-string-password
        host=db user=app password=Ex4mple-Only dbname=app
        """


# Near miss: the same header written into a request is a credential.
# ruleid: secret.http-credentials
HEADERS = {"Authorization": "Token 9c2f7ac837da42b97f613d789819ff93537bee6b"}
