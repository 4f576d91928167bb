/* Fixture for c.banned.makepath and c.banned.splitpath. */
#include <stdlib.h>
#include <tchar.h>

void paths(const char *full, TCHAR *t, wchar_t *w) {
    char path[_MAX_PATH], drive[_MAX_DRIVE], dir[_MAX_DIR], name[_MAX_FNAME], ext[_MAX_EXT];
    // ruleid: c.banned.splitpath
    _splitpath(full, drive, dir, name, ext);
    // ruleid: c.banned.splitpath
    _tsplitpath(t, NULL, NULL, t, NULL);
    // ruleid: c.banned.splitpath
    _wsplitpath(w, NULL, NULL, w, NULL);
    // ruleid: c.banned.makepath
    _makepath(path, drive, dir, "backup", ext);
    // ruleid: c.banned.makepath
    _tmakepath(t, NULL, NULL, t, NULL);
    // ruleid: c.banned.makepath
    _wmakepath(w, NULL, NULL, w, NULL);

    // ok: c.banned.splitpath
    _splitpath_s(full, drive, sizeof drive, dir, sizeof dir, name, sizeof name, ext, sizeof ext);
    // ok: c.banned.makepath
    _makepath_s(path, sizeof path, drive, dir, "backup", ext);
}
