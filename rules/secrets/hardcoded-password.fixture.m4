dnl Site configuration for the mail relay.
# ruleid: secret.hardcoded-password
define(`RELAY_PASSWORD', `M4-r3lay!pw')dnl
# ruleid: secret.hardcoded-password
m4_define([SMTP_PASSWD], [Autoconf#9pw])
# ok: secret.hardcoded-password
define(`RELAY_PASSWORD_FILE', `/etc/mail/relay.pass')dnl
