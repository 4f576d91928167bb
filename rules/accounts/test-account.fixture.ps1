# ruleid: account.test-account
$TestUser = "tester"
$TestPassword = "t3st!ps"

# ruleid: account.test-account
Invoke-Login -UserName "demo" -Password (ConvertTo-SecureString "Demo#2024" -AsPlainText -Force)

# ok: account.test-account
$AdminUser = "ops-admin"
$AdminPassword = $env:ADMIN_PASSWORD
