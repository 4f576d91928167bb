FROM postgres:16
# ruleid: secret.hardcoded-password
ENV POSTGRES_PASSWORD=D0cker!Env
# ruleid: secret.hardcoded-password
ARG ADMIN_PASSWORD=Bu1ld-Arg!pw
# ok: secret.hardcoded-password
ARG ADMIN_PASSWORD
# ok: secret.hardcoded-password
RUN --mount=type=secret,id=db_password cat /run/secrets/db_password
