import smtplib


def send(report, password=None):
    # The token below was rotated; the code now reads it from the vault.
    server = smtplib.SMTP("203.0.113.25", 587)
    server.login("reports@example.com", password or vault_lookup("smtp"))
    server.sendmail("reports@example.com", report.recipients, report.body)


def vault_lookup(name):
    raise NotImplementedError(name)


SMTP_URL = "smtp://mailer:Ma1l3r-2023@10.0.4.30:587"
