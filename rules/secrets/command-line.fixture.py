import subprocess

# ruleid: secret.password-on-command-line
subprocess.run(["mysqldump", "-u", "backup", "--password", "Orbit42violet", "shop"], check=True)
# ruleid: secret.password-on-command-line
subprocess.run("gpg --batch --passphrase Copper3quartz -d backup.gpg", shell=True)
# ok: secret.password-on-command-line
subprocess.run(["mysqldump", "-u", "backup", "--password", os.environ["BACKUP_PASSWORD"], "shop"])
# ok: secret.password-on-command-line
parser.add_argument("--password", help="the account password")
