/* Fixture for c.risky.strtok. */
#include <string.h>
#include <tchar.h>
#include <wchar.h>

void split(char *line, TCHAR *t, wchar_t *w) {
    char *state;
    wchar_t *wstate;
    // ruleid: c.risky.strtok
    for (char *tok = strtok(line, ","); tok; tok = strtok(NULL, ",")) {
    }
    // ruleid: c.risky.strtok
    _tcstok(t, _T(";"));
    // ruleid: c.risky.strtok
    _mbstok((unsigned char *)line, (const unsigned char *)" ");

    // ok: c.risky.strtok
    strtok_r(line, ",", &state);
    // ok: c.risky.strtok
    strtok_s(line, ",", &state);
    // ok: c.risky.strtok
    wcstok(w, L",", &wstate);
    // ok: c.risky.strtok
    strsep(&line, ",");
}
