# ruleid: secret.script-password
$secure = ConvertTo-SecureString "Falcon77!violet" -AsPlainText -Force
# ok: secret.script-password
$secure = ConvertTo-SecureString $env:SVC_PASSWORD -AsPlainText -Force
# ruleid: secret.script-password
docker login registry.acme.io -u ci -p 'Copper42$maple'
