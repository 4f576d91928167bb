/**
 * Approving or revoking a finding on a reviewer's behalf: every check that can refuse, in the order a person would
 * want to hear about them, then the signed ledger entries to append. Each refusal says exactly why.
 */
import { Finding } from '../findings';
import { Rulebook } from '../rulebook/rulebook';
import { LocalizedText } from '../rulebook/types';
import { AuthorshipProvider, sameEmail } from './authorship';
import { ReviewAction, ReviewEntry, ReviewFields, addDays, canonicalMessage, isoSeconds, ruleDefinitionHash } from './entry';
import { Ledger } from './ledger';
import { maxDaysFor, reviewerById } from './policy';
import { sameKey } from './ssh-keys';
import { ReviewSigner } from './signer';
import { reviewStates } from './states';

export interface ReviewRequest {
  readonly action: ReviewAction;
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  /** One-based line of the finding. */
  readonly line: number;
  /** Which rule's finding, when the line has findings of several rules. */
  readonly ruleId?: string;
  readonly reviewerId: string;
  /** The justification: required to approve. */
  readonly reason?: string;
}

export type RefusalCode = 'no-reason' | 'not-a-reviewer' | 'key-mismatch' | 'no-finding' | 'ambiguous' | 'self-review' | 'unknown-author' | 'nothing-to-revoke';

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: LocalizedText;
}

export type ReviewOutcome = { readonly ok: true; readonly entries: readonly ReviewEntry[]; readonly findings: readonly Finding[] } | { readonly ok: false; readonly refusal: Refusal };

export interface ReviewContext {
  readonly rulebook: Rulebook;
  /** The findings of the request's file, as scanned now. */
  readonly findings: readonly Finding[];
  readonly ledger: Ledger;
  readonly signer: ReviewSigner;
  readonly authorship?: AuthorshipProvider;
  readonly now: Date;
}

const refuse = (code: RefusalCode, en: string, ja: string): ReviewOutcome => ({ ok: false, refusal: { code, message: { en, ja } } });

function onLine(finding: Finding, line: number): boolean {
  return finding.range.start.line + 1 <= line && line <= finding.range.end.line + 1;
}

export async function prepareReview(request: ReviewRequest, context: ReviewContext): Promise<ReviewOutcome> {
  const { rulebook, now } = context;
  const policy = rulebook.config.review;
  const where = `${request.path}:${request.line}`;
  const reason = (request.reason ?? '').trim();
  if (request.action === 'approve' && reason === '') {
    return refuse('no-reason', 'an approval needs a justification (--reason "…")', '承認には理由が必要です（--reason "…"）');
  }
  const reviewer = reviewerById(policy, request.reviewerId);
  if (!reviewer) {
    const listed = policy.reviewers.map((r) => r.id).join(', ');
    const en = listed ? `listed: ${listed}` : 'the rulebook lists no reviewers (review.reviewers)';
    const ja = listed ? `登録済み: ${listed}` : 'ルールブックにレビュー担当者がいません（review.reviewers）';
    return refuse('not-a-reviewer', `not a reviewer: \`${request.reviewerId}\` is not listed in the rulebook's review section (${en})`, `レビュー担当者ではありません: \`${request.reviewerId}\` はルールブックの review に登録されていません（${ja}）`);
  }
  if (!sameKey(context.signer.publicKey, reviewer.key)) {
    return refuse(
      'key-mismatch',
      `key does not match: the key given is ${context.signer.publicKey.fingerprint}, but ${reviewer.name} (${reviewer.id}) is listed with ${reviewer.key.fingerprint}`,
      `鍵が一致しません: 指定された鍵は ${context.signer.publicKey.fingerprint} ですが、${reviewer.name}（${reviewer.id}）の登録鍵は ${reviewer.key.fingerprint} です`,
    );
  }
  const atLine = context.findings.filter((f) => onLine(f, request.line));
  const chosen = request.ruleId ? atLine.filter((f) => f.ruleId === request.ruleId) : atLine;
  if (chosen.length === 0) {
    const here = atLine.length > 0 ? `; findings there: ${[...new Set(atLine.map((f) => f.ruleId))].join(', ')}` : '';
    const nearby = context.findings.filter((f) => Math.abs(f.range.start.line + 1 - request.line) <= 5).map((f) => `${f.range.start.line + 1} ${f.ruleId}`);
    const hint = here || (nearby.length > 0 ? `; nearby: ${nearby.join(', ')}` : '');
    const rule = request.ruleId ? ` of rule ${request.ruleId}` : '';
    return refuse('no-finding', `finding not found at that line: no finding${rule} at ${where}${hint}`, `その行に指摘がありません: ${where} に${request.ruleId ? ` ルール ${request.ruleId} の` : ''}指摘はありません${hint}`);
  }
  const rules = [...new Set(chosen.map((f) => f.ruleId))];
  if (rules.length > 1) {
    return refuse('ambiguous', `${where} has findings of ${rules.length} rules (${rules.join(', ')}); choose one with --rule`, `${where} には ${rules.length} 件のルールの指摘があります（${rules.join(', ')}）。--rule で 1 つ選んでください`);
  }
  const ruleId = rules[0];
  const compiled = rulebook.rule(ruleId);
  if (!compiled) return refuse('no-finding', `rule ${ruleId} is not in the rulebook`, `ルール ${ruleId} はルールブックにありません`);

  let targets = chosen;
  if (request.action === 'revoke') {
    const overview = await reviewStates(chosen, context.ledger, rulebook, { now });
    targets = overview.reviews.filter((r) => r.entry && r.state !== 'pending' && r.entry.entry.fingerprint === r.finding.fingerprint).map((r) => r.finding);
    if (targets.length === 0) {
      return refuse('nothing-to-revoke', `nothing to revoke: no approval of ${ruleId} at ${where} is on record`, `取り消す承認がありません: ${where} の ${ruleId} の承認は記録されていません`);
    }
  } else if (!policy.allowSelfReview) {
    const author = context.authorship ? (await context.authorship.authorsOf(request.path, [chosen[0].range.start.line + 1])).get(chosen[0].range.start.line + 1) : undefined;
    if (!author) {
      return refuse('unknown-author', `cannot tell who wrote ${where} (is it in a git repository?), so self-review cannot be ruled out`, `${where} を書いた人を特定できないため（git リポジトリ内ですか？）、自己レビューでないことを確認できません`);
    }
    if (sameEmail(author.email, reviewer.email)) {
      const committed = author.committed ? '' : ' (uncommitted change)';
      return refuse('self-review', `you wrote this line: ${where} is by ${author.email}${committed}, and the rulebook does not allow self-review`, `この行はあなたが書いたものです: ${where} の作成者は ${author.email}${author.committed ? '' : '（未コミットの変更）'} で、ルールブックは自己レビューを認めていません`);
    }
  }

  const time = isoSeconds(now);
  const expires = request.action === 'approve' ? isoSeconds(addDays(now, maxDaysFor(policy, ruleId))) : '';
  const ruleHash = ruleDefinitionHash(compiled.rule);
  const entries: ReviewEntry[] = [];
  for (const finding of targets) {
    const fields: ReviewFields = {
      action: request.action,
      fingerprint: finding.fingerprint,
      rule: ruleId,
      ruleHash,
      path: finding.path,
      line: finding.range.start.line + 1,
      snippetHash: finding.snippetHash,
      reviewer: reviewer.id,
      time,
      expires,
      reason,
    };
    const sig = await context.signer.sign(canonicalMessage(fields));
    entries.push({ ...fields, sig: sig.toString('base64') });
  }
  return { ok: true, entries, findings: targets };
}
