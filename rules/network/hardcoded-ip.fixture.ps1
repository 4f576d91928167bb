# ruleid: network.hardcoded-ip
$Server = "10.10.1.1"
# ok: network.hardcoded-ip
$Loopback = "127.0.0.1"
# ruleid: network.hardcoded-ip
Test-Connection -ComputerName "172.16.8.20" -Count 1
# ok: network.hardcoded-ip
$Version = "10.0.17763.1"
