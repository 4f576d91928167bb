/* Fixture for c.risky.alloca. */
#include <alloca.h>
#include <malloc.h>
#include <stdlib.h>

// ruleid: c.risky.alloca
#define STACK_COPY(n) memcpy(alloca(n), src, n)

void work(size_t n) {
    // ruleid: c.risky.alloca
    char *tmp = alloca(n);
    // ruleid: c.risky.alloca
    wchar_t *w = (wchar_t *)_alloca(n * sizeof *w);
    // ruleid: c.risky.alloca
    void *b = __builtin_alloca(n);
    // ok: c.risky.alloca
    char *heap = malloc(n);
    // ok: c.risky.alloca
    void *m = _malloca(n);
    _freea(m);
    free(heap);
}
