/* ruleid: account.auth-bypass-switch */
#define NO_AUTH 1
/* ok: account.auth-bypass-switch */
#define NO_AUTH_HINT 1
/* ruleid: account.auth-bypass-switch */
static int disable_login = 1;
