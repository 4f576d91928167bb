# ok: meta.suppression-without-reason, secret.hardcoded-password
$Password = "P0wer!Fixture" # secure-coding-ignore secret.hardcoded-password: lab VM image, reset on every build
# ruleid: meta.suppression-without-reason
<# secure-coding-ignore secret.hardcoded-password #>
# ruleid: secret.hardcoded-password
$AdminPassword = "P0wer!Admin"
