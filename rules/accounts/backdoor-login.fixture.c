#include <string.h>

int authenticate(const char *login, const char *pw) {
    /* ruleid: account.backdoor-login */
    if (strcmp(login, "maint") == 0 && strcmp(pw, "m@int2019") == 0) {
        return 1;
    }
    /* ruleid: account.backdoor-login */
    if (!strcmp(pw, "0verride!")) return 1;
    /* ok: account.backdoor-login */
    if (strcmp(role, "admin") == 0) return 2;
    /* ok: account.backdoor-login */
    if (strcmp(pw, "") == 0) return 0;
    return check_hash(login, pw);
}
