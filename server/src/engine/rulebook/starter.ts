/**
 * The starter rulebook `rulebook init` writes: every section with a comment saying what it does, and two working
 * rules (a regex and a tree-sitter query) with examples, to copy from. Comments in English or Japanese; the rules'
 * own texts are in both. A test loads both versions and requires zero problems.
 */
import { Locale } from './types';

const RULES = String.raw`rules:
  - id: my-team.internal-host
    kind: pattern
    languages: [python, javascript, typescript, java, go, csharp, php, ruby]
    # {regex}
    regex: '[a-z0-9-]+\.corp\.example\.com'
    # {scope}
    scope: string
    severity: warning
    message:
      en: "Internal host name {value} is hardcoded"
      ja: "社内ホスト名 {value} がハードコードされています"
    rationale:
      en: >-
        Internal host names in code leak the network's layout and break when the host moves.
        Read the address from configuration or the environment.
      ja: >-
        コード中の社内ホスト名はネットワーク構成を漏らし、ホストの移動で動かなくなります。
        設定ファイルや環境変数から読み込んでください。
    # {examples}
    examples:
      bad:
        - 'api = "https://build.corp.example.com/v1"'
        - { language: javascript, code: 'const api = "https://build.corp.example.com/v1";' }
      good:
        - 'api = os.environ["BUILD_API"]'
        - '# docs: see build.corp.example.com'

  - id: my-team.python-eval
    kind: pattern
    languages: [python]
    # {query}
    query: |
      (call
        function: (identifier) @call
        (#match? @call "^(eval|exec)$"))
    severity: error
    cwe: [95]
    message:
      en: "{value}() runs text as code"
      ja: "{value}() は文字列をコードとして実行します"
    rationale:
      en: >-
        eval() and exec() run whatever text reaches them; with any outside input that is code injection (CWE-95).
        Parse data with json.loads() or ast.literal_eval() instead.
      ja: >-
        eval() と exec() は渡された文字列をそのまま実行します。外部からの入力が届けばコードインジェクション（CWE-95）です。
        データは json.loads() や ast.literal_eval() で解析してください。
    examples:
      bad:
        - "result = eval(user_input)"
      good:
        - "result = ast.literal_eval(user_input)"
        - "model.eval()"
`;

const TEMPLATE = String.raw`# {title}
# {intro1}
# {intro2}
#   npx rulebook check
#   npx rulebook explain src/main.c
# {reference}

# {version}
version: 1

# {name}
name: my-team

# {extends1}
# {extends2}
#   extends: [builtin:default, ../org-rulebook]
extends:
  - builtin:default

# {disable}
disable: []

# {enable}
enable: []

# {overrides1}
# {overrides2}
#   c.banned.gets:
#     severity: warning
overrides: {}

# {classes1}
# {classes2}
# {classes3}
path_classes:
  # {vendor}
  vendored:
    globs: []
  # test:
  #   globs: ["qa/**"]

# {paths1}
# {paths2}
# {legacy}
#   "src/legacy/**":
#     severity: warning
paths: {}

# {rules1}
# {rules2}
${RULES}`;

type Texts = Record<string, string>;

