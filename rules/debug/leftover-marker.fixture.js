// ruleid: debug.leftover-marker
// TODO: remove before release
const SKIP_CHECKS = true;

/* ruleid: debug.leftover-marker */
/* デバッグ用: 本番では削除 */
window.__dumpState = () => store.getState();

// ruleid: debug.leftover-marker
// DO NOT SHIP: fake payment gateway
const gateway = fakeGateway;

// ok: debug.leftover-marker
// Releases are cut from main every two weeks.
// ok: debug.leftover-marker
const label = "remove before release";
