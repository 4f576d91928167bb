/* Fixture for c.banned.sprintf. */
#include <stdio.h>
#include <tchar.h>
#include <windows.h>

// ok: c.banned.sprintf
int sprintf(char *restrict str, const char *restrict format, ...);

// ruleid: c.banned.sprintf
#define FORMAT_ID(buf, id) sprintf(buf, "%08x", (unsigned)(id))

void greet(char *out, size_t n, const char *user, TCHAR *t, wchar_t *w, const char *fmt, struct logger *log) {
    // ruleid: c.banned.sprintf
    sprintf(out, "hello %s", user);
    // ruleid: c.banned.sprintf
    sprintf(out, fmt, user);
    // ruleid: c.banned.sprintf
    int len = sprintf(out, "%d", 42);
    // ruleid: c.banned.sprintf
    _stprintf(t, _T("%s"), t);
    // ruleid: c.banned.sprintf
    _swprintf(w, L"%ls", w);
    // ruleid: c.banned.sprintf
    wsprintf(t, TEXT("%d"), 1);
    // ruleid: c.banned.sprintf
    wsprintfA(out, "%d", 1);
    // ruleid: c.banned.sprintf
    wsprintfW(w, L"%d", 1);
    // ruleid: c.banned.sprintf
    sprintfA(out, "%d", 1);

    // ok: c.banned.sprintf
    snprintf(out, n, "hello %s", user);
    // ok: c.banned.sprintf
    sprintf_s(out, n, "hello %s", user);
    // ok: c.banned.sprintf
    log->sprintf(log, "%s", user);
    // ok: c.banned.sprintf
    asprintf(&out, "%s", user);
    // ok: c.banned.sprintf
    fputs("use snprintf, never sprintf(out, ...)", stderr);
}