const EN: Texts = {
  title: 'Secure-coding rulebook for this repository.',
  intro1: 'The editor extension and the `rulebook` command read this file. Check it, and see what applies to a file',
  intro2: 'and why, with:',
  reference: 'Every key is described in docs/rulebook.md; your editor completes keys and shows their documentation.',
  version: 'The format version of this file.',
  name: 'A name for this rulebook, shown in reports.',
  extends1: 'Rulebooks applied before this one, in order; a later one wins. builtin:default is the built-in rule set.',
  extends2: "Add your organization's rulebook (a file, or a folder such as a git submodule or an npm package):",
  disable: 'Rules that do not run anywhere: rule ids, a prefix ending in * (c.risky.*), or all.',
  enable: 'Rules turned back on after an earlier disable (for example one your organization rulebook switched off).',
  overrides1: 'Change a rule without copying it: severity, message, paths (include/exclude), allow.',
  overrides2: 'Keys are rule ids, a prefix ending in *, or all. For example:',
  paths1: 'Settings for some files only: minimatch globs from the repository root.',
  paths2: 'Every matching section applies after the settings above, in order.',
  classes1: 'Which files are test code, docs or vendored (third-party) code; `rulebook explain FILE` says which and why.',
  classes2: 'Built-in conventions know the usual layouts (tests/, *_test.go, docs/, vendor/, third_party/…); add globs where',
  classes3: 'yours differ. Each rule says what it means in each class: no test accounts in tests, vendored code apart at info.',
  vendor: 'Third-party code copied in under another name, e.g. ["src/libfoo/**"].',
  legacy: 'Old code: findings as warnings while it is being cleaned up.',
  rules1: "Your own rules. Each rule's examples run every time the rulebook loads: a bad example that is not flagged,",
  rules2: 'or a good one that is, is an error at that example. Two starters to copy from:',
  regex: 'A regex in RE2 syntax: always linear time; no look-around or back-references.',
  scope: 'Where the regex looks: code (not strings or comments), string, comment or any.',
  examples: 'bad: code the rule must flag; good: code it must not. An example can name its language.',
  query: 'A tree-sitter query: @call names the flagged node; #match? regexes run on RE2 too.',
};

const JA: Texts = {
  title: 'このリポジトリのセキュアコーディング規約（ルールブック）です。',
  intro1: 'エディター拡張機能と `rulebook` コマンドがこのファイルを読みます。内容の検査と、ファイルにどのルールが',
  intro2: 'なぜ適用されるかの確認は次のとおりです:',
  reference: 'すべてのキーの説明は docs/rulebook.md にあります。エディターはキーの補完と説明の表示ができます。',
  version: 'このファイルの形式のバージョン。',
  name: 'レポートに表示されるルールブックの名前。',
  extends1: 'このルールブックより先に順に適用するルールブック（後のものが優先）。builtin:default は組み込みのルール集です。',
  extends2: '組織のルールブックを追加できます（ファイル、または git サブモジュールや npm パッケージのフォルダー）:',
  disable: 'どこでも実行しないルール: ルール ID、* で終わる接頭辞（c.risky.*）、または all。',
  enable: '先に disable されたルールを再び有効にします（組織のルールブックが無効にしたものなど）。',
  overrides1: 'ルールをコピーせずに変更します: severity、message、paths（include/exclude）、allow。',
  overrides2: 'キーはルール ID、* で終わる接頭辞、または all。例:',
  paths1: '一部のファイルだけの設定: リポジトリのルートからの minimatch グロブ。',
  paths2: '一致するすべてのセクションが、上の設定の後に順に適用されます。',
  classes1: 'どのファイルがテストコード・ドキュメント・取り込んだ外部のコードか。`rulebook explain FILE` で理由付きで確認できます。',
  classes2: '組み込みの規約が一般的な構成（tests/、*_test.go、docs/、vendor/、third_party/ など）を認識します。異なる構成には',
  classes3: 'グロブを追加してください。各ルールはクラスごとの意味を持ちます（テスト内のテスト用アカウントは報告せず、外部のコードは info で別枠）。',
  vendor: '別の名前で取り込んだ外部のコード。例: ["src/libfoo/**"]',
  legacy: '古いコード: 整理が終わるまで指摘を警告にします。',
  rules1: '独自のルール。各ルールの examples はルールブックを読み込むたびに実行されます。検出されない bad の例や',
  rules2: '検出される good の例は、その例の位置でエラーになります。コピーして使える 2 つのルール:',
  regex: 'RE2 構文の正規表現: 常に線形時間で、先読み・後読み・後方参照はありません。',
  scope: '正規表現が探す場所: code（文字列・コメント以外）、string、comment、any。',
  examples: 'bad: ルールが検出すべきコード、good: 検出してはならないコード。例ごとに言語を指定できます。',
  query: 'tree-sitter クエリ: @call が指摘するノードです。#match? の正規表現も RE2 で実行されます。',
};

/** The starter rulebook's text, with comments in the given language. */
export function starterRulebook(locale: Locale = 'en'): string {
  const texts = locale === 'ja' ? JA : EN;
  return TEMPLATE.replace(/\{(\w+)\}/g, (whole, key: string) => texts[key] ?? whole);
}
