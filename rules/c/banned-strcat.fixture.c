/* Fixture for c.banned.strcat. */
#include <string.h>
#include <windows.h>

// ok: c.banned.strcat
char *strcat(char *restrict dst, const char *restrict src);

// ruleid: c.banned.strcat
#define APPEND(d, s) ((void)strcat((d), (s)))

void build(char *path, size_t n, const char *name, TCHAR *t, wchar_t *w, struct list *l) {
    // ruleid: c.banned.strcat
    strcat(path, "/");
    // ruleid: c.banned.strcat
    strcat(strcat(path, name), ".conf");
    // ruleid: c.banned.strcat
    wcscat(w, L".txt");
    // ruleid: c.banned.strcat
    _tcscat(t, _T(".ini"));
    // ruleid: c.banned.strcat
    _ftcscat(t, _T(".ini"));
    // ruleid: c.banned.strcat
    _mbscat((unsigned char *)path, (const unsigned char *)name);
    // ruleid: c.banned.strcat
    _tccat(t, _T("x"));
    // ruleid: c.banned.strcat
    lstrcat(t, TEXT("\\"));
    // ruleid: c.banned.strcat
    lstrcatW(w, L"\\");
    // ruleid: c.banned.strcat
    StrCat(t, TEXT("x"));
    // ruleid: c.banned.strcat
    StrCatBuffW(w, L"x", 10);
    // ruleid: c.banned.strcat
    StrCatChainW(w, 10, 0, L"x");

    // ok: c.banned.strcat
    strncat(path, name, n - strlen(path) - 1);
    // ok: c.banned.strcat
    strlcat(path, name, n);
    // ok: c.banned.strcat
    strcat_s(path, n, name);
    // ok: c.banned.strcat
    l->strcat(l, name);
    // ok: c.banned.strcat
    log_message("strcat(path, name) failed");
}
