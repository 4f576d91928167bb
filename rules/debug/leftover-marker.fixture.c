/* ruleid: debug.leftover-marker */
/* not for production: prints every key */
static int g_dump_keys = 1;
/* ok: debug.leftover-marker */
/* Production builds set NDEBUG. */
static int g_level = 0;

/* ok: debug.leftover-marker */
/* we keep track of where we were and we don't release it before
 * we've protected the next place. */

/* ok: debug.leftover-marker */
/* Don't release the lock before the queue is drained. */

/* ok: debug.leftover-marker */
/* Callers must not release this buffer; do not release this buffer twice. */

/* ruleid: debug.leftover-marker */
/* TODO: do not release this */

/* ruleid: debug.leftover-marker */
/* Never deploy with the fake signer on. */

/* ok: debug.leftover-marker */
/* We never deploy on Fridays, see the runbook. */
