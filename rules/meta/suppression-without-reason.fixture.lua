-- ok: meta.suppression-without-reason, secret.hardcoded-password
local password = "Lu4!Fixture" -- secure-coding-ignore secret.hardcoded-password: local development fixture
-- ruleid: meta.suppression-without-reason
--[[ secure-coding-ignore secret.hardcoded-password ]]
-- ruleid: secret.hardcoded-password
local admin_password = "Lu4!Admin"
