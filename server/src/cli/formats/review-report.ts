/**
 * `rulebook report`: the item-7 evidence as a document a lead pastes into the disclosure the guide asks for, in
 * English or Japanese. The content is built once as headings, paragraphs and tables; `report-render.ts` writes it
 * as Markdown or HTML.
 */
import { Locale, ReviewReport, Shortfall, localize } from '../../engine';
import { STATE_LABELS } from '../../engine/review/states';
import { ReportBlock, ReportDocument } from './report-render';

const day = (date: Date): string => date.toISOString().slice(0, 10);

const T = {
  title: { en: 'Secure coding: IPA guide item 7 self-assessment', ja: 'セキュアコーディング: IPA ガイド 項目 7 の自己評価' },
  level: { en: 'Level met', ja: '達成レベル' },
  level0: { en: 'Level 1 is not met yet.', ja: 'レベル 1 は未達成です。' },
  level1: { en: 'Level 1: a secure-coding rulebook is defined and applied, with no unaddressed findings.', ja: 'レベル 1: セキュアコーディング規約（ルールブック）を定め、適用し、未対応の指摘がありません。' },
  level2: {
    en: 'Level 2: level 1, and every flagged line has been reviewed and signed off by a designated reviewer other than its author.',
    ja: 'レベル 2: レベル 1 に加え、指摘されたすべての行を、作成者以外の指定レビュー担当者がレビューし署名付きで承認しています。',
  },
  missing: { en: 'Not yet met for the next level', ja: '次のレベルに不足している点' },
  evidence: { en: 'Evidence', ja: '根拠' },
  rulebook: { en: 'Rulebook', ja: 'ルールブック' },
  name: { en: 'Name', ja: '名前' },
  version: { en: 'Version (hash of its files)', ja: 'バージョン（ファイルのハッシュ）' },
  files: { en: 'Files', ja: 'ファイル' },
  rules: { en: 'Rules applied', ja: '適用ルール数' },
  scanned: { en: 'Files scanned', ja: '検査ファイル数' },
  require: { en: 'Severities that need a sign-off', ja: '承認が必要な重大度' },
  generated: { en: 'Generated', ja: '作成日時' },
  byRule: { en: 'Findings by rule and review state', ja: 'ルール別・レビュー状態別の指摘数' },
  rule: { en: 'Rule', ja: 'ルール' },
  severity: { en: 'Severity', ja: '重大度' },
  total: { en: 'Total', ja: '合計' },
  suppressed: { en: 'Suppressed inline', ja: 'インライン抑止' },
  noFindings: { en: 'No finding needs a sign-off.', ja: '承認が必要な指摘はありません。' },
  reviewers: { en: 'Designated reviewers', ja: '指定レビュー担当者' },
  noReviewers: { en: 'The rulebook names no reviewers (review.reviewers).', ja: 'ルールブックにレビュー担当者が指定されていません（review.reviewers）。' },
  reviewer: { en: 'Reviewer', ja: 'レビュー担当者' },
  key: { en: 'SSH key', ja: 'SSH 鍵' },
  holding: { en: 'Approvals in force', ja: '有効な承認' },
  signed: { en: 'Signatures (single and batch)', ja: '署名数（個別・一括）' },
  batches: { en: 'Batch approvals (legacy findings accepted by one signature each)', ja: '一括承認（既存の指摘を 1 つの署名で承認）' },
  batch: { en: 'Batch', ja: 'バッチ' },
  until: { en: 'Until', ja: '期限' },
  signedOn: { en: 'Signed on', ja: '署名日' },
  batchFindings: { en: 'Findings still covered / signed', ja: '有効な件数 / 署名時の件数' },
  excluded: { en: 'Left out (own lines, unknown author)', ja: '除外（本人の行・作成者不明）' },
  reason: { en: 'Justification', ja: '理由' },
  latest: { en: 'Latest approval', ja: '最新の承認' },
  oldest: { en: 'Oldest finding not yet approved', ja: '未承認の最も古い指摘' },
  oldestNone: { en: 'None: every finding that needs a sign-off is approved.', ja: 'ありません。承認が必要な指摘はすべて承認済みです。' },
  ledger: { en: 'Ledger lines that could not be used (corrupt or bad signature)', ja: '使用できなかった台帳の行（破損または署名不正）' },
} as const;

function shortfallText(s: Shortfall, locale: Locale): string {
  switch (s.code) {
    case 'no-rulebook':
      return locale === 'ja' ? '組織のルールブック（.secure-coding/rulebook.yaml）がありません（組み込みの既定ルールのみ）' : 'no rulebook of your own (.secure-coding/rulebook.yaml); only the built-in default applies';
    case 'rulebook-errors':
      return locale === 'ja' ? `ルールブックにエラーが ${s.count} 件あります（rulebook check）` : `the rulebook has ${s.count} error${s.count === 1 ? '' : 's'} (rulebook check)`;
    case 'unaddressed':
      return locale === 'ja' ? `未対応の指摘が ${s.count} 件あります（承認もインライン抑止もなし）` : `${s.count} finding${s.count === 1 ? ' is' : 's are'} unaddressed (neither approved nor suppressed inline)`;
    case 'no-reviewers':
      return locale === 'ja' ? 'レビュー担当者が指定されていません（review.reviewers）' : 'no reviewers are designated (review.reviewers)';
    case 'not-approved':
      return locale === 'ja' ? `指定レビュー担当者の有効な承認がない指摘が ${s.count} 件あります（rulebook review list）` : `${s.count} finding${s.count === 1 ? ' has' : 's have'} no valid approval by a designated reviewer (rulebook review list)`;
  }
}

