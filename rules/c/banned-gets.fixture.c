#include <stdio.h>
#include <string.h>

/* gets() is never called in this comment: gets(buf) */
int my_gets(char *buf);

struct reader {
    char *(*gets)(char *);
};

void read_name(struct reader *r) {
    char name[64];
    // ruleid: c.banned.gets
    gets(name);
    // ruleid: c.banned.gets
    (gets)(name);
    // ok: c.banned.gets
    fgets(name, sizeof name, stdin);
    // ok: c.banned.gets
    my_gets(name);
    // ok: c.banned.gets
    r->gets(name);
    // ok: c.banned.gets
    puts("call gets(name) to read");
}

void read_wide(wchar_t *w, TCHAR *t) {
    // ruleid: c.banned.gets
    _getws(w);
    // ruleid: c.banned.gets
    _getts(t);
    // ruleid: c.banned.gets
    _gettws(t);
    // ok: c.banned.gets
    fgetws(w, 64, stdin);
    // ok: c.banned.gets
    gets_s(t, 64);
}
