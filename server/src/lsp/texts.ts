/**
 * Every text the server itself shows a user (code action titles, hover labels, notices), in English and Japanese.
 * Rule texts come from the rulebook; these are the words around them.
 */
import { Locale } from '../engine';

const TEXTS = {
  suppressTitle: { en: 'Suppress {rule} on this line with a reason', ja: 'この行の {rule} を理由付きで抑制' },
  reasonPlaceholder: { en: 'reason', ja: '理由' },
  showDocumentationTitle: { en: 'Show documentation for {rule}', ja: '{rule} のドキュメントを表示' },
  fgetsTitle: { en: 'Replace with fgets({buf}, sizeof {buf}, stdin) (keeps the newline)', ja: 'fgets({buf}, sizeof {buf}, stdin) に置き換え（改行は残ります）' },
  snprintfTitle: { en: 'Replace with {replacement}({buf}, sizeof {buf}, …)', ja: '{replacement}({buf}, sizeof {buf}, …) に置き換え' },
  rationale: { en: 'Why', ja: '理由' },
  howToFix: { en: 'How to fix', ja: '修正方法' },
  examples: { en: 'Examples', ja: '例' },
  bad: { en: 'Flagged', ja: '検出される例' },
  good: { en: 'Not flagged', ja: '検出されない例' },
  severity: { en: 'Severity', ja: '重大度' },
  definedIn: { en: 'Defined in', ja: '定義' },
  builtin: { en: 'the built-in rulebook', ja: '組み込みルールブック' },
  guideItem7: { en: 'IPA guide item 7: secure coding', ja: 'IPA ガイド 項目 7: セキュアコーディング' },
  guideItem8: { en: 'IPA guide item 8: test features and test accounts', ja: 'IPA ガイド 項目 8: テスト機能・テストアカウント' },
  unknownRule: { en: 'No rule has the id `{rule}` in this workspace\'s rulebook.', ja: 'このワークスペースのルールブックに ID `{rule}` のルールはありません。' },
  untrusted: {
    en: 'This workspace is not trusted: its rulebook\'s own pattern rules ({count}) are not run. Built-in rules still are. Trust the workspace to run them.',
    ja: 'このワークスペースは信頼されていないため、ルールブック独自の pattern ルール（{count} 件）は実行されません。組み込みルールは実行されます。実行するにはワークスペースを信頼してください。',
  },
  lastGoodRulebook: {
    en: 'The rulebook has errors: the last valid version stays in effect until they are fixed.',
    ja: 'ルールブックにエラーがあります。修正されるまで、最後に有効だったバージョンが適用されます。',
  },
  scanTitle: { en: 'Secure coding: scanning the workspace', ja: 'セキュアコーディング: ワークスペースをスキャン中' },
  scanProgress: { en: '{done}/{total} files', ja: '{done}/{total} ファイル' },
  suppressLabel: { en: 'Suppress {rule}', ja: '{rule} を抑制' },
  reviewLabel: { en: 'Review', ja: 'レビュー' },
  approveTitle: { en: 'Approve {rule} as reviewer…', ja: 'レビュー担当者として {rule} を承認…' },
  revokeTitle: { en: 'Revoke approval of {rule}', ja: '{rule} の承認を取り消す' },
  approved: { en: 'Approved {rule} at {where} as {reviewer}, until {until}. Commit {ledger} with the change.', ja: '{where} の {rule} を {reviewer} として承認しました（{until} まで）。{ledger} を変更と一緒にコミットしてください。' },
  revoked: { en: 'Revoked the approval of {rule} at {where} as {reviewer}. Commit {ledger} with the change.', ja: '{where} の {rule} の承認を {reviewer} として取り消しました。{ledger} を変更と一緒にコミットしてください。' },
  reviewRefused: { en: 'Not recorded: {reason}', ja: '記録できませんでした: {reason}' },
  reviewFailed: { en: 'The review could not be signed or recorded: {reason}', ja: 'レビューを署名・記録できませんでした: {reason}' },
  noReviewerId: {
    en: 'Set secureCodingRulebook.review.reviewerId to your id in the rulebook\'s review.reviewers to approve findings.',
    ja: '指摘を承認するには、secureCodingRulebook.review.reviewerId にルールブックの review.reviewers でのあなたの ID を設定してください。',
  },
  noKey: {
    en: 'Set secureCodingRulebook.review.keyPath to your SSH private key (or start ssh-agent with the key loaded) to sign approvals.',
    ja: '承認に署名するには、secureCodingRulebook.review.keyPath に SSH 秘密鍵のパスを設定してください（または鍵を読み込んだ ssh-agent を起動してください）。',
  },
  noReviewSection: { en: 'The rulebook has no review section: nothing needs a sign-off here.', ja: 'ルールブックに review セクションがないため、承認の必要な指摘はありません。' },
  findingGone: { en: 'finding not found: {rule} is no longer at {where} (the flagged code changed or the file was closed)', ja: '指摘が見つかりません: {where} に {rule} の指摘はもうありません（コードが変更されたか、ファイルが閉じられました）' },
  ledgerLineIgnored: {
    en: 'This review ledger line cannot be read ({reason}): it approves nothing; every other approval still holds.',
    ja: 'このレビュー台帳の行は読み取れません（{reason}）。この行は何も承認しません。その他の承認はすべて有効です。',
  },
  outsideWorkspace: { en: '{file} is outside the rulebook\'s workspace {root}', ja: '{file} はルールブックのワークスペース {root} の外にあります' },
  inPathClass: { en: '{message} (in {class})', ja: '{message}（{class}）' },
  pathClassLabel: { en: 'Where', ja: '場所' },
  notScanned: { en: 'Not scanned for the secure-coding rulebook: {reason} ({detail}).', ja: 'セキュアコーディング規約のスキャン対象外です: {reason}（{detail}）。' },
  skipTooLarge: { en: 'the file is too large', ja: 'ファイルが大きすぎます' },
  skipBinary: { en: 'the file holds binary data', ja: 'バイナリデータを含んでいます' },
  skipMinified: { en: 'it looks minified or generated', ja: '圧縮または自動生成されたコードとみなしました' },
  skipUnreadable: { en: 'the file cannot be read', ja: 'ファイルを読み取れません' },
  skipTimeBudget: {
    en: 'its scan took too long; it is scanned again when it gets smaller or the rulebook changes',
    ja: 'スキャンに時間がかかりすぎました。ファイルが小さくなるかルールブックが変わると再スキャンします',
  },
  confidenceLabel: { en: 'Confidence', ja: '確信度' },
} as const;

export type TextKey = keyof typeof TEXTS;

export function text(key: TextKey, locale: Locale, vars: Readonly<Record<string, string | number>> = {}): string {
  return TEXTS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
