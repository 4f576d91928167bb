/* Fixture for c.risky.memcpy: raw copies, except those sized by the destination itself. */
#include <string.h>
#include <strings.h>
#include <windows.h>

struct header { unsigned len; char tag[8]; };

// ok: c.risky.memcpy
void *memcpy(void *restrict dst, const void *restrict src, size_t n);

void copy(char *dst, const char *src, size_t n, const unsigned char *packet, struct header *out, wchar_t *w) {
    struct header h;
    char tag[8];
    // ruleid: c.risky.memcpy
    memcpy(dst, src, n);
    // ruleid: c.risky.memcpy
    memcpy(h.tag, packet + 4, packet[3]);
    // ruleid: c.risky.memcpy
    memmove(dst, dst + 1, n - 1);
    // ruleid: c.risky.memcpy
    wmemcpy(w, L"abc", 3);
    // ruleid: c.risky.memcpy
    CopyMemory(dst, src, n);
    // ruleid: c.risky.memcpy
    RtlCopyMemory(dst, src, n);
    // ruleid: c.risky.memcpy
    bcopy(src, dst, n);
    // ruleid: c.risky.memcpy
    memcpy(tag, src, sizeof h);

    // ok: c.risky.memcpy
    memcpy(&h, packet, sizeof h);
    // ok: c.risky.memcpy
    memcpy(&h, packet, sizeof(h));
    // ok: c.risky.memcpy
    memcpy(tag, src, sizeof tag);
    // ok: c.risky.memcpy
    memcpy(out, &h, sizeof *out);
    // ok: c.risky.memcpy
    memcpy(h.tag, src, sizeof(h.tag));
    // ok: c.risky.memcpy
    bcopy(src, tag, sizeof tag);
    // ok: c.risky.memcpy
    memcpy(tag, src, MIN(n, sizeof tag));
    // ok: c.risky.memcpy
    memcpy(tag, src, n < sizeof tag ? n : sizeof tag);
    // ruleid: c.risky.memcpy
    memcpy(tag, src, n < sizeof tag ? sizeof tag : n);
    // ok: c.risky.memcpy
    memcpy_s(dst, n, src, n);
    // ok: c.risky.memcpy
    memset(dst, 0, n);
}
