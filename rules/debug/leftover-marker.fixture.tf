# ruleid: debug.leftover-marker
# デバッグ用: 本番では削除
output "db_endpoint_debug" { value = aws_db_instance.main.endpoint }
# ok: debug.leftover-marker
# Releases are tagged from main.
