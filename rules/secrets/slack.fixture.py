from slack_sdk import WebClient

# ruleid: secret.slack-token
client = WebClient(token="xoxb-518078375234-6320268749651-ADcl8sBY90wijsBugwbowwCU")
# ruleid: secret.slack-token
USER_TOKEN = "xoxp-066007073053-902503740609-5569113610867-f0b9d2993134b65ab3adf32b1cc8fa65"
# ruleid: secret.slack-webhook
ALERTS = "https://hooks.slack.com/services/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"
# ok: secret.slack-token
client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
# ok: secret.slack-token
HINT = "xoxb-your-bot-token"
# ok: secret.slack-webhook
EXAMPLE = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
