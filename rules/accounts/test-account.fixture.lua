-- ruleid: account.test-account
local test_user = "tester"
local test_password = "t3st!lua"

local accounts = {
  -- ruleid: account.test-account
  { user = "demo", password = "Demo#2024" },
  -- ok: account.test-account
  { user = "tanaka", password = os.getenv("TANAKA_PASS") },
}
