#include <stdio.h>

void read_line(char *b)
{
    // ruleid: meta.suppression-without-reason
    // secure-coding-ignore c.banned.gets
    gets(b); // ruleid: c.banned.gets (a suppression without a reason suppresses nothing)

    // ok: meta.suppression-without-reason, c.banned.gets
    gets(b); // secure-coding-ignore c.banned.gets: b is a 4 KiB buffer and stdin is a fixed test vector

    // ruleid: meta.suppression-without-reason
    /* secure-coding-ignore: no rule named */
    // ok: meta.suppression-without-reason
    puts("secure-coding-ignore in a string is not a comment");
}
