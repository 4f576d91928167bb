/* Fixture for c.risky.strncat. */
#include <string.h>
#include <windows.h>

// ruleid: c.risky.strncat
#define APPEND_SOME(d, s) strncat(d, s, sizeof(d) - strlen(d) - 1)

void append(char *dst, size_t n, const char *src, wchar_t *w, TCHAR *t) {
    char path[64] = "/tmp/";
    // ruleid: c.risky.strncat
    strncat(path, src, sizeof path);
    // ruleid: c.risky.strncat
    wcsncat(w, L"abc", 3);
    // ruleid: c.risky.strncat
    _tcsncat(t, TEXT("abc"), 3);
    // ruleid: c.risky.strncat
    StrNCatW(w, L"abc", 3);
    // ruleid: c.risky.strncat
    lstrcatnW(w, L"abc", 3);

    // ok: c.risky.strncat
    strlcat(path, src, sizeof path);
    // ok: c.risky.strncat
    strncat_s(path, sizeof path, src, _TRUNCATE);
}
