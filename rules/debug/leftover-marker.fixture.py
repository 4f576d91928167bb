# ruleid: debug.leftover-marker
# テスト用の処理（リリース前に削除）
if request.args.get("fast"):
    pass

# ruleid: debug.leftover-marker
# 動作確認用
print(settings.SECRET_KEY)

# ok: debug.leftover-marker
# The test suite lives in tests/.
x = 1

# A test account comment is the account rule's finding, not this one.
# ok: debug.leftover-marker
# テスト用アカウント
