# ruleid: secret.hardcoded-password
DEPLOY_PASSWORD := Mak3-c0lon!pw
# ruleid: secret.generic-token
API_TOKEN ?= 5d1f8b3e9a7c2e4f6b0d
# ruleid: secret.hardcoded-password
override REGISTRY_PASSWORD = Overr1de#pw
# ruleid: secret.hardcoded-password
CFLAGS += -DFIRMWARE_PASSWORD=\"Fl4g-esc!pw\"
# ok: secret.hardcoded-password
DEPLOY_PASSWORD := $(shell cat /run/secrets/deploy)
# ok: secret.hardcoded-password
PASSWORD_FILE ?= /etc/deploy/password
