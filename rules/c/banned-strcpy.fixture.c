/* Fixture for c.banned.strcpy: real calls of the family are flagged; look-alikes are not. */
#include <string.h>
#include <tchar.h>
#include <windows.h>
#include "strcpy.h"

/* A comment that mentions strcpy(dst, src) is not a call. */
// Neither is this one: strcpy(a, b);

// ok: c.banned.strcpy
char *strcpy(char *dst, const char *src);
// ok: c.banned.strcpy
extern wchar_t *wcscpy(wchar_t *, const wchar_t *);
// ok: c.banned.strcpy
char *my_strcpy(char *dst, const char *src);

struct copier {
    // ok: c.banned.strcpy
    char *(*strcpy)(char *, const char *);
};

// A wrapper macro the file uses is reported where it is used (line 73), not here.
// ok: c.banned.strcpy
#define COPY(dst, src) strcpy(dst, src)
// ruleid: c.banned.strcpy
#define COPY_WIDE(dst, src) do { wcscpy(dst, src); } while (0)
#define COPY_LONG(dst, src) \
    do { \
        /* ruleid: c.banned.strcpy */ \
        _tcscpy(dst, src); \
    } while (0)
// ok: c.banned.strcpy
#define COPY_FN strcpy
// ok: c.banned.strcpy
#define NAME "strcpy(a, b)"

void copy_name(struct copier *c, struct copier cc, const char *name, TCHAR *t, const TCHAR *ts) {
    char buf[32];
    wchar_t wbuf[32];
    unsigned char mb[32];
    // ruleid: c.banned.strcpy
    strcpy(buf, name);
    // ruleid: c.banned.strcpy
    (strcpy)(buf, name);
    // ruleid: c.banned.strcpy
    if (strcpy(buf, name) != NULL) {}
    // ruleid: c.banned.strcpy
    wcscpy(wbuf, L"name");
    // ruleid: c.banned.strcpy
    _tcscpy(t, ts);
    // ruleid: c.banned.strcpy
    _ftcscpy(t, ts);
    // ruleid: c.banned.strcpy
    _mbscpy(mb, (const unsigned char *)name);
    // ruleid: c.banned.strcpy
    _mbccpy(mb, (const unsigned char *)name);
    // ruleid: c.banned.strcpy
    _tccpy(t, ts);
    // ruleid: c.banned.strcpy
    lstrcpy(t, ts);
    // ruleid: c.banned.strcpy
    lstrcpyA(buf, name);
    // ruleid: c.banned.strcpy
    lstrcpyW(wbuf, L"name");
    // ruleid: c.banned.strcpy
    StrCpy(t, ts);
    // ruleid: c.banned.strcpy
    StrCpyW(wbuf, L"x");
    // ruleid: c.banned.strcpy
    strcpyA(buf, name);
    // ruleid: c.banned.strcpy
    stpcpy(stpcpy(buf, name), ".txt");
    // ruleid: c.banned.strcpy
    COPY(buf, name); strcpy(buf, name);

    // ok: c.banned.strcpy
    strcpy_s(buf, sizeof buf, name);
    // ok: c.banned.strcpy
    my_strcpy(buf, name);
    // ok: c.banned.strcpy
    c->strcpy(buf, name);
    // ok: c.banned.strcpy
    cc.strcpy(buf, name);
    // ok: c.banned.strcpy
    puts("do not call strcpy(buf, name)");
    // ok: c.banned.strcpy
    char *(*fp)(char *, const char *) = &strcpy;
    // ok: c.banned.strcpy
    fp = strcpy;
    /* a macro that names strcpy: a call of it is a call of strcpy */
    // ruleid: c.banned.strcpy
    COPY_FN(buf, name);
    // ok: c.banned.strcpy
    int strcpy_count = sizeof(strcpy);
    // ok: c.banned.strcpy
    xstrcpy(buf, name); strcpyx(buf, name); Strcpy(buf, name);
}

/* Code the parser cannot fully understand still has its calls found. */
__attribute__((noinline)) static void attributed(char *d, const char *s) {
    // ruleid: c.banned.strcpy
    strcpy(d, s);
}

/* K&R definition. */
int old_style(d, s)
    char *d;
    char *s;
{
    // ruleid: c.banned.strcpy
    return strcpy(d, s) != 0;
}

/* A function split by #ifdef, which leaves an error in the syntax tree. */
void split(char *d, const char *s)
#ifdef WIDE
{
    // ruleid: c.banned.strcpy
    wcscpy((wchar_t *)d, (const wchar_t *)s);
#else
{
    // ruleid: c.banned.strcpy
    strcpy(d, s);
#endif
}
