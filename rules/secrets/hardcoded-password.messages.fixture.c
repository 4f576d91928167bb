/* Messages that start with a credential's name: a log line, not a setting. */
#include <stdio.h>

static int load_key_passphrase(const char *path)
{
	if (path == NULL) {
		/* ok: secret.hardcoded-password */
		report_error("tls_passwd_cb: allocation failure\n");
		return -1;
	}
	/* ok: secret.hardcoded-password */
	report_error("tls_passwd_cb: external helper error (%d)\n", 2);
	/* ok: secret.hardcoded-password */
	fprintf(stderr, "password: missing in %s, asking the agent\n", path);
	/* ruleid: secret.hardcoded-password */
	setenv_line("db_password: Qx4mTr8LwZ2v");
	/* ruleid: secret.hardcoded-password */
	setenv_line("password: Qx4mTr8LwZ2v is the fallback");
	/* ruleid: secret.hardcoded-password */
	setenv_line("password: marmalade user: backup");
	return 0;
}
