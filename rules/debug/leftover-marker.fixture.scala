// ruleid: debug.leftover-marker
// TODO: remove before release
val skipChecks = true
// ok: debug.leftover-marker
// Releases are cut from main every two weeks.
