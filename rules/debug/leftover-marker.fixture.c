/* ruleid: debug.leftover-marker */
/* not for production: prints every key */
static int g_dump_keys = 1;
/* ok: debug.leftover-marker */
/* Production builds set NDEBUG. */
static int g_level = 0;
