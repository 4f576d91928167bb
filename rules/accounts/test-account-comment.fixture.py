# ruleid: account.test-account-comment
# test account for the partner demo
PARTNER_USER = load_partner()

# ruleid: account.test-account-comment
# テスト用アカウント（山田）
yamada = users.get("yamada")

# ok: account.test-account-comment
# Run a test print before shipping labels.
print_label()