export function reviewReportDocument(report: ReviewReport, locale: Locale): ReportDocument {
  const t = (text: { en: string; ja: string }): string => localize(text, locale);
  const blocks: ReportBlock[] = [];
  blocks.push({ kind: 'heading', text: `${t(T.level)}: ${report.level === 0 ? '—' : report.level}` });
  blocks.push({ kind: 'paragraph', text: t(report.level === 2 ? T.level2 : report.level === 1 ? T.level1 : T.level0) });
  if (report.shortfalls.length > 0) {
    blocks.push({ kind: 'heading', text: t(T.missing) });
    blocks.push({ kind: 'list', items: report.shortfalls.map((s) => shortfallText(s, locale)) });
  }
  blocks.push({ kind: 'heading', text: t(T.evidence) });
  blocks.push({
    kind: 'table',
    head: [t(T.rulebook), ''],
    rows: [
      [t(T.name), report.rulebook.name ?? '—'],
      [t(T.version), report.rulebook.version],
      [t(T.files), report.rulebook.files.join(', ') || '—'],
      [t(T.rules), String(report.rulebook.rules)],
      [t(T.require), report.rulebook.require.join(', ') || '—'],
      [t(T.scanned), String(report.filesScanned)],
      [t(T.generated), `${report.generated.toISOString().slice(0, 19)}Z`],
    ],
  });
  blocks.push({ kind: 'heading', text: t(T.byRule) });
  const states = (['approved', 'pending', 'expired', 'stale', 'bad-signature', 'self-approved', 'unknown-reviewer'] as const).filter(
    (s) => s === 'approved' || s === 'pending' || report.totals[s] > 0,
  );
  if (report.counts.length === 0) {
    blocks.push({ kind: 'paragraph', text: t(T.noFindings) });
  } else {
    blocks.push({
      kind: 'table',
      head: [t(T.rule), t(T.severity), t(T.total), ...states.map((s) => localize(STATE_LABELS[s], locale)), t(T.suppressed)],
      rows: [
        ...report.counts.map((c) => [c.ruleId, c.severity, String(c.total), ...states.map((s) => String(c.byState[s])), String(c.suppressed)]),
        [t(T.total), '', String(report.required), ...states.map((s) => String(report.totals[s])), String(report.counts.reduce((n, c) => n + c.suppressed, 0))],
      ],
    });
  }
  blocks.push({ kind: 'heading', text: t(T.reviewers) });
  if (report.reviewers.length === 0) {
    blocks.push({ kind: 'paragraph', text: t(T.noReviewers) });
  } else {
    blocks.push({
      kind: 'table',
      head: [t(T.reviewer), t(T.key), t(T.holding), t(T.signed), t(T.latest)],
      rows: report.reviewers.map((r) => [`${r.reviewer.name} (${r.reviewer.id}, ${r.reviewer.email})`, r.reviewer.key.fingerprint, String(r.holding), String(r.signed), r.latest ? day(r.latest) : '—']),
    });
  }
  if (report.batches.length > 0) {
    blocks.push({ kind: 'heading', text: t(T.batches) });
    blocks.push({
      kind: 'table',
      head: [t(T.batch), t(T.reviewer), t(T.signedOn), t(T.until), t(T.batchFindings), t(T.excluded), t(T.reason)],
      rows: report.batches.map((b) => [b.id, b.reviewerName ? `${b.reviewerName} (${b.reviewer})` : b.reviewer, day(b.time), day(b.expires), `${b.holding} / ${b.items}`, String(b.excluded), b.reason]),
    });
  }
  blocks.push({ kind: 'heading', text: t(T.oldest) });
  const oldest = report.oldestPending;
  if (!oldest) {
    blocks.push({ kind: 'paragraph', text: t(T.oldestNone) });
  } else {
    const f = oldest.review.finding;
    const since = oldest.author?.time ? (locale === 'ja' ? `、${day(oldest.author.time)} から` : `, since ${day(oldest.author.time)}`) : '';
    blocks.push({ kind: 'paragraph', text: `${f.path}:${f.range.start.line + 1} ${f.ruleId} (${localize(STATE_LABELS[oldest.review.state], locale)}${since})` });
  }
  if (report.ledgerProblems > 0) blocks.push({ kind: 'paragraph', text: `${t(T.ledger)}: ${report.ledgerProblems}` });
  return { title: t(T.title), lang: locale, blocks };
}
