#include <string.h>

/* ruleid: account.test-account */
#define TEST_USER "test01"
#define TEST_PASS "t3st-pass"

/* ok: account.test-account */
#define APP_NAME "contest-runner"
