# ruleid: secret.hardcoded-password
$Password = "P0wer!Shell"
# ok: secret.hardcoded-password
$Password = $env:DB_PASSWORD
# ok: secret.hardcoded-password
$PasswordPrompt = "Enter your password"
# ok: secret.hardcoded-password
$Message = "Password for $User changed"

# ruleid: secret.hardcoded-password
function Connect-Db([string]$User, [string]$Password = "Def4ult!pw") { }

# A password given to a command's -Password parameter is the command-line rule's (the name-based rule yields to it).
# ruleid: secret.password-on-command-line
Connect-Db -User svc -Password "N4med!Param"
# ruleid: secret.hardcoded-password
$Settings = @{ User = "svc"; Password = "H4sh!Entry" }
# ruleid: secret.hardcoded-password
$Config.Password = 'Ass1gn!Field'
