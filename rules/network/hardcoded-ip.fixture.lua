-- ruleid: network.hardcoded-ip
local upstream = "10.10.1.1"
-- ok: network.hardcoded-ip
local loopback = "127.0.0.1"
-- ruleid: network.hardcoded-ip
core.Debug("backend at " .. "172.16.8.20")
-- ok: network.hardcoded-ip
local doc = "198.51.100.3"
