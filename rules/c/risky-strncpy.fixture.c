/* Fixture for c.risky.strncpy. */
#include <string.h>
#include <windows.h>

// ok: c.risky.strncpy
char *strncpy(char *dst, const char *src, size_t n);

void copy(char *dst, size_t n, const char *src, wchar_t *w, TCHAR *t, struct buffer *b) {
    char name[16];
    // ruleid: c.risky.strncpy
    strncpy(name, src, sizeof name);
    name[sizeof name - 1] = '\0';
    // ruleid: c.risky.strncpy
    wcsncpy(w, L"abc", 3);
    // ruleid: c.risky.strncpy
    _tcsncpy(t, TEXT("abc"), 3);
    // ruleid: c.risky.strncpy
    lstrcpyn(t, TEXT("abc"), 3);
    // ruleid: c.risky.strncpy
    StrCpyNW(w, L"abc", 3);
    // ruleid: c.risky.strncpy
    stpncpy(dst, src, n);

    // ok: c.risky.strncpy
    strlcpy(dst, src, n);
    // ok: c.risky.strncpy
    strncpy_s(dst, n, src, _TRUNCATE);
    // ok: c.risky.strncpy
    b->strncpy(b, src);
}
