/**
 * The rulebook "Open Rulebook" writes when the workspace has none: valid as it stands (it only extends the
 * built-in default), with commented examples of the keys a team changes first. Pure text, so tests load it
 * through the engine.
 */

const EN = `# Secure Coding Rulebook for this workspace.
# The built-in default rules apply first; this file adds rules and changes existing ones.
# With the YAML extension installed, VS Code completes and checks every key of this file.
version: 1
name: My team
extends:
  - builtin:default

# Rules that do not run here: rule ids, or prefixes ending in "*".
disable: []
#  - c.banned.gets

# Changes to a rule without copying it, keyed by rule id.
overrides: {}
#  c.banned.gets:
#    severity: warning

# Per-path changes, keyed by a glob relative to the workspace folder.
paths: {}
#  "test/**":
#    disable:
#      - secret.*

# Your own rules.
rules: []
#  - id: team.no-internal-host
#    kind: pattern
#    severity: warning
#    scope: string
#    regex: 'intranet\\.example\\.com'
#    message:
#      en: "Do not hardcode the internal host {value}."
#      ja: "社内ホスト {value} をハードコードしないでください。"
#    rationale:
#      en: "Hosts change between environments; read them from configuration."
#      ja: "ホストは環境ごとに変わるため、設定から読み込んでください。"
`;

const JA = `# このワークスペースのセキュアコーディング規約です。
# 組み込みの既定ルールが先に適用され、このファイルでルールを追加・変更します。
# YAML 拡張機能を入れると、VS Code がこのファイルのすべてのキーを補完・検証します。
version: 1
name: My team
extends:
  - builtin:default

# 実行しないルール: ルール ID、または "*" で終わる接頭辞。
disable: []
#  - c.banned.gets

# ルールをコピーせずに変更します（キーはルール ID）。
overrides: {}
#  c.banned.gets:
#    severity: warning

# パスごとの変更（キーはワークスペースフォルダーからの相対 glob）。
paths: {}
#  "test/**":
#    disable:
#      - secret.*

# 独自のルール。
rules: []
#  - id: team.no-internal-host
#    kind: pattern
#    severity: warning
#    scope: string
#    regex: 'intranet\\.example\\.com'
#    message:
#      en: "Do not hardcode the internal host {value}."
#      ja: "社内ホスト {value} をハードコードしないでください。"
#    rationale:
#      en: "Hosts change between environments; read them from configuration."
#      ja: "ホストは環境ごとに変わるため、設定から読み込んでください。"
`;

/** The starter rulebook with comments in the user's language (`ja…` → Japanese, anything else → English). */
export function starterRulebook(language: string): string {
  return language.toLowerCase().startsWith('ja') ? JA : EN;
}
