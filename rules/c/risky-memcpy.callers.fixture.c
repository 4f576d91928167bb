/*
 * Fixture for c.risky.memcpy: a copy through the parameters of a static function is judged at its calls, with the
 * arguments written there. Bounded at every call (info); near misses stay warnings: one call passes too long a
 * length, the function is not static, a pointer to it is taken, the copy reads a parameter the function changes
 * first or measures it with sizeof, or the copy reads one of the function's own variables.
 */
#include <stddef.h>
#include <string.h>

struct frame {
    unsigned char head[4];
    char label[12];
};

static void put_label(char *out, const char *text, size_t len)
{
    // info: c.risky.memcpy
    memcpy(out, text, len);
}

static void put_word(unsigned char *out, size_t at, const unsigned char *word)
{
    // info: c.risky.memcpy
    memcpy(out + at, word, 4);
}

static void put_word_loose(unsigned char *out, size_t at, const unsigned char *word)
{
    /* one call below starts the word two bytes before the end of its buffer */
    // ruleid: c.risky.memcpy
    memcpy(out + at, word, 4);
}

void put_exported(char *out, const char *text, size_t len)
{
    /* other files may call it with anything */
    // ruleid: c.risky.memcpy
    memcpy(out, text, len);
}

static void put_through_pointer(char *out, const char *text, size_t len)
{
    /* reached through a pointer too: not every call is in sight */
    // ruleid: c.risky.memcpy
    memcpy(out, text, len);
}

static void put_grown(char *out, const char *text, size_t len)
{
    len += 8;
    // ruleid: c.risky.memcpy
    memcpy(out, text, len);
}

static void put_pointer_size(char *out, const char *text)
{
    /* sizeof a pointer parameter is the pointer's size, whatever the caller passed */
    // ruleid: c.risky.memcpy
    memcpy(out, text, sizeof(out) * 4);
}

static void put_own_length(char *out, const char *text, size_t len)
{
    size_t total = len * 2;
    // ruleid: c.risky.memcpy
    memcpy(out, text, total);
}

void (*label_writer)(char *, const char *, size_t) = put_through_pointer;

int callers(const char *text, const unsigned char *word, size_t n)
{
    char name[32];
    struct frame f;
    unsigned char block[16];
    put_label(name, text, sizeof name);
    put_label(f.label, text, sizeof f.label);
    if (n > sizeof name)
        return -1;
    put_label(name, text, n);
    put_word(block, 12, word);
    put_word(f.head, 0, word);
    put_word_loose(block, 8, word);
    put_word_loose(block, 14, word);
    put_exported(name, text, sizeof name);
    put_through_pointer(name, text, sizeof name);
    put_grown(name, text, 8);
    put_pointer_size(name, text);
    put_own_length(name, text, 8);
    return name[0] + f.label[0] + block[0];
}
