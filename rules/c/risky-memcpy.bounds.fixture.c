/*
 * Fixture for c.risky.memcpy: copies whose bound is evident a few lines around them are reported at info (not
 * gating), with the reason; near misses (the wrong buffer, the source's size, a check too far above, a length
 * changed after its check) stay warnings.
 */
#include <stdlib.h>
#include <string.h>

struct record { int kind; char name[16]; };

int constants(const char *src) {
    char name[32];
    char small[8];
    // info: c.risky.memcpy
    memcpy(name, src, 16);
    // info: c.risky.memcpy
    memcpy(name, src, 32);
    // ruleid: c.risky.memcpy
    memcpy(name, src, 33);
    // ruleid: c.risky.memcpy
    memcpy(name + 24, src, 16);
    // info: c.risky.memcpy
    memcpy(name + 16, src, 16);
    // ruleid: c.risky.memcpy
    memcpy(small, src, sizeof name);
    return small[0];
}

void types(struct record *out, const unsigned char *packet) {
    struct record r;
    // info: c.risky.memcpy
    memcpy(&r, packet, sizeof(struct record));
    // info: c.risky.memcpy
    memcpy(out, &r, sizeof(struct record));
    // ruleid: c.risky.memcpy
    memcpy(r.name, packet, sizeof(struct record));
    // info: c.risky.memcpy
    memcpy(r.name, packet, 16);
}

char *allocated(const char *src, size_t n) {
    char *copy = malloc(n + 1);
    if (copy == NULL) return NULL;
    // info: c.risky.memcpy
    memcpy(copy, src, n);
    copy[n] = '\0';
    char *other = malloc(n);
    // ruleid: c.risky.memcpy
    memcpy(other, src, n + 1);
    // ruleid: c.risky.memcpy
    memcpy(copy, src, 2 * n);
    return copy;
}

int checked(char *dst, const char *src, size_t n) {
    char buf[64];
    char other[16];
    if (n > sizeof buf)
        return -1;
    // info: c.risky.memcpy
    memcpy(buf, src, n);
    // ruleid: c.risky.memcpy
    memcpy(other, src, n);
    if (n <= sizeof other) {
        // info: c.risky.memcpy
        memcpy(other, src, n);
    }
    if (n < sizeof other) {
        /* a check that does not leave: the copy below runs either way */
        other[0] = 1;
    }
    // ruleid: c.risky.memcpy
    memcpy(other, src, n);
    return buf[0] + dst[0];
}

int clamped(const char *src, size_t n) {
    char buf[32];
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    // info: c.risky.memcpy
    memcpy(buf, src, n);
    buf[n] = '\0';
    return buf[0];
}

int changed_after_check(const char *src, size_t n) {
    char buf[32];
    if (n > sizeof buf)
        return -1;
    n += 4;
    // ruleid: c.risky.memcpy
    memcpy(buf, src, n);
    return buf[0];
}

int checked_far_above(const char *src, size_t n) {
    char buf[32];
    if (n > sizeof buf)
        return -1;
    buf[0] = 0;
    buf[1] = 0;
    buf[2] = 0;
    buf[3] = 0;
    buf[4] = 0;
    buf[5] = 0;
    buf[6] = 0;
    buf[7] = 0;
    buf[8] = 0;
    buf[9] = 0;
    buf[10] = 0;
    buf[11] = 0;
    buf[12] = 0;
    buf[13] = 0;
    buf[14] = 0;
    buf[15] = 0;
    // ruleid: c.risky.memcpy
    memcpy(buf, src, n);
    return buf[0];
}

void in_a_loop(char *const *parts, const size_t *lengths, int count, size_t n) {
    char buf[32];
    if (n > sizeof buf)
        return;
    for (int i = 0; i < count; i++) {
        /* checked before the loop, but the second round copies the length set at the end of the first */
        // ruleid: c.risky.memcpy
        memcpy(buf, parts[i], n);
        n = lengths[i];
    }
    for (int i = 0; i < count; i++) {
        if (lengths[i] > sizeof buf)
            continue;
        // info: c.risky.memcpy
        memcpy(buf, parts[i], lengths[i]);
    }
}

int signed_checked(const char *src, int len) {
    char buf[64];
    if (len > 64)
        return -1;
    /* a negative length passes the check and becomes a huge size_t */
    // ruleid: c.risky.memcpy
    memcpy(buf, src, len);
    return buf[0];
}

int signed_checked_both_ways(const char *src, int len) {
    char buf[64];
    if (len < 0 || len > 64)
        return -1;
    // info: c.risky.memcpy
    memcpy(buf, src, len);
    return buf[0];
}

int signed_against_sizeof(const char *src, int len) {
    char buf[64];
    /* compared in size_t: a negative length is huge here and fails the check */
    if (len > sizeof buf)
        return -1;
    // info: c.risky.memcpy
    memcpy(buf, src, len);
    return buf[0];
}

int signed_against_signed_sizeof(const char *src, int len) {
    char buf[64];
    if (len > (int)sizeof buf)
        return -1;
    // ruleid: c.risky.memcpy
    memcpy(buf, src, len);
    return buf[0];
}

int aliases_and_parameters(char *out, const char *src, unsigned char sig[64]) {
    char *p = out;
    /* a pointer set from another says nothing of how much room either has */
    // ruleid: c.risky.memcpy
    memcpy(p, "key=", 4);
    /* an array parameter is a pointer: the caller may pass less */
    // ruleid: c.risky.memcpy
    memcpy(sig, src, 64);
    return p[0];
}

int products_and_headers(const char *src, size_t n, size_t m) {
    char buf[16];
    /* a product in parentheses is no cast: the length is n * m + 1, not 1 */
    // ruleid: c.risky.memcpy
    memcpy(buf, src, (n * m) + 1);
    return buf[0];
}

