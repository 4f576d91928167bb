/*
 * Factory reset.
 * ruleid: secret.password-in-prose
 * The service passphrase is Violet31copper on every unit.
 */
int reset(void);
/* ok: secret.password-in-prose */
/* password: the user's password, NUL-terminated */
int check(const char *password);
// ruleid: secret.password-in-prose
// TODO remove: pwd=Maple61falcon
int legacy(void);
