import os
import smtplib

# ruleid: secret.hardcoded-password
DB_PASSWORD = "Pg#2024!secret"
# ruleid: secret.hardcoded-password
SECRET_KEY = "django-insecure-8f#k2!x@q"

DATABASES = {
    "default": {
        "USER": "app",
        # ruleid: secret.hardcoded-password
        "PASSWORD": "dj4ng0-db-pw",
    }
}


def send(msg):
    server = smtplib.SMTP("smtp.example.com", 587)
    # ruleid: secret.hardcoded-password
    server.login("alerts@example.com", "Sm7p-Passw0rd")
    # ruleid: secret.hardcoded-password
    conn = psycopg2.connect(host="db", user="app", password="kw-Arg-Pass1")


def check(password="Def4ult!pw"):  # ruleid: secret.hardcoded-password
    # ok: secret.hardcoded-password (a backdoor check: account.backdoor-login reports it)
    if password == "b4ckd00r":
        return True


# ok: secret.hardcoded-password
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ok: secret.hardcoded-password
DB_PASSWORD = os.environ.get("DB_PASSWORD", "")
# ok: secret.hardcoded-password
password = getpass.getpass("Password: ")
# ok: secret.hardcoded-password
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
# ok: secret.hardcoded-password
password = f"{user}-{suffix}"
# ok: secret.hardcoded-password
secret = "changeme"
# ok: secret.hardcoded-password
password = None
# ok: secret.hardcoded-password
pass_rate = "95%"
# ruleid: secret.hardcoded-password
response = requests.get(url, auth=("reporting", "Rep0rt!ng-pw"))
# ok: secret.hardcoded-password
pair = ("reporting", "Rep0rt!ng-pw2")
# ok: secret.hardcoded-password
label = "Violet7%copper could be a password but this is a label"
# ruleid: secret.hardcoded-password
encoded = jwt.encode({"sub": "42"}, "Py-jwt!s3cret", algorithm="HS256")
# ruleid: secret.hardcoded-password
mac = hmac.new(b"Hm4c!bytes-key", msg, hashlib.sha256)
# ok: secret.hardcoded-password
rot = codecs.encode(text, "rot13")
# ruleid: secret.hardcoded-password
ftp = ftplib.FTP("ftp.acme.io", "backup", "Ftp!b4ckup")

# Defaults of parameters, misspelled, abbreviated, numbered and translated names.
# ruleid: secret.hardcoded-password
def connect(host, passwd: str = "Typed-d3fault!"):
    pass
# ruleid: secret.hardcoded-password
def login(user, psswd="Abbr3v!pw"):
    pass
# ruleid: secret.hardcoded-password
pword = "Pw0rd-abbrev!"
# ruleid: secret.hardcoded-password
passwrd = "Miss1ng-o!pw"
# ruleid: secret.hardcoded-password
pasword = "One-s-l3ss!"
# ruleid: secret.hardcoded-password
pass1 = "Numb3red!pw"
# ruleid: secret.hardcoded-password
kennwort = "Deutsch-9pw!"
# ruleid: secret.hardcoded-password
mot_de_passe = "Fran9ais!pw"
# ruleid: secret.hardcoded-password
contraseña = "Espa9ol!pw"
# ruleid: secret.hardcoded-password
パスワード = "Nihong0!pw"
# ruleid: secret.hardcoded-password
admin_kennwort = "Komp0situm!"
# ok: secret.hardcoded-password
passport = "X12345678"
# ok: secret.hardcoded-password
compass = "N45-E120"
# ok: secret.hardcoded-password
bypass = "maintenance-route"
# ok: secret.hardcoded-password
passwords = ["Weak1234!", "Qwerty!234"]
# ok: secret.hardcoded-password
passwordhint = "Pick 12 characters"
# ok: secret.hardcoded-password
secretary = "Jane Doe 3rd floor"
# ok: secret.hardcoded-password
パスワード入力 = "Nyuryoku1!"
