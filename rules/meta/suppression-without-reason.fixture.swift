// ok: meta.suppression-without-reason, secret.hardcoded-password
let password = "Sw1ft!Fixture" // secure-coding-ignore secret.hardcoded-password: preview data for SwiftUI canvases
// ruleid: meta.suppression-without-reason
/* secure-coding-ignore secret.hardcoded-password */
// ruleid: secret.hardcoded-password
let adminPassword = "Sw1ft!Admin"
