#include <mysql.h>
#include <stdio.h>
#include <string.h>

// ruleid: secret.hardcoded-password
#define ADMIN_PASSWORD "Adm1n!2024"
// ruleid: secret.hardcoded-password
#define DB_PASS L"pg-s3cret-88"
// ok: secret.hardcoded-password
#define PASSWORD_MAX_LEN "64"
// ok: secret.hardcoded-password
#define _PATH_PASSWD "/etc/passwd"
// ok: secret.hardcoded-password
#define PASSWORD_PROMPT "Password: "

// ruleid: secret.hardcoded-password
static const char *db_passwd = "pg_s3cret_88";
// ruleid: secret.hardcoded-password
char wifi_pass[] = "correct-horse-9";
// ok: secret.hardcoded-password
char password_buffer[64] = "";

struct config cfg = {
    .user = "svc",
    // ruleid: secret.hardcoded-password
    .password = "Xk29!fjq",
};

int check_backdoor(const char *pw) {
    // ok: secret.hardcoded-password (a backdoor check: account.backdoor-login reports it)
    return strcmp(pw, "backd00r!") == 0;
}

void connect_db(MYSQL *db, struct conn *c) {
    // ruleid: secret.hardcoded-password
    strcpy(c->password, "Init#Pass7");
    // ruleid: secret.hardcoded-password
    mysql_real_connect(db, "db.local", "app", "MyS9l-pass", "shop", 0, NULL, 0);
    // ok: secret.hardcoded-password
    const char *pw = getenv("DB_PASSWORD");
    // ok: secret.hardcoded-password
    mysql_real_connect(db, "db.local", "app", pw, "shop", 0, NULL, 0);
    // ok: secret.hardcoded-password
    printf("Enter password for %s: ", c->user);
}
