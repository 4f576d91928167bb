# ruleid: debug.leftover-marker
# DO NOT SHIP: skips the certificate check
[System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true }
<# ruleid: debug.leftover-marker #>
<# 動作確認用 #>
Write-Host $Config
# ok: debug.leftover-marker
# Releases are signed by the build agent.
