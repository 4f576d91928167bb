-- ruleid: secret.hardcoded-password
local password = "Lu4!Pass"
-- ok: secret.hardcoded-password
local password_prompt = "Enter your password"
-- ok: secret.hardcoded-password
local env_password = os.getenv("DB_PASSWORD")

local config = {
  user = "svc",
  -- ruleid: secret.hardcoded-password
  password = "T4ble!Field",
  -- ruleid: secret.hardcoded-password
  ["db_password"] = "Br4cket!Key",
}

-- ruleid: secret.hardcoded-password
config.secret = 'Ass1gn!Field'
