# Lines of key=value are separate settings: a connection string does not run across them.
cat > /etc/app.conf <<EOT
dbname=app
user=app
# ok: secret.connection-string-password
password=H3redoc-Pw9
EOT

# ruleid: secret.connection-string-password
psql "host=db user=app password=Inl1ne-Pw-7"
