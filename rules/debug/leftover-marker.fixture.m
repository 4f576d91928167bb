// ruleid: debug.leftover-marker
// TODO: remove before release
static BOOL skipChecks = YES;
// ok: debug.leftover-marker
// Releases are cut from main every two weeks.
