/* Fixture for c.banned.isbadptr. */
#include <windows.h>

BOOL check(void *p, UINT_PTR n, LPCSTR s, FARPROC fn) {
    // ruleid: c.banned.isbadptr
    if (IsBadReadPtr(p, n)) return FALSE;
    // ruleid: c.banned.isbadptr
    if (IsBadWritePtr(p, n)) return FALSE;
    // ruleid: c.banned.isbadptr
    if (IsBadStringPtrA(s, 256)) return FALSE;
    // ruleid: c.banned.isbadptr
    if (IsBadCodePtr(fn)) return FALSE;
    // ok: c.banned.isbadptr
    if (p == NULL || n == 0) return FALSE;
    return TRUE;
}
