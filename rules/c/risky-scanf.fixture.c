/* Fixture for c.risky.scanf-unbounded: only string conversions without a width, or formats that are not literals. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <tchar.h>
#define STR2(x) #x
#define STR(x) STR2(x)
#define NAME_MAX_LEN 31

void parse(FILE *f, const char *line, const char *fmt, TCHAR *t, wchar_t *w, va_list ap) {
    char name[32], rest[64], *owned;
    int a, b;
    unsigned long long big;

    // ruleid: c.risky.scanf-unbounded
    scanf("%s", name);
    // ruleid: c.risky.scanf-unbounded
    fscanf(f, "%d %s", &a, name);
    // ruleid: c.risky.scanf-unbounded
    sscanf(line, "%[^=]=%63s", name, rest);
    // ruleid: c.risky.scanf-unbounded
    sscanf(line, "%2$s %1$d", &a, name);
    // ruleid: c.risky.scanf-unbounded
    sscanf(line, "%ls", w);
    // ruleid: c.risky.scanf-unbounded
    sscanf(line, "%%%s", name);
    // ruleid: c.risky.scanf-unbounded
    sscanf(line, fmt, name);
    // ruleid: c.risky.scanf-unbounded
    vsscanf(line, fmt, ap);
    // ruleid: c.risky.scanf-unbounded
    _stscanf(t, _T("%s"), t);
    // ruleid: c.risky.scanf-unbounded
    swscanf(w, L"%S", name);
    // ruleid: c.risky.scanf-unbounded
    _snscanf(line, 10, "%s", name);
    // ruleid: c.risky.scanf-unbounded
    sscanf(line, "%" SCNu64 " %s", &big, name);

    // ok: c.risky.scanf-unbounded
    scanf("%31s", name);
    // ok: c.risky.scanf-unbounded
    sscanf(line, "%d.%d", &a, &b);
    // ok: c.risky.scanf-unbounded
    sscanf(line, "%31[^=]=%63s", name, rest);
    // ok: c.risky.scanf-unbounded
    sscanf(line, "%*s %d", &a);
    // ok: c.risky.scanf-unbounded
    sscanf(line, "%ms", &owned);
    // ok: c.risky.scanf-unbounded
    sscanf(line, "%" STR(NAME_MAX_LEN) "s", name);
    // ok: c.risky.scanf-unbounded
    sscanf(line, "%" SCNu64, &big);
    // ok: c.risky.scanf-unbounded
    sscanf(line, "100%% %c", name);
    // ok: c.risky.scanf-unbounded
    fscanf(f, "%d", &a);
    // ok: c.risky.scanf-unbounded
    _stscanf(t, _T("%d"), &a);
    // ok: c.risky.scanf-unbounded
    sscanf_s(line, "%s", name, (unsigned)sizeof name);
}
