/* Fixture for c.banned.vsprintf. */
#include <stdarg.h>
#include <stdio.h>
#include <tchar.h>
#include <windows.h>

// ok: c.banned.vsprintf
int vsprintf(char *restrict str, const char *restrict format, va_list ap);

void log_line(char *buf, size_t n, TCHAR *t, wchar_t *w, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    // ruleid: c.banned.vsprintf
    vsprintf(buf, fmt, ap);
    // ruleid: c.banned.vsprintf
    _vstprintf(t, _T("%s"), ap);
    // ruleid: c.banned.vsprintf
    wvsprintf(t, TEXT("%s"), ap);
    // ruleid: c.banned.vsprintf
    wvsprintfW(w, L"%s", ap);
    // ruleid: c.banned.vsprintf
    _vswprintf(w, L"%s", ap);

    // ok: c.banned.vsprintf
    vsnprintf(buf, n, fmt, ap);
    // ok: c.banned.vsprintf
    vsprintf_s(buf, n, fmt, ap);
    va_end(ap);
}
