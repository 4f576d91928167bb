# ruleid: secret.script-password
$secure = ConvertTo-SecureString "Falcon77!violet" -AsPlainText -Force
# ok: secret.script-password
$secure = ConvertTo-SecureString $env:SVC_PASSWORD -AsPlainText -Force
# ruleid: secret.script-password
docker login registry.acme.io -u ci -p 'Copper42$maple'
# ruleid: secret.script-password
kubectl create secret generic db --from-literal=password='K8s-l1teral!'
# ok: secret.script-password
kubectl create secret generic db --from-literal=password="$DB_PASSWORD"
# ruleid: secret.script-password
echo "root:R00tShadow!" | chpasswd
# ruleid: secret.script-password
docker run -e POSTGRES_PASSWORD=D0cker-run! postgres:16
# ok: secret.script-password
docker run -e POSTGRES_PASSWORD="$PG_PASSWORD" postgres:16
