/*
 * Fixture for c.risky.memcpy: a function-like macro that calls memcpy is a way of calling it. Its uses are reported
 * (and judged with the arguments written there), not its #define; a macro the file never uses is reported at its body.
 */
#include <string.h>

// ok: c.risky.memcpy
#define COPY(dst, src, n) memcpy((dst), (src), (n))
// ok: c.risky.memcpy
#define COPY_FIELD(dst, src) COPY(dst, src, sizeof(dst))
// ok: c.risky.memcpy
#define fast_copy memcpy
// ruleid: c.risky.memcpy
#define UNUSED_COPY(d, s, n) memmove(d, s, n)

void use(char *dst, const char *src, size_t n) {
    char tag[8];
    // ruleid: c.risky.memcpy
    COPY(dst, src, n);
    // ok: c.risky.memcpy
    COPY(tag, src, sizeof tag);
    // ok: c.risky.memcpy
    COPY_FIELD(tag, src);
    // ruleid: c.risky.memcpy
    fast_copy(dst, src, n);
    // info: c.risky.memcpy
    COPY(tag, src, 4);
    // ruleid: c.risky.memcpy
    COPY(tag, src, 9);
}
