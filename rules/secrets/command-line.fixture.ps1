# ruleid: secret.password-on-command-line
Connect-Appliance -Server nas01 -Username admin -Password "Saffron8harbor"
# ruleid: secret.password-on-command-line
$secure = ConvertTo-SecureString -AsPlainText -Force -String "Violet5tundra"
# ok: secret.password-on-command-line
Connect-Appliance -Server nas01 -Username admin -Password $env:NAS_PASSWORD
# ok: secret.password-on-command-line
$secure = Read-Host -AsSecureString -Prompt "Password"
