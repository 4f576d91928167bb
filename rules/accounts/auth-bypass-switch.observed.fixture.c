/* A flag that records what the server advertised, or what option the user passed, is state read at run time. */
static int login_disabled;
static int no_auth;
static int skip_auth;

static void capability(const char *cap)
{
	if (strcmp(cap, "LOGINDISABLED") == 0)
		// ok: account.auth-bypass-switch
		login_disabled = TRUE;
}

static void option(const char *arg)
{
	if (strcmp(arg, "--no-auth") == 0) {
		// ok: account.auth-bypass-switch
		no_auth = 1;
	}
}

static void maintenance(const char *user)
{
	/* Near misses: a switch set under a test of something else, or set unconditionally. */
	if (strcmp(user, "maint") == 0)
		// ruleid: account.auth-bypass-switch
		skip_auth = 1;
	// ruleid: account.auth-bypass-switch
	no_auth = 1;
}