struct message { int stream; };

void grow_and_append(struct message *msg, const char *data, size_t sent) {
    size_t msglen = (sizeof *msg) + sent;
    msg = realloc(msg, msglen);
    // info: c.risky.memcpy
    memcpy(msg + 1, data, sent);
    // ruleid: c.risky.memcpy
    memcpy(msg + 2, data, sent);
}

struct run { char *pos; size_t vlen; };
void assemble(struct run *run);

char *conditionally_allocated(char *p, const char *src, size_t n, int fresh) {
    if (fresh)
        p = malloc(n);
    /* allocated on one path only: the other keeps whatever p was */
    // ruleid: c.risky.memcpy
    memcpy(p, src, n);
    if ((p = malloc(n)) == NULL)
        return NULL;
    // info: c.risky.memcpy
    memcpy(p, src, n);
    return p;
}

void moved_by_a_call(struct run *run, const char *value, size_t total) {
    char *buf = malloc(total + run->vlen);
    run->pos = buf;
    // info: c.risky.memcpy
    memcpy(run->pos, value, run->vlen);
    assemble(run);
    /* assemble() may have moved run->pos anywhere in the buffer */
    // ruleid: c.risky.memcpy
    memcpy(run->pos, value, run->vlen);
}

void before_the_end(char *end, const char *src, size_t n) {
    char buf[16];
    /* n bytes before `end` fit only if the buffer holds n bytes before it */
    // ruleid: c.risky.memcpy
    memcpy(end - n, src, n);
    // ruleid: c.risky.memcpy
    memcpy(buf + 16 - n, src, n);
}

struct chunk { size_t size; size_t fill; char *bytes; };

int room_left(struct chunk *c, const char *src, size_t n, int status) {
    size_t room = c->size - c->fill;
    if (room > n)
        room = n;
    /* the length is what is left after what the chunk holds, taken from its size */
    // info: c.risky.memcpy
    memcpy(c->bytes + c->fill, src, room);
    size_t all = c->size;
    /* the whole size, copied after what the chunk already holds */
    // ruleid: c.risky.memcpy
    memcpy(c->bytes + c->fill, src, all);
    if (status != 0)
        return status;
    /* a size named after the chunk counts only beside a check of the copy; one of something else is none */
    // ruleid: c.risky.memcpy
    memcpy(c->bytes, src, c->size);
    return 0;
}

/* a string shifted within itself: the bytes it moves are the string's own, NUL included */
void drop_first(char *word, char **cursor) {
    // info: c.risky.memcpy
    memmove(word, word + 1, strlen(word + 1) + 1);
    size_t rest = strlen(*cursor);
    // info: c.risky.memcpy
    memmove(*cursor, *cursor + 1, rest);
    /* one byte further right than the string reaches */
    // ruleid: c.risky.memcpy
    memmove(word + 1, word, strlen(word) + 1);
    /* the length of another string says nothing of this one */
    // ruleid: c.risky.memcpy
    memmove(word, *cursor, strlen(*cursor) + 1);
}

/* struct pair_req is declared in a system header this file does not show: its fields' sizes are unknown here */
void asserted(struct pair_req *req, const void *group, const void *source, size_t n) {
    STATIC_ASSERT(sizeof(req->group) >= 24);
    // info: c.risky.memcpy
    memcpy(req->group, group, 24);
    // ruleid: c.risky.memcpy
    memcpy(req->source, source, n);
    if (n > 8) {
        STATIC_ASSERT(sizeof(req->source) >= 40);
    }
    /* asserted in a block the copy is not in */
    // ruleid: c.risky.memcpy
    memcpy(req->source, source, 40);
}

void asserted_far_above(struct pair_req *req, const unsigned char *group, size_t n) {
    STATIC_ASSERT(sizeof(req->group) >= 16);
    unsigned int sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += group[i];
    sum ^= sum >> 16;
    sum ^= sum >> 8;
    sum &= 0xff;
    if (sum == 0)
        sum = 1;
    req->kind = sum;
    req->flags = 0;
    req->count = (unsigned int)n;
    req->first = group[0];
    req->last = group[n - 1];
    req->spare = 0;
    /* a build-time fact holds however far above it is written */
    // info: c.risky.memcpy
    memcpy(req->group, group, 16);
    // ruleid: c.risky.memcpy
    memcpy(req->group, group, 17);
}

/* Windows: memory allocated under a handle, then locked; HANDLE and the Global* functions come from windows.h */
char *locked_copy(const char *text, size_t len) {
    HANDLE h = GlobalAlloc(GMEM_MOVEABLE, len + 1);
    char *p = (char *)GlobalLock(h);
    if (p == NULL)
        return NULL;
    // info: c.risky.memcpy
    memcpy(p, text, len + 1);
    HANDLE small = GlobalAlloc(GMEM_MOVEABLE, len);
    char *q = (char *)GlobalLock(small);
    /* one byte more than the handle was allocated with */
    // ruleid: c.risky.memcpy
    memcpy(q, text, len + 1);
    HANDLE other = LocalAlloc(LMEM_FIXED, len + 1);
    char *r = (char *)LocalLock(other);
    len = len * 2;
    /* the length changed after the allocation */
    // ruleid: c.risky.memcpy
    memcpy(r, text, len);
    return p;
}

/* struct opaque is defined elsewhere: the size of its name is unknown here */
void doubled(struct opaque *o, const char *src, size_t n) {
    n = n * 2;
    /* the new n is twice the old one: that says nothing of how it compares with the name's size */
    // ruleid: c.risky.memcpy
    memcpy(o->name, src, n);
}
