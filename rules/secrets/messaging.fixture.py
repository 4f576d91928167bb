# ruleid: secret.messaging-credential
MAILCHIMP_API_KEY = "f11e9577d7d5abfdcb64f3f0468e068a-us14"
# ruleid: secret.messaging-credential
bot = telebot.TeleBot("1841800797:AA3uhDGbdjPPKffezCIcqp00u87JUjubeOa")
# ok: secret.messaging-credential
bot = telebot.TeleBot(os.environ["TELEGRAM_BOT_TOKEN"])
# ruleid: secret.messaging-credential
MAILGUN = {"domain": "mg.acme.io", "mailgun_key": "key-3ax6xnjp29jd6fds4gc373sgvjxteol0"}
