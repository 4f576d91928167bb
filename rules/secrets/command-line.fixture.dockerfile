FROM debian:12
# ruleid: secret.password-on-command-line
RUN curl -o /tmp/pkg.tgz https://repo.acme.io/pkg.tgz && openssl enc -d -aes-256-cbc -pass pass:Tundra4copper -in /tmp/pkg.tgz
# ok: secret.password-on-command-line
RUN --mount=type=secret,id=pp openssl enc -d -aes-256-cbc -pass file:/run/secrets/pp -in /tmp/pkg.tgz
