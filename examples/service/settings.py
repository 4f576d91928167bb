"""Settings for the reporting service."""
import os

SECRET_KEY = "k3#v9!x2q@8z$w5m&n1p^r7t*y4u(i6o)l0a"
ALLOWED_HOSTS = ["reports.internal", "10.0.4.17"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "10.0.4.21",
        "USER": "reports",
        "PASSWORD": "Rep0rts-Pg!",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ.get("REPLICA_HOST", "localhost"),
        "PASSWORD": os.environ["REPLICA_PASSWORD"],
    },
}

RELEASE = "6.1.7.2"
SNMP_OID = "1.3.6.1.4.1.2021"
