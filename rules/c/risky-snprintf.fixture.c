/* Fixture for c.risky.snprintf-format and c.risky.snprintf-unterminated. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <tchar.h>
#include <libintl.h>
#define _(s) gettext(s)
#define STR(x) #x

static const char *const FORMATS[] = {"%s", "%d"};

// ok: c.risky.snprintf-format
int snprintf(char *restrict str, size_t size, const char *restrict format, ...);

void format(char *buf, size_t n, const char *user, int which, uint64_t bytes, wchar_t *w, TCHAR *t, va_list ap) {
    // ok: c.risky.snprintf-format
    snprintf(buf, n, "%s", user);
    // ok: c.risky.snprintf-format
    snprintf(buf, n, "%" PRIu64 " bytes from %s", bytes, user);
    // ok: c.risky.snprintf-format
    snprintf(buf, n, "first part, "
                     "second part %d", which);
    // ok: c.risky.snprintf-format
    snprintf(buf, n, _("%d files copied"), which);
    // ok: c.risky.snprintf-format
    snprintf(buf, n, which == 1 ? "%d file" : "%d files", which);
    // ok: c.risky.snprintf-format
    snprintf(buf, n, ("%s"), user);
    // ok: c.risky.snprintf-format
    swprintf(w, n, L"%ls", w);
    // ok: c.risky.snprintf-format
    vsnprintf(buf, n, "%s %d", ap);
    // ok: c.risky.snprintf-format
    snprintf(buf, n, "%" STR(16) "s", user);

    // ruleid: c.risky.snprintf-format
    snprintf(buf, n, user);
    // ruleid: c.risky.snprintf-format
    snprintf(buf, n, FORMATS[which], user);
    // ruleid: c.risky.snprintf-format
    vsnprintf(buf, n, user, ap);
    // ruleid: c.risky.snprintf-format
    swprintf(w, n, w);
    // ruleid: c.risky.snprintf-format
    vswprintf(w, n, w, ap);
    // ruleid: c.risky.snprintf-format
    wnsprintfW(w, (int)n, w);

    // ruleid: c.risky.snprintf-unterminated
    _snprintf(buf, n, "%s", user);
    // ruleid: c.risky.snprintf-unterminated
    _snwprintf(w, n, L"%ls", w);
    // ruleid: c.risky.snprintf-unterminated
    _sntprintf(t, n, _T("%s"), t);
    // ruleid: c.risky.snprintf-unterminated
    _vsnprintf(buf, n, "%s", ap);
    // ruleid: c.risky.snprintf-unterminated
    _vsnwprintf(w, n, L"%s", ap);
    // ok: c.risky.snprintf-unterminated
    _snprintf_s(buf, n, _TRUNCATE, "%s", user);
}

/* A printf-style wrapper forwards its own format: reported once, at the wrapper. */
__attribute__((format(printf, 3, 4)))
int format_into(char *buf, size_t n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    // ruleid: c.risky.snprintf-format
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}
